// <asn-team-overview> on a 320 px wide screen (what 200 % zoom of a 640 px window gives too): the grid scrolls
// sideways with the name column kept in view, long names and positions wrap, and a cell too long even then shows
// all of its text while it has focus.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/team-overview/define.js';
import type { AsnTeamOverview } from '../../components/team-overview/team-overview.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import { teamMembers } from '../../stories/fixtures.js';

const shadow = (el: Element) => el.shadowRoot!;
const active = (el: AsnTeamOverview) => shadow(el).activeElement as HTMLElement | null;

/** A position as long as the city's real ones (seed data). */
const LONG_POSITION = 'Analis SDM Aparatur (Pengelola Platform Pembinaan)';
/** Longer than any the grid makes room for: it has to be reachable some other way. */
const VERY_LONG_POSITION = 'Pengelola Pengadaan Barang/Jasa Ahli Pertama pada Bagian Pengadaan Barang dan Jasa Sekretariat Daerah Kota Sorong';

async function narrowTeam(): Promise<{ el: AsnTeamOverview; ids: string[] }> {
  const members = teamMembers(30);
  members[0].employee.name = 'Aa Fransiska Yaboisembut';
  members[0].employee.position = LONG_POSITION;
  members[1].employee.name = 'Ab Markus Wanma';
  members[1].employee.position = VERY_LONG_POSITION;
  const el = await fixture<AsnTeamOverview>(html`<asn-team-overview year="2026" .members=${members}></asn-team-overview>`);
  await el.updateComplete;
  await nextFrame();
  await el.updateComplete;
  return { el, ids: el.visibleEmployeeIds };
}

const row = (el: AsnTeamOverview, id: string) => shadow(el).querySelector<HTMLElement>(`.body [role="row"][data-id="${id}"]`)!;
const cell = (el: AsnTeamOverview, id: string, col: number) => row(el, id).querySelector<HTMLElement>(`[data-col="${col}"]`)!;
const scroller = (el: AsnTeamOverview) => shadow(el).querySelector<HTMLElement>('.scroller')!;

/** The scroller's visible box (inside its borders and scrollbars), in viewport coordinates. */
function visibleBox(s: HTMLElement) {
  const r = s.getBoundingClientRect();
  const left = r.left + s.clientLeft;
  const top = r.top + s.clientTop;
  return { left, top, right: left + s.clientWidth, bottom: top + s.clientHeight };
}

/** Whether `inner` lies inside `outer` (1 px of rounding allowed). */
function inside(inner: DOMRect, outer: { left: number; right: number; top: number; bottom: number }): boolean {
  return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

describe('asn-team-overview getting narrow', () => {
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('re-measures its rows when the grid gets narrow (taller rows), so the window stays right', async () => {
    await setViewport({ width: 800, height: 600 });
    const el = await fixture<AsnTeamOverview>(html`<asn-team-overview year="2026" .members=${teamMembers(300)}></asn-team-overview>`);
    await el.updateComplete;
    const body = shadow(el).querySelector<HTMLElement>('.body')!;
    const firstRow = () => shadow(el).querySelector<HTMLElement>('.body [role="row"]')!;
    const wide = firstRow().getBoundingClientRect().height;
    await waitUntil(() => Math.abs(body.getBoundingClientRect().height - 300 * wide) < 2, 'sized for wide rows');
    await setViewport({ width: 320, height: 640 });
    await waitUntil(() => firstRow().getBoundingClientRect().height > wide + 8, 'taller rows');
    const tall = firstRow().getBoundingClientRect().height;
    await waitUntil(() => Math.abs(body.getBoundingClientRect().height - 300 * tall) < 2, 'sized for the taller rows, without a scroll');
  });
});

describe('asn-team-overview at 320 px', () => {
  before(async () => {
    await setExplicitLocale(null);
    await setViewport({ width: 320, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps the name column in view while the grid scrolls sideways', async () => {
    const { el, ids } = await narrowTeam();
    const s = scroller(el);
    expect(s.scrollWidth, 'the grid scrolls sideways').to.be.greaterThan(s.clientWidth);
    const position = cell(el, ids[0], 1);
    const before = position.getBoundingClientRect().left;
    s.scrollLeft = s.scrollWidth;
    await nextFrame();
    expect(s.scrollLeft).to.be.greaterThan(100);
    expect(position.getBoundingClientRect().left, 'the other cells moved').to.be.lessThan(before - 100);
    const box = visibleBox(s);
    expect(inside(cell(el, ids[0], 0).getBoundingClientRect(), box), 'name cell visible').to.equal(true);
    const nameHeader = shadow(el).querySelector<HTMLElement>('.head [data-col="0"]')!;
    expect(inside(nameHeader.getBoundingClientRect(), box), 'name column header visible').to.equal(true);
    // Every other column fits beside the name column, so each cell can be read whole.
    const nameRight = cell(el, ids[0], 0).getBoundingClientRect().right;
    for (let col = 1; col < 6; col++) {
      expect(cell(el, ids[0], col).getBoundingClientRect().width, `column ${col}`).to.be.at.most(box.right - nameRight + 1);
    }
    await expect(el).to.be.accessible();
  });

  it('wraps long names and positions instead of cutting them off', async () => {
    const { el, ids } = await narrowTeam();
    const text = cell(el, ids[0], 1).querySelector<HTMLElement>('.position-text')!;
    expect(text.textContent).to.equal(LONG_POSITION);
    expect(text.scrollWidth, 'not cut at the side').to.be.at.most(text.clientWidth);
    expect(text.scrollHeight, 'no line hidden').to.be.at.most(text.clientHeight + 1);
    const lineHeight = parseFloat(getComputedStyle(text).lineHeight);
    expect(text.getBoundingClientRect().height, 'it wraps').to.be.greaterThan(lineHeight * 1.5);
    // The cell itself shows all of it too.
    const box = cell(el, ids[0], 1);
    expect(box.scrollHeight).to.be.at.most(box.clientHeight + 1);
    const name = cell(el, ids[0], 0).querySelector<HTMLElement>('.name')!;
    expect(name.textContent).to.equal('Aa Fransiska Yaboisembut');
    expect(name.scrollWidth).to.be.at.most(name.clientWidth);
    expect(name.scrollHeight).to.be.at.most(name.clientHeight + 1);
  });

  it('shows all of a position too long for its cell while the cell has focus, and reveals cells reached by the arrows', async () => {
    const { el, ids } = await narrowTeam();
    const position = cell(el, ids[1], 1);
    const text = position.querySelector<HTMLElement>('.position-text')!;
    // Whole in the DOM (so in the cell's accessible name), visibly shortened ("…") at rest.
    expect(position.textContent).to.equal(VERY_LONG_POSITION);
    expect(text.scrollHeight).to.be.greaterThan(text.clientHeight + 1);
    expect(getComputedStyle(text).webkitLineClamp).to.not.equal('none');

    cell(el, ids[1], 0).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)).to.equal(position);
    expect(text.scrollHeight, 'nothing hidden while focused').to.be.at.most(text.clientHeight + 1);
    expect(position.scrollHeight).to.be.at.most(position.clientHeight + 1);
    expect(position.getBoundingClientRect().height).to.be.greaterThan(row(el, ids[1]).getBoundingClientRect().height);
    await expect(el).to.be.accessible();

    // The arrows bring each cell into view beside the sticky name column, and back.
    const s = scroller(el);
    for (let col = 2; col < 6; col++) {
      await sendKeys({ press: 'ArrowRight' });
      expect(active(el)?.dataset.col).to.equal(String(col));
      const r = active(el)!.getBoundingClientRect();
      const nameRight = cell(el, ids[1], 0).getBoundingClientRect().right;
      expect(r.left, `column ${col} not under the name column`).to.be.at.least(nameRight - 1);
      expect(r.right, `column ${col} not past the edge`).to.be.at.most(visibleBox(s).right + 1);
    }
    expect(s.scrollLeft).to.be.greaterThan(0);
    await sendKeys({ press: 'Home' });
    expect(active(el)?.dataset.col).to.equal('0');
    for (let col = 1; col < 3; col++) await sendKeys({ press: 'ArrowRight' });
    const r = active(el)!.getBoundingClientRect();
    expect(r.left).to.be.at.least(cell(el, ids[1], 0).getBoundingClientRect().right - 1);
    await expect(el).to.be.accessible();
  });
});
