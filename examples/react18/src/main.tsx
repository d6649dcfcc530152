// React 18 (`react` and `react-dom` are React 18 here: vite.config.ts). The wrappers from `pembinaan-asn/react`
// import the elements' modules, which register the tags (docs/embedding/react.md, "React 18").
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '../../shared/portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
