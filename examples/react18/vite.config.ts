// The React 18 example (docs/embedding/react.md): no plugin, esbuild compiles the JSX with React's automatic runtime.
// This repository has React 19 as `react`; React 18 is installed as `react18` and `react-dom18` (npm aliases), so
// `react` and `react-dom` (with subpaths such as `react/jsx-runtime`) resolve to those, in node_modules too (one
// React copy). A portal on React 18 has none of these aliases.
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: [
      { find: /^react(\/.*)?$/, replacement: 'react18$1' },
      { find: /^react-dom(\/.*)?$/, replacement: 'react-dom18$1' },
    ],
  },
});
