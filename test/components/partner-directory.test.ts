import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/partner-directory/define.js';
import type { AsnPartnerDirectory } from '../../components/partner-directory/partner-directory.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { Partner } from '../../src/contract/index.js';
import { FakeCoachingClient, never } from '../../stories/fixtures.js';
import { directoryNow, directoryPartners, hostilePartner, makeAgreement, makePartner, umSorong } from '../../stories/partner-fixtures.js';
import { networkError, text } from './helpers.js';

const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector(sel) as T | null;
const $$ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const names = (el: Element) => $$(el, 'li.partner h3').map((h) => h.textContent);
const partner = (el: Element, id: string) => $(el, `#p-${id}`)!;
const disclosure = (el: Element, id: string) => partner(el, id).querySelector<HTMLButtonElement>('[part="disclosure"]')!;
const announced = (el: Element) => squash($(el, '[role="status"][aria-live="polite"]')!.textContent);
/** The direct agreement items of a tree level. */
const items = (ul: Element) => [...ul.children].filter((c): c is HTMLLIElement => c.localName === 'li');
const heading = (li: Element) => squash(li.querySelector(':scope > .agreement-body > .agreement-heading')!.textContent);
const status = (li: Element) => squash(li.querySelector(':scope > .agreement-body .badge.status')!.textContent);
const childTree = (li: Element) => li.querySelector<HTMLUListElement>(':scope > ul.tree');

async function directoryWith(partners: Partner[] = directoryPartners, attrs: { expanded?: string } = {}): Promise<AsnPartnerDirectory> {
  const el = await fixture<AsnPartnerDirectory>(
    html`<asn-partner-directory .partners=${partners} .now=${directoryNow} expanded=${attrs.expanded ?? ''}></asn-partner-directory>`,
  );
  await el.updateComplete;
  return el;
}

async function directoryThrough(client: FakeCoachingClient, attrs = ''): Promise<AsnPartnerDirectory> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}></asn-provider>`);
  provider.innerHTML = `<asn-partner-directory ${attrs}></asn-partner-directory>`;
  const el = provider.querySelector('asn-partner-directory')!;
  el.now = directoryNow;
  await waitUntil(() => $(el, 'li.partner, .empty, .error'), 'directory rendered');
  return el;
}

describe('asn-partner-directory from properties', () => {
  before(async () => {
    await setExplicitLocale(null);
  });
  afterEach(async () => {
    await setExplicitLocale(null); // a failed English test leaves no English behind
  });

  it('lists each partner under its own heading: kind, city, website and status in words, accessibly', async () => {
    const el = await directoryWith();
    expect($(el, 'h2')!.textContent).to.equal('Mitra kerja sama');
    expect(names(el)).to.deep.equal(directoryPartners.map((p) => p.name));
    const ums = squash(partner(el, 'ptn_umsorong').textContent);
    for (const s of ['Perguruan tinggi', 'Status kerja sama: Aktif', 'um-sorong.ac.id', '4 perjanjian kerja sama']) expect(ums).to.include(s);
    const facts = [...partner(el, 'ptn_umsorong').querySelectorAll(':scope > .facts > div')].map((d) => [squash(d.querySelector('dt')!.textContent), squash(d.querySelector('dd')!.textContent)]);
    expect(facts).to.deep.equal([['Kota', 'Kota Sorong'], ['Situs web', 'um-sorong.ac.id']]);
    const link = partner(el, 'ptn_umsorong').querySelector<HTMLAnchorElement>('a[part="website"]')!;
    expect(link.getAttribute('href')).to.equal('https://um-sorong.ac.id/');
    expect(link.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
    // Every kind and every status is said in text, not by colour alone.
    expect(squash(partner(el, 'ptn_bpssorong').querySelector('.badge.kind')!.textContent)).to.equal('Instansi pemerintah');
    expect(squash(partner(el, 'ptn_papuadigital').querySelector('.badge.kind')!.textContent)).to.equal('Perusahaan');
    expect(squash(partner(el, 'ptn_pesisirlestari').querySelector('.badge.kind')!.textContent)).to.equal('Organisasi nirlaba (LSM)');
    expect(squash(partner(el, 'ptn_bpssorong').querySelector('.badge.status')!.textContent)).to.equal('Status kerja sama: Segera berakhir · berakhir dalam 72 hari');
    expect(squash(partner(el, 'ptn_pesisirlestari').querySelector('.badge.status')!.textContent)).to.equal('Status kerja sama: Sudah berakhir');
    expect(squash(partner(el, 'ptn_unimuda').querySelector('.badge.status')!.textContent)).to.equal('Status kerja sama: Belum berlaku');
    // No website: no link and no empty row.
    expect(partner(el, 'ptn_uvictory').querySelector('a')).to.equal(null);
    expect(squash(partner(el, 'ptn_uvictory').textContent)).not.to.include('Situs web');
    // Collapsed: the buttons say so and the panels are hidden.
    expect($$(el, '[part="disclosure"]').map((b) => b.getAttribute('aria-expanded'))).to.deep.equal(directoryPartners.map(() => 'false'));
    expect($$(el, '[part="agreements"]').every((p) => p.hidden)).to.equal(true);
    expect($$(el, 'ul.tree')).to.have.length(0);
    expect($$(el, '[style]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('opens a partner into its agreement tree, MoU → PKS → implementation, in order with statuses, and fires asn-partner-select', async () => {
    const el = await directoryWith();
    const button = disclosure(el, 'ptn_umsorong');
    const panel = $(el, `#${button.getAttribute('aria-controls')}`)!;
    const selected = oneEvent(el, 'asn-partner-select');
    button.click();
    const { detail, bubbles, composed } = await selected;
    expect(bubbles && composed).to.equal(true);
    expect(detail.partnerId).to.equal('ptn_umsorong');
    expect(detail.partner.name).to.equal(umSorong.name);
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    expect(el.expanded).to.equal('ptn_umsorong');

    const root = panel.querySelector<HTMLUListElement>(':scope > ul.tree')!;
    expect(root.getAttribute('aria-label')).to.equal('Perjanjian dengan Universitas Muhammadiyah Sorong (UM Sorong)');
    const [mou] = items(root);
    expect(items(root)).to.have.length(1);
    expect(heading(mou)).to.equal('Nota Kesepahaman (MoU) No. 119/MOU/PEMKOT-SRG/II/2024');
    expect(mou.querySelector(':scope > .agreement-body > h4')).to.not.equal(null);
    expect(status(mou)).to.equal('Aktif');
    const body = squash(mou.querySelector(':scope > .agreement-body')!.textContent);
    for (const s of [
      'Kerja Sama Pengembangan Sumber Daya Manusia Aparatur dan Tridharma Perguruan Tinggi',
      'Masa berlaku 12 Feb 2024 – 11 Feb 2029',
      'Penanda tangan mitra Dr. Ahmad Rumagia, M.Pd., Rektor UM Sorong',
      'Penanda tangan pemerintah Yohanes Kambuaya, S.H., M.Si., Wali Kota Sorong',
      'Hasil kerja sama Belum ada program atau lowongan magang di bawah perjanjian ini.',
    ]) {
      expect(body).to.include(s);
    }
    expect(mou.querySelector('time')!.getAttribute('datetime')).to.equal('2024-02-12');
    expect([...mou.querySelectorAll(':scope > .agreement-body .scope > li')].map((li) => li.textContent)).to.deep.equal(umSorong.agreements[0].scope);

    const pks = childTree(mou)!;
    expect(pks.getAttribute('aria-label')).to.equal('Perjanjian di bawah 119/MOU/PEMKOT-SRG/II/2024');
    expect(items(pks).map(heading)).to.deep.equal([
      'Perjanjian Kerja Sama (PKS) No. 800.1/07/PKS/BKPSDM/III/2024',
      'Perjanjian Kerja Sama (PKS) No. 800.1/18/PKS/BKPSDM/V/2025',
    ]);
    expect(items(pks).map(status)).to.deep.equal(['Aktif', 'Aktif']);
    expect(items(pks)[0].querySelector(':scope > .agreement-body > h5')).to.not.equal(null);
    expect(squash(items(pks)[0].querySelector('[part="delivered"]')!.textContent)).to.equal('Hasil kerja sama Lowongan magang Aplikasi Antrean Layanan Kependudukan');
    expect(squash(items(pks)[1].querySelector('[part="delivered"]')!.textContent)).to.equal(
      'Hasil kerja sama Program pengembangan kompetensi Workshop Komunikasi Publik dan Kerja Sama Tim',
    );
    expect(childTree(items(pks)[1])).to.equal(null);

    const implementation = childTree(items(pks)[0])!;
    expect(implementation.getAttribute('aria-label')).to.equal('Perjanjian di bawah 800.1/07/PKS/BKPSDM/III/2024');
    const [pp] = items(implementation);
    expect(heading(pp)).to.equal('Pengaturan Pelaksanaan No. 800.1/23/PP/BKPSDM/VIII/2025');
    expect(pp.querySelector(':scope > .agreement-body > h6')).to.not.equal(null);
    expect(status(pp)).to.equal('Segera berakhir · berakhir dalam 72 hari');
    expect(squash(pp.textContent)).to.include('Masa berlaku 18 Agu 2025 – 31 Des 2025');
    expect(squash(pp.querySelector('[part="delivered"]')!.textContent)).to.include('Analisis Data Kepegawaian ASN Kota Sorong');
    await expect(el).to.be.accessible();

    // Closing fires nothing and hides the panel again.
    let fired = 0;
    el.addEventListener('asn-partner-select', () => fired++);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
    expect(fired).to.equal(0);
    expect(el.expanded).to.equal('');
  });

  it('shows upcoming and expired agreements as such, and the expanded attribute opens partners', async () => {
    const el = await directoryWith(directoryPartners, { expanded: 'ptn_unimuda ptn_papuadigital' });
    const unimuda = partner(el, 'ptn_unimuda').querySelector('ul.tree')!;
    expect(items(unimuda).map(heading)).to.deep.equal(['Nota Kesepahaman (MoU) No. 045/MOU/PEMKOT-SRG/III/2020', 'Nota Kesepahaman (MoU) No. 388/MOU/PEMKOT-SRG/XI/2025']);
    expect(items(unimuda).map(status)).to.deep.equal(['Sudah berakhir', 'Belum berlaku']);
    const pdn = partner(el, 'ptn_papuadigital').querySelector('ul.tree')!;
    expect(status(items(childTree(items(childTree(items(pdn)[0])!)[0])!)[0])).to.equal('Belum berlaku');
    expect(partner(el, 'ptn_umsorong').querySelector('ul.tree')).to.equal(null);
  });

  it('builds the tree from a flat list in any order: children after their parent by start date, orphans kept as roots', async () => {
    const p = makePartner({
      id: 'ptn_order1',
      name: 'Mitra Urutan',
      agreements: [
        makeAgreement({ id: 'agr_pp1', kind: 'implementation', parentId: 'agr_pks2', number: 'PP-1', startsOn: '2025-02-01' }),
        makeAgreement({ id: 'agr_pks2', kind: 'pks', parentId: 'agr_mou1', number: 'PKS-2', startsOn: '2025-01-01' }),
        makeAgreement({ id: 'agr_pks1', kind: 'pks', parentId: 'agr_mou1', number: 'PKS-1', startsOn: '2024-06-01' }),
        makeAgreement({ id: 'agr_mou1', number: 'MOU-1', startsOn: '2024-01-01' }),
        makeAgreement({ id: 'agr_orphan', kind: 'pks', parentId: 'agr_gone', number: 'PKS-YATIM', startsOn: '2024-03-01' }),
      ],
    });
    const el = await directoryWith([p], { expanded: 'ptn_order1' });
    const root = $(el, '[part="agreements"] > ul.tree')!;
    const numbers = (ul: Element) => items(ul).map((li) => squash(li.querySelector('.agreement-number')!.textContent));
    expect(numbers(root)).to.deep.equal(['No. MOU-1', 'No. PKS-YATIM']);
    const pks = childTree(items(root)[0])!;
    expect(numbers(pks)).to.deep.equal(['No. PKS-1', 'No. PKS-2']);
    expect(numbers(childTree(items(pks)[1])!)).to.deep.equal(['No. PP-1']);
    expect($$(el, 'li.agreement')).to.have.length(5);
  });

  it('is usable by keyboard: Tab reaches the search, the filters, the links and the disclosure buttons; Enter and Space toggle', async () => {
    const el = await directoryWith();
    const search = $<HTMLInputElement>(el, '#f-q')!;
    expect(search.type).to.equal('search');
    expect(squash($(el, 'label[for="f-q"]')!.textContent)).to.equal('Cari mitra');
    search.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-kind');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-status');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('website'); // BPS's site
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(disclosure(el, 'ptn_bpssorong'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(disclosure(el, 'ptn_bpssorong').getAttribute('aria-expanded')).to.equal('true');
    expect(active(el)).to.equal(disclosure(el, 'ptn_bpssorong')); // focus stays on the button
    expect(items(partner(el, 'ptn_bpssorong').querySelector('ul.tree')!).map(heading)).to.deep.equal(['Nota Kesepahaman (MoU) No. B-112/91710/HM.010/I/2023']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(disclosure(el, 'ptn_bpssorong').getAttribute('aria-expanded')).to.equal('false');
    // The tree holds no control: the next Tab goes on to the next partner.
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('website');
    expect(partner(el, 'ptn_polikpsorong').contains(active(el))).to.equal(true);
  });

  it('filters by kind, status and search, and announces how many were found in the polite live region', async () => {
    const el = await directoryWith();
    $<HTMLSelectElement>(el, '#f-status')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // Semua status → Aktif
    await sendKeys({ press: 'ArrowDown' }); // → Segera berakhir
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#f-status')!.value).to.equal('expiring');
    expect(names(el)).to.deep.equal(['Badan Pusat Statistik (BPS) Kota Sorong']);
    await waitUntil(() => announced(el) === '1 mitra ditemukan', 'count not announced');
    $<HTMLSelectElement>(el, '#f-status')!.focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.status).to.equal('');

    $<HTMLSelectElement>(el, '#f-kind')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // → Perguruan tinggi
    await el.updateComplete;
    expect(el.kind).to.equal('university');
    expect(names(el)).to.have.length(4);
    await waitUntil(() => announced(el) === '4 mitra ditemukan');

    // The search looks in names, cities, and agreement numbers and titles.
    $<HTMLInputElement>(el, '#f-q')!.focus();
    await sendKeys({ type: 'kelautan' });
    await waitUntil(() => names(el).length === 1, 'the search did not apply');
    expect(names(el)).to.deep.equal(['Politeknik Kelautan dan Perikanan Sorong']);
    $<HTMLInputElement>(el, '#f-q')!.select(); // what is typed next replaces it
    await sendKeys({ type: 'PKS/BKPSDM/V/2025' });
    await waitUntil(() => names(el).length === 1 && names(el)[0] === umSorong.name, 'agreement numbers are not searched');

    await sendKeys({ type: 'xyz' });
    await waitUntil(() => text(el).includes('Tidak ada mitra yang cocok'));
    await waitUntil(() => announced(el) === 'Tidak ada mitra yang cocok');
    await expect(el).to.be.accessible();
    const clear = $$(el, 'button').find((b) => squash(b.textContent) === 'Hapus filter' && b.closest('.empty-action'))!;
    clear.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(names(el)).to.have.length(7);
    expect(active(el)?.id).to.equal('f-q');
    expect($<HTMLSelectElement>(el, '#f-kind')!.value).to.equal('');
  });

  it('presets the filters from the kind and status attributes, and ignores values that are neither', async () => {
    const el = await fixture<AsnPartnerDirectory>(
      html`<asn-partner-directory kind="university" status="active" .partners=${directoryPartners} .now=${directoryNow}></asn-partner-directory>`,
    );
    expect($<HTMLSelectElement>(el, '#f-kind')!.value).to.equal('university');
    expect($<HTMLSelectElement>(el, '#f-status')!.value).to.equal('active');
    expect(names(el)).to.deep.equal(['Politeknik Kelautan dan Perikanan Sorong', umSorong.name, 'Universitas Victory Sorong']);
    el.setAttribute('kind', 'alien');
    await el.updateComplete;
    expect(names(el)).to.have.length(4); // every active partner
  });

  it('renders hostile partner and agreement text as text, and a javascript: website as no link', async () => {
    delete (window as { __pwned?: unknown }).__pwned;
    const el = await directoryWith([hostilePartner], { expanded: 'ptn_hostile1' });
    await aTimeout(100);
    const name = $(el, 'li.partner h3')!;
    expect(name.textContent).to.equal(hostilePartner.name);
    expect(name.children).to.have.length(0);
    expect(squash(partner(el, 'ptn_hostile1').textContent)).to.include('<script>window.__pwned=1</script>');
    expect($$(el, 'a')).to.have.length(0);
    const a = hostilePartner.agreements[0];
    const li = $(el, 'li.agreement')!;
    expect(squash(li.querySelector('.agreement-number')!.textContent)).to.equal(`No. ${a.number}`);
    expect(li.querySelector('.agreement-title')!.textContent).to.equal(a.title);
    for (const s of [a.scope[0], a.signatories.partner.name, a.signatories.partner.position, a.signatories.government.name, a.delivered.programs[0].title, a.delivered.openings[0].title]) {
      expect(squash(li.textContent)).to.include(s);
    }
    expect($$(el, 'img, b, i, u, svg:not([aria-hidden]), script, a')).to.have.length(0);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows "Belum ada mitra" when there are none, accessibly', async () => {
    const el = await directoryWith([]);
    expect(text(el)).to.include('Belum ada mitra');
    expect($(el, '.empty-action')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the partners with an offline notice, accessibly', async () => {
    const el = await directoryWith();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(el.offline).to.equal(true);
    expect($(el, '[part="offline"]')!.textContent).to.include('luring');
    expect(names(el)).to.have.length(7);
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect($(el, '[part="offline"]')).to.equal(null);
  });

  it('fits 320 px and follows the dark scheme through the tokens, expanded, accessibly (contrast included)', async () => {
    const wrapper = await fixture(
      html`<div style="color-scheme: dark; inline-size: 320px"><asn-partner-directory .partners=${directoryPartners} .now=${directoryNow} expanded="ptn_umsorong ptn_polikpsorong"></asn-partner-directory></div>`,
    );
    const el = wrapper.querySelector('asn-partner-directory')!;
    await el.updateComplete;
    const base = $(el, '[part="base"]')!;
    expect(getComputedStyle(base).backgroundColor).to.equal('rgb(23, 32, 43)'); // --asn-color-surface-dark default
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const li of $$(el, 'li.agreement')) expect(li.getBoundingClientRect().right).to.be.at.most(base.getBoundingClientRect().right);
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await directoryWith(directoryPartners, { expanded: 'ptn_umsorong' });
    await setExplicitLocale('en');
    await el.updateComplete;
    expect($(el, 'h2')!.textContent).to.equal('Partners');
    expect(squash($(el, 'label[for="f-q"]')!.textContent)).to.equal('Search partners');
    expect(squash(partner(el, 'ptn_bpssorong').querySelector('.badge.status')!.textContent)).to.equal('Cooperation status: Ending soon · ends in 72 days');
    expect(squash(partner(el, 'ptn_umsorong').querySelector('.badge.kind')!.textContent)).to.equal('University');
    const tree = squash(partner(el, 'ptn_umsorong').querySelector('ul.tree')!.textContent);
    for (const s of ['Memorandum of Understanding (MoU)', 'Cooperation Agreement (PKS)', 'Implementation Arrangement', 'In force Feb 12, 2024 – Feb 11, 2029', 'Signed for the partner by', 'Internship openings']) {
      expect(tree).to.include(s);
    }
    expect(partner(el, 'ptn_umsorong').querySelector('ul.tree')!.getAttribute('aria-label')).to.equal('Agreements with Universitas Muhammadiyah Sorong (UM Sorong)');
    await expect(el).to.be.accessible();
    await setExplicitLocale(null);
    await el.updateComplete;
    expect($(el, 'h2')!.textContent).to.equal('Mitra kerja sama');
  });
});

describe('asn-partner-directory through a client', () => {
  before(async () => {
    await setExplicitLocale(null);
  });

  const listQueries = (c: FakeCoachingClient) => c.partners.callsOf('list').map((args) => args[0]);

  it('loads the partners through partners.list, accessibly', async () => {
    const client = new FakeCoachingClient();
    const el = await directoryThrough(client);
    expect(listQueries(client)).to.deep.equal([{ limit: 20 }]);
    expect(names(el)).to.deep.equal(directoryPartners.map((p) => p.name));
    await expect(el).to.be.accessible();
  });

  it('sends the kind, the status and the search (after a pause, once) to the server query, and announces the count', async () => {
    const client = new FakeCoachingClient();
    const el = await directoryThrough(client, 'kind="university"');
    expect(listQueries(client)).to.deep.equal([{ kind: 'university', limit: 20 }]);
    $<HTMLSelectElement>(el, '#f-status')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // → Aktif
    await waitUntil(() => listQueries(client).length === 2, 'no request for the status');
    expect(listQueries(client)[1]).to.deep.equal({ kind: 'university', status: 'active', limit: 20 });
    await waitUntil(() => announced(el) === '3 mitra ditemukan', 'count not announced');
    $<HTMLInputElement>(el, '#f-q')!.focus();
    await sendKeys({ type: 'victory' });
    await waitUntil(() => listQueries(client).length === 3, 'the search was not sent');
    await aTimeout(400);
    expect(listQueries(client)).to.have.length(3); // one request for the whole word, not one per letter
    expect(listQueries(client)[2]).to.deep.equal({ kind: 'university', status: 'active', q: 'victory', limit: 20 });
    await waitUntil(() => names(el).length === 1 && announced(el) === '1 mitra ditemukan');
    // Enter searches at once.
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => listQueries(client).length === 4);
    expect(listQueries(client)[3]).to.deep.include({ q: 'victor' });
  });

  it('shows the loading skeleton while the list is on its way, accessibly', async () => {
    const client = new FakeCoachingClient();
    client.partners.listAnswer = never;
    const provider = await fixture(html`<asn-provider .client=${client.asClient()}><asn-partner-directory></asn-partner-directory></asn-provider>`);
    const el = provider.querySelector('asn-partner-directory')!;
    await waitUntil(() => client.partners.calls.length === 1);
    await el.updateComplete;
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.include('Memuat daftar mitra');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry when the list cannot load, accessibly; Retry loads it and focuses the heading', async () => {
    const client = new FakeCoachingClient();
    client.partners.listAnswer = networkError();
    const el = await directoryThrough(client);
    expect(text(el)).to.include('Daftar mitra tidak dapat dimuat');
    expect(text(el)).to.include('Periksa koneksi Anda');
    await expect(el).to.be.accessible();
    client.partners.listAnswer = undefined;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await waitUntil(() => names(el).length === 7, 'retry did not load');
    await waitUntil(() => active(el)?.id === 'title', 'focus did not move to the heading');
  });

  it('updates live: an invalidation of partners:* refetches (fresh) and shows the new status; other tags leave it alone', async () => {
    const client = new FakeCoachingClient();
    const el = await directoryThrough(client, 'expanded="ptn_bpssorong"');
    expect(squash(partner(el, 'ptn_bpssorong').querySelector('.badge.status')!.textContent)).to.include('Segera berakhir');
    // The admin renewed BPS's MoU.
    client.partners.partners = directoryPartners.map((p) =>
      p.id === 'ptn_bpssorong'
        ? { ...p, status: 'active' as const, agreements: p.agreements.map((a) => ({ ...a, endsOn: '2028-12-31', status: 'active' as const })) }
        : p,
    );
    client.invalidate(['partners:*']);
    await waitUntil(() => squash(partner(el, 'ptn_bpssorong').querySelector('.badge.status')!.textContent) === 'Status kerja sama: Aktif', 'status did not update');
    expect(client.partners.callsOf('list')).to.have.length(2);
    expect(client.partners.callsOf('list')[1][1]).to.deep.include({ fresh: true });
    expect(squash(partner(el, 'ptn_bpssorong').querySelector('li.agreement')!.textContent)).to.include('31 Des 2028');
    expect(disclosure(el, 'ptn_bpssorong').getAttribute('aria-expanded')).to.equal('true'); // still open
    client.invalidate(['programs:*', 'feedback:me']);
    await aTimeout(100);
    expect(client.partners.callsOf('list')).to.have.length(2);
  });

  it('loads more with "Muat lebih banyak" (the cursor), announces the count and focuses the first partner added', async () => {
    const client = new FakeCoachingClient();
    client.partners.pageSize = 3;
    const el = await directoryThrough(client);
    expect(names(el)).to.have.length(3);
    const more = () => $<HTMLButtonElement>(el, '[part="load-more"]');
    expect(squash(more()!.textContent)).to.equal('Muat lebih banyak');
    more()!.click();
    await waitUntil(() => names(el).length === 6, 'the next page did not load');
    expect(client.partners.callsOf('list')[1][0]).to.deep.equal({ limit: 20, cursor: 'o3' });
    await waitUntil(() => announced(el) === '6 mitra ditemukan');
    await waitUntil(() => active(el)?.id === 'p-ptn_umsorong-name', 'focus did not move to the first new partner');
    await expect(el).to.be.accessible();
    more()!.click();
    await waitUntil(() => names(el).length === 7);
    expect(names(el)).to.deep.equal(directoryPartners.map((p) => p.name));
    expect(more()).to.equal(null);
  });

  it('says beside the button when the next page cannot load, and keeps what is shown', async () => {
    const client = new FakeCoachingClient();
    client.partners.pageSize = 3;
    const el = await directoryThrough(client);
    client.partners.listAnswer = networkError();
    $<HTMLButtonElement>(el, '[part="load-more"]')!.click();
    await waitUntil(() => $(el, '.more [part="error"]'), 'no error');
    expect(squash($(el, '.more [part="error"]')!.textContent)).to.include('Periksa koneksi Anda');
    expect(names(el)).to.have.length(3);
    expect($(el, '[part="load-more"]')).to.not.equal(null);
  });
});
