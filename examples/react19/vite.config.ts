// The React 19 example (docs/embedding/react.md): no plugin, esbuild compiles the JSX with React's automatic runtime.
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
});
