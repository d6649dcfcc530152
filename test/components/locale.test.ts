// Indonesian is the source locale: a page in `id` never downloads the English strings; switching to `en` at run
// time fetches them once, and switching back needs nothing.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/index.js';
import { getLocale, setLocale } from '../../components/index.js';
import type { AsnProgressCard } from '../../components/progress-card/progress-card.js';
import { loadedSummary } from '../../stories/fixtures.js';

// The test page loads hundreds of modules: make room so the English module's entry is recorded.
performance.setResourceTimingBufferSize(100_000);
const englishRequests = () => performance.getEntriesByType('resource').filter((e) => /i18n\/generated\/en\.(ts|js)/.test(e.name)).length;
const title = (el: AsnProgressCard) => el.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim();

describe('locale at run time', () => {
  it('shows Indonesian without loading English, switches to English and back', async () => {
    await setLocale(null);
    const el = await fixture<AsnProgressCard>(html`<asn-progress-card .summary=${loadedSummary}></asn-progress-card>`);
    expect(getLocale()).to.equal('id');
    expect(title(el)).to.equal('Progres belajar 2025');
    expect(englishRequests()).to.equal(0);

    await setLocale('en');
    await waitUntil(() => title(el) === 'Learning progress 2025', 'the card did not switch to English');
    expect(englishRequests()).to.equal(1);
    await expect(el).to.be.accessible();

    await setLocale('id');
    await waitUntil(() => title(el) === 'Progres belajar 2025', 'the card did not switch back to Indonesian');
    await setLocale('en');
    await waitUntil(() => title(el) === 'Learning progress 2025');
    expect(englishRequests()).to.equal(1); // fetched once
    await setLocale(null);
  });

  it('follows <html lang> when no provider sets a locale', async () => {
    await setLocale(null);
    const el = await fixture<AsnProgressCard>(html`<asn-progress-card .summary=${loadedSummary}></asn-progress-card>`);
    document.documentElement.lang = 'en-US';
    await waitUntil(() => title(el) === 'Learning progress 2025', '<html lang="en-US"> did not switch to English');
    document.documentElement.lang = 'id';
    await waitUntil(() => title(el) === 'Progres belajar 2025');
    document.documentElement.lang = '';
  });
});
