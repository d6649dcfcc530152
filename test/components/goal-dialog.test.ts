import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/provider/define.js';
import '../../components/goal-list/define.js';
import { setExplicitLocale as setLocale } from '../../components/i18n/locale.js';
import type { AsnGoalList } from '../../components/goal-list/goal-list.js';
import { FakeCoachingClient, makeGoal, ownerMe } from '../../stories/fixtures.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T & Element>(sel) as T | null;
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const input = (el: Element, id: string) => $<HTMLInputElement>(el, `#${id}`)!;
const dialogOf = (el: Element) => $<HTMLDialogElement>(el, 'dialog')!;

async function ownerList(client = new FakeCoachingClient()): Promise<AsnGoalList> {
  const provider = await fixture(html`<asn-provider .client=${client.asClient()}><asn-goal-list year="2026"></asn-goal-list></asn-provider>`);
  const el = provider.querySelector('asn-goal-list')!;
  await waitUntil(() => $(el, 'button.add'), 'owner controls');
  return el;
}

async function openAdd(el: AsnGoalList): Promise<void> {
  $(el, 'button.add')!.focus();
  await sendKeys({ press: 'Enter' });
  // The first opening on a page may wait for the dialog's code (loaded on idle after the list appears).
  await waitUntil(() => dialogOf(el)?.open && active(el)?.id === 'f-title', 'add dialog open, title focused', { timeout: 5000 });
  await el.updateComplete;
}

async function escape(el: AsnGoalList): Promise<void> {
  await sendKeys({ press: 'Escape' });
  await waitUntil(() => !dialogOf(el).open, 'dialog closed');
  await el.updateComplete;
}

/** Drafts live in localStorage (they survive a reload): start each test without the goal list's. */
function forgetGoalDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('pembinaan-asn:draft:goal:')) localStorage.removeItem(key);
}

describe('asn-goal-list dialog', () => {
  before(async () => {
    await setLocale(null);
  });
  beforeEach(forgetGoalDrafts);
  after(forgetGoalDrafts);

  it('keyboard: Enter opens, Tab walks the fields in order, Escape closes back to the opener, Enter submits', async () => {
    const client = new FakeCoachingClient();
    const el = await ownerList(client);
    await openAdd(el);
    await expect(el).to.be.accessible();

    const order: string[] = [active(el)!.id];
    for (const _ of ['kind', 'competency', 'target', 'unit', 'due']) {
      await sendKeys({ press: 'Tab' });
      order.push(active(el)!.id);
    }
    expect(order).to.deep.equal(['f-title', 'f-kind', 'f-competency', 'f-target', 'f-unit', 'f-due']);
    // The date input has a stop per part (day, month, year): Tab until focus leaves it.
    for (let i = 0; i < 4 && active(el)?.id === 'f-due'; i++) await sendKeys({ press: 'Tab' });
    expect(active(el)!.textContent!.trim()).to.equal('Tutup');
    await sendKeys({ press: 'Tab' });
    expect(active(el)!.getAttribute('type')).to.equal('submit');

    await escape(el);
    expect(active(el)).to.equal($(el, 'button.add'));

    await openAdd(el);
    await sendKeys({ type: 'Belajar menulis laporan' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialogOf(el).open, 'closed after saving');
    expect(client.createGoalCalls).to.have.length(1);
    expect(client.createGoalCalls[0][1]).to.deep.include({ title: 'Belajar menulis laporan', kind: 'development', competency: 'technical', dueDate: '2026-12-31', year: 2026 });
    expect(active(el)).to.equal($(el, 'button.add'));
    await el.updateComplete;
    expect($(el, '[part="notice"]')!.textContent).to.include('ditambahkan');
    // One live region says it (the frame's), not two.
    expect(el.shadowRoot!.querySelectorAll('[role="status"], [aria-live]')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('ditambahkan');
    await expect(el).to.be.accessible();
  });

  it('names the title field and its error with the same noun', async () => {
    const el = await ownerList();
    await openAdd(el);
    const label = $(el, 'label[for="f-title"]')!.textContent!.trim();
    expect(label).to.equal('Judul sasaran');
    await sendKeys({ press: 'Enter' }); // empty: the contract refuses it
    await el.updateComplete;
    const error = $(el, '#f-title-error')!.textContent!.trim();
    expect(error).to.equal('Tulis judul sasaran paling sedikit 3 karakter.');
    expect(error.toLowerCase()).to.include(label.toLowerCase());
    expect(active(el)?.id).to.equal('f-title');
    await expect(el).to.be.accessible();

    await setLocale('en');
    await el.updateComplete;
    expect($(el, 'label[for="f-title"]')!.textContent!.trim()).to.equal('Goal title');
    await setLocale(null);
  });

  it('keeps the unit field in place when the target beside it shows an error', async () => {
    await setViewport({ width: 1024, height: 800 });
    const el = await ownerList();
    await openAdd(el);
    const rect = (id: string) => input(el, id).getBoundingClientRect();
    const target = rect('f-target');
    const unit = rect('f-unit');
    expect(unit.left).to.be.greaterThan(target.left); // side by side at this width

    input(el, 'f-title').value = 'Belajar menulis laporan';
    input(el, 'f-target').value = '';
    $<HTMLButtonElement>(el, 'dialog button[type="submit"]')!.click();
    await el.updateComplete;
    const error = $(el, '#f-target-error')!.getBoundingClientRect();
    expect($(el, '#f-unit-error')).to.equal(null);

    const targetAfter = rect('f-target');
    const unitAfter = rect('f-unit');
    expect(unitAfter.width).to.equal(unit.width);
    expect(unitAfter.height).to.equal(unit.height);
    expect(unitAfter.top).to.equal(targetAfter.top); // still level with the target input
    expect(targetAfter.height).to.equal(target.height);
    // The error sits under its own field.
    expect(error.top).to.be.at.least(targetAfter.bottom);
    expect(error.left).to.equal(targetAfter.left);
    expect(error.right).to.be.at.most(targetAfter.right + 0.5);
    await expect(el).to.be.accessible();
  });

  it('Escape keeps what was typed as a draft; reopening shows it; saving clears it', async () => {
    const client = new FakeCoachingClient();
    const el = await ownerList(client);
    await openAdd(el);
    await sendKeys({ type: 'Ikut diklat kepemimpinan' });
    await escape(el);

    await openAdd(el);
    expect(input(el, 'f-title').value).to.equal('Ikut diklat kepemimpinan');
    expect($(el, '[part="draft-note"]')!.textContent).to.include('dipulihkan');
    expect(dialogOf(el).getAttribute('aria-describedby')).to.equal('draft-note');
    // The restored words are to be continued, not replaced by the next key.
    expect(input(el, 'f-title').selectionStart).to.equal('Ikut diklat kepemimpinan'.length);
    await sendKeys({ type: ' tingkat III' });
    expect(input(el, 'f-title').value).to.equal('Ikut diklat kepemimpinan tingkat III');
    await expect(el).to.be.accessible();

    input(el, 'f-target').value = '1';
    input(el, 'f-target').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialogOf(el).open, 'closed after saving');
    expect((client.createGoalCalls[0][1] as { title: string }).title).to.equal('Ikut diklat kepemimpinan tingkat III');

    await openAdd(el);
    expect(input(el, 'f-title').value).to.equal('');
    expect(input(el, 'f-target').value).to.equal('');
    expect($(el, '[part="draft-note"]')).to.equal(null);
    expect(dialogOf(el).hasAttribute('aria-describedby')).to.equal(false);
  });

  it('the Close button keeps the draft too; it survives a reload, is the signed-in user’s only, and can be emptied', async () => {
    let el = await ownerList();
    await openAdd(el);
    await sendKeys({ type: 'Belajar Excel lanjutan' });
    $<HTMLSelectElement>(el, '#f-competency')!.value = 'managerial';
    $<HTMLSelectElement>(el, '#f-competency')!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    $<HTMLButtonElement>(el, 'dialog button.close')!.click();
    await waitUntil(() => !dialogOf(el).open, 'closed');
    expect(active(el)).to.equal($(el, 'button.add'));

    // A reload: a new list on a new page load finds the draft.
    el = await ownerList();
    await openAdd(el);
    expect(input(el, 'f-title').value).to.equal('Belajar Excel lanjutan');
    expect($<HTMLSelectElement>(el, '#f-competency')!.value).to.equal('managerial');
    await escape(el);

    // Another user on the same computer: not theirs to see.
    const other = new FakeCoachingClient();
    other.meAnswer = { ...ownerMe, id: 'emp_other9' as typeof ownerMe.id, name: 'Pegawai Lain' };
    const otherEl = await ownerList(other);
    await openAdd(otherEl);
    expect(input(otherEl, 'f-title').value).to.equal('');
    expect($(otherEl, '[part="draft-note"]')).to.equal(null);
    await escape(otherEl);

    // "Kosongkan isian" empties the fields and forgets the draft.
    el = await ownerList();
    await openAdd(el);
    $<HTMLButtonElement>(el, '[part="clear-button"]')!.click();
    await el.updateComplete;
    expect(input(el, 'f-title').value).to.equal('');
    expect($<HTMLSelectElement>(el, '#f-competency')!.value).to.equal('technical');
    expect(input(el, 'f-unit').value).to.equal('pelatihan');
    expect(active(el)?.id).to.equal('f-title');
    expect($(el, '[part="clear-button"]')).to.equal(null);
    await escape(el);
    await openAdd(el);
    expect(input(el, 'f-title').value).to.equal('');
  });

  it('a check-in closed with Escape keeps its note for that goal; its value follows the goal until changed', async () => {
    const client = new FakeCoachingClient();
    client.goalsAnswers = [[makeGoal({ measure: { unit: 'pelatihan', target: 5, current: 3 } })]];
    const el = await ownerList(client);
    const openCheckin = async () => {
      $(el, 'button.checkin')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialogOf(el).open && active(el)?.id === 'f-value', 'check-in open');
      await el.updateComplete;
    };
    await openCheckin();
    expect($(el, '#dialog-title')!.textContent).to.equal('Catat progres');
    expect($(el, 'label[for="f-value"]')!.textContent).to.include('Progres sejauh ini');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Modul 3 selesai' });
    await escape(el);
    expect(active(el)).to.equal($(el, 'button.checkin'));

    await openCheckin();
    expect($<HTMLTextAreaElement>(el, '#f-note')!.value).to.equal('Modul 3 selesai');
    expect(input(el, 'f-value').value).to.equal('3');
    await expect(el).to.be.accessible();
    await sendKeys({ type: '4' }); // the value is selected: typing replaces it
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialogOf(el).open, 'closed after saving (queued offline)');
    expect(client.checkInCalls[0][1]).to.deep.equal({ value: 4, note: 'Modul 3 selesai' });

    await openCheckin();
    expect($<HTMLTextAreaElement>(el, '#f-note')!.value).to.equal('');
  });
});
