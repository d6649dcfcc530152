// The renderer's argTypes entry is exported by @storybook/web-components (package.json `exports`), but without a
// `types` condition; its own dist/entry-preview-argtypes.d.ts says this.
declare module '@storybook/web-components/dist/entry-preview-argtypes.mjs' {
  import type { InputType } from 'storybook/internal/csf';

  export const parameters: {
    docs: {
      extractArgTypes: (tagName: string) => Record<string, InputType> | null | undefined;
      extractComponentDescription: (tagName: string) => string | null | undefined;
    };
  };
}
