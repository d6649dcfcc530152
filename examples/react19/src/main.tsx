// Registers the elements before React renders: React 19 sets a prop as a property only when the element already
// has it (`key in element`), else as an attribute (docs/embedding/react.md, "Properties and attributes").
import 'pembinaan-asn/components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '../../shared/portal.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
