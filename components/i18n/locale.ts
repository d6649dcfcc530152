/**
 * Localization for the components: `@lit/localize` in runtime mode. Source strings are Indonesian (the language
 * every user sees by default); English is the one translation, in a module of its own
 * (`generated/en.ts`, made by `npm run i18n` from `xliff/en.xlf`) that is imported only when a page switches
 * to `en`: an Indonesian page never downloads the English strings.
 *
 * Which locale: `<asn-provider locale>` when set, else `<html lang>` starting with `en` → `en`, else `id`.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type AsnLocale = 'id' | 'en';
export const supportedLocales: readonly AsnLocale[] = ['id', 'en'];
export const defaultLocale: AsnLocale = 'id';

type Localization = ReturnType<typeof configureLocalization>;

let localization: Localization | null = null;
let configured = false;
/** The locale an `<asn-provider locale>` asked for; wins over `<html lang>`. */
let explicitLocale: AsnLocale | null = null;
let langObserver: MutationObserver | null = null;

/** Maps any BCP 47 tag to a shipped locale (`en-US` → `en`, `id-ID` → `id`), or null when none fits. */
export function normalizeLocale(tag: string | null | undefined): AsnLocale | null {
  const value = (tag ?? '').trim().toLowerCase();
  if (!value) return null;
  if (value.startsWith('en')) return 'en';
  if (value === 'id' || value.startsWith('id-') || value === 'in' || value.startsWith('in-')) return 'id';
  return null;
}

function documentLocale(): AsnLocale {
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  return lang.trim().toLowerCase().startsWith('en') ? 'en' : defaultLocale;
}

/** The locale the components should show now. */
export function resolveLocale(): AsnLocale {
  return explicitLocale ?? documentLocale();
}

/**
 * Once per copy of the library: configures `@lit/localize` and applies the resolved locale. Called by every element's constructor (importing a module has no side effect); cheap after.
 */
export function initLocalization(): void {
  if (configured) return;
  configured = true;
  try {
    localization = configureLocalization({
      sourceLocale,
      targetLocales,
      // A separate chunk (beside the CDN file too): fetched once, the first time a page asks for English.
      loadLocale: () => import('./generated/en.js'),
    });
  } catch (error) {
    // The host page configured @lit/localize itself (it may be configured only once per module instance).
    console.warn('[pembinaan-asn] @lit/localize is already configured on this page; using its locale.', error);
    localization = null;
  }
  void applyLocale();
  if (typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    langObserver = new MutationObserver(() => {
      if (!explicitLocale) void applyLocale();
    });
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
}

function applyLocale(): Promise<void> {
  if (!localization) return Promise.resolve();
  const wanted = resolveLocale();
  if (localization.getLocale() === wanted) return Promise.resolve();
  return localization.setLocale(wanted).catch((error: unknown) => {
    console.warn('[pembinaan-asn] could not switch locale:', error);
  });
}

/**
 * Sets (or, with null, clears) the locale asked for explicitly, e.g. by `<asn-provider locale>`. Resolves when
 * the components have the new templates. The locale is page-wide: the last provider to set one wins.
 */
export function setExplicitLocale(locale: string | null | undefined): Promise<void> {
  initLocalization();
  explicitLocale = normalizeLocale(locale);
  return applyLocale();
}

/** The active locale (`id` or `en`). */
export function currentLocale(): AsnLocale {
  const active = localization?.getLocale();
  return active === 'en' || active === 'id' ? active : resolveLocale();
}

/** The `Intl` locale for the active locale: `id-ID` or `en-US`. */
export function intlLocale(locale: AsnLocale = currentLocale()): string {
  return locale === 'en' ? 'en-US' : 'id-ID';
}

/** Display time zone of the deployment (WIT, UTC+9). */
export const TIME_ZONE = 'Asia/Jayapura';

/** Test hook: stop watching `<html lang>`. */
export function _stopWatchingLang(): void {
  langObserver?.disconnect();
  langObserver = null;
}
