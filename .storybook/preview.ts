import { setCustomElementsManifest, type Preview } from '@storybook/web-components';
import { parameters as webComponentsDocs } from '@storybook/web-components/dist/entry-preview-argtypes.mjs';
import { setLocale } from '../components/index.js';
import type { CatalogView } from '../components/program-catalog/program-catalog.js';
import { AgreementStatus, ApplicationStatus, Competency, GoalStatus, PartnerKind, ProgramType } from '../src/contract/index.js';
import customElements from '../custom-elements.json' with { type: 'json' };
import { readonlyFieldsByTag, refineArgTypes, storybookManifest } from './manifest.js';
import './preview.css';

// `npm run analyze` writes custom-elements.json before Storybook starts; it feeds the controls and docs tables,
// through `storybookManifest` (see manifest.ts: the renderer keys every entry by bare name, so a part named like a
// property replaced it, and it listed private members).
const manifest = storybookManifest(customElements);
setCustomElementsManifest(manifest);
const readonlyFields = readonlyFieldsByTag(manifest);
// The named unions of literals the elements' property types use (the manifest keeps the name): selects, not objects.
const catalogViews: CatalogView[] = ['catalog', 'mine'];
const aliases: Record<string, readonly string[]> = {
  GoalStatus: GoalStatus.options,
  ApplicationStatus: ApplicationStatus.options,
  PartnerKind: PartnerKind.options,
  AgreementStatus: AgreementStatus.options,
  ProgramType: ProgramType.options,
  Competency: Competency.options,
  CatalogView: catalogViews,
};

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
      // A story may pin its own locale (parameters.locale); otherwise the toolbar decides. The locale is page-wide,
      // so a docs page (every story on one page) follows the toolbar only; the pinned stories are not on it.
      const pinned = context.viewMode === 'docs' ? undefined : (context.parameters.locale as string | undefined);
      const locale = pinned ?? (context.globals.locale as string | undefined) ?? 'id';
      document.documentElement.lang = locale;
      void setLocale(locale);
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
    docs: {
      // The renderer's own extraction from the manifest, with controls it cannot infer from TypeScript type text.
      extractArgTypes: (tag: string) => {
        const argTypes = webComponentsDocs.docs.extractArgTypes(tag);
        return argTypes ? refineArgTypes(argTypes, readonlyFields.get(tag) ?? new Set(), aliases) : argTypes;
      },
    },
  },
};

export default preview;
