import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import { setLocale } from '../components/index.js';
import customElements from '../custom-elements.json';

// `npm run analyze` writes custom-elements.json before Storybook starts; it feeds the controls and docs tables.
setCustomElementsManifest(customElements);

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Bahasa / Language',
        icon: 'globe',
        items: [
          { value: 'id', title: 'Bahasa Indonesia' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'id' },
  decorators: [
    (story, context) => {
      // A story may pin its own locale (parameters.locale); otherwise the toolbar decides.
      const locale = (context.parameters.locale as string | undefined) ?? (context.globals.locale as string | undefined) ?? 'id';
      document.documentElement.lang = locale;
      void setLocale(locale);
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};

export default preview;
