// The Vue example (docs/embedding/vue.md): Vite with @vitejs/plugin-vue, told which tags are custom elements.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { isCustomElement } from 'pembinaan-asn/vue';

export default defineConfig({
  plugins: [
    vue({
      template: {
        // `<asn-…>` are custom elements, not Vue components Vue should resolve.
        compilerOptions: { isCustomElement },
      },
    }),
  ],
});
