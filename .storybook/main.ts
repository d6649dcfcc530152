import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // The TS sources use legacy decorators (tsconfig: experimentalDecorators, useDefineForClassFields false).
    viteConfig.esbuild = {
      ...(typeof viteConfig.esbuild === 'object' ? viteConfig.esbuild : {}),
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    };
    return viteConfig;
  },
};

export default config;
