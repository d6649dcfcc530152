/**
 * A partner's agreements as the tree they form (MoU → PKS → implementation arrangement, by `parentId`), rendered
 * as nested `<ul>` lists, each labelled, each agreement with a heading one level below its parent's. Every value
 * from the API is bound as text.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Agreement } from '../../src/contract/index.js';
import { formatDay } from '../i18n/format.js';
import type { AsnLocale } from '../i18n/locale.js';
import { agreementKindLabel, statusText } from './labels.js';

export interface AgreementNode {
  agreement: Agreement;
  children: AgreementNode[];
}

const byStart = (a: Agreement, b: Agreement) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0);

/**
 * The tree of a flat list. Roots are agreements without a parent, or whose parent is not in the list; siblings
 * go by `startsOn` (the server's order; given through properties they may come in any). An agreement caught in
 * a cycle of parents is shown once, as a root, rather than lost.
 */
export function agreementTree(agreements: readonly Agreement[]): AgreementNode[] {
  const ids = new Set(agreements.map((a) => a.id));
  const children = new Map<string, Agreement[]>();
  for (const a of agreements) {
    if (a.parentId === null || !ids.has(a.parentId) || a.parentId === a.id) continue;
    children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  }
  const placed = new Set<string>();
  const grow = (a: Agreement): AgreementNode => {
    placed.add(a.id);
    const kids = [...(children.get(a.id) ?? [])].sort(byStart).filter((c) => !placed.has(c.id));
    return { agreement: a, children: kids.map(grow) };
  };
  const isRoot = (a: Agreement) => a.parentId === null || !ids.has(a.parentId) || a.parentId === a.id;
  const roots = agreements.filter(isRoot).sort(byStart).map(grow);
  for (const a of [...agreements].sort(byStart)) if (!placed.has(a.id)) roots.push(grow(a));
  return roots;
}

/** Ids from the API made safe for an `id` attribute and a `#` selector. */
export const cssId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_');

export interface TreeView {
  locale: AsnLocale;
  now: number;
}

/** A heading at `level` (4–6: the partner's is 3); deeper trees than the contract's three levels stay at 6. */
function heading(level: number, id: string, content: TemplateResult): TemplateResult {
  if (level <= 4) return html`<h4 class="agreement-heading" id=${id}>${content}</h4>`;
  if (level === 5) return html`<h5 class="agreement-heading" id=${id}>${content}</h5>`;
  return html`<h6 class="agreement-heading" id=${id}>${content}</h6>`;
}

function deliveredList(items: readonly { id: string; title: string }[]): TemplateResult {
  return html`<ul class="delivered-list">
    ${items.map((item) => html`<li>${item.title}</li>`)}
  </ul>`;
}

function renderNode(node: AgreementNode, depth: number, v: TreeView): TemplateResult {
  const a = node.agreement;
  const id = `a-${cssId(a.id)}`;
  const { programs, openings } = a.delivered;
  const { partner, government } = a.signatories;
  return html`<li class="agreement ${a.kind}" part="agreement" data-agreement=${a.id}>
    <div class="agreement-body">
      ${heading(
        4 + depth,
        `${id}-heading`,
        html`<span class="agreement-kind">${agreementKindLabel(a.kind)}</span>
          <span class="agreement-number">${msg(str`No. ${a.number}`)}</span>`,
      )}
      <p class="agreement-title">${a.title}</p>
      <p class="agreement-status"><span class="badge status ${a.status}" part="badge status">${statusText(a.status, a.endsOn, v.now)}</span></p>
      <dl class="facts">
        <div>
          <dt>${msg('Masa berlaku')}</dt>
          <dd><time datetime=${a.startsOn}>${formatDay(a.startsOn, v.locale)}</time> – <time datetime=${a.endsOn}>${formatDay(a.endsOn, v.locale)}</time></dd>
        </div>
        ${a.scope.length
          ? html`<div>
              <dt>${msg('Ruang lingkup')}</dt>
              <dd><ul class="scope">${a.scope.map((s) => html`<li>${s}</li>`)}</ul></dd>
            </div>`
          : nothing}
        <div>
          <dt>${msg('Penanda tangan mitra')}</dt>
          <dd>${partner.name}, <span class="position">${partner.position}</span></dd>
        </div>
        <div>
          <dt>${msg('Penanda tangan pemerintah')}</dt>
          <dd>${government.name}, <span class="position">${government.position}</span></dd>
        </div>
      </dl>
      <div class="delivered" part="delivered">
        <p class="delivered-heading">${msg('Hasil kerja sama')}</p>
        ${programs.length || openings.length
          ? html`<dl class="facts">
              ${programs.length ? html`<div><dt>${msg('Program pengembangan kompetensi')}</dt><dd>${deliveredList(programs)}</dd></div>` : nothing}
              ${openings.length ? html`<div><dt>${msg('Lowongan magang')}</dt><dd>${deliveredList(openings)}</dd></div>` : nothing}
            </dl>`
          : html`<p class="muted">${msg('Belum ada program atau lowongan magang di bawah perjanjian ini.')}</p>`}
      </div>
    </div>
    ${node.children.length ? renderLevel(node.children, msg(str`Perjanjian di bawah ${a.number}`), depth + 1, v) : nothing}
  </li>`;
}

function renderLevel(nodes: readonly AgreementNode[], label: string, depth: number, v: TreeView): TemplateResult {
  return html`<ul class="tree ${depth === 0 ? 'root' : ''}" part="tree" aria-label=${label}>
    ${nodes.map((node) => renderNode(node, depth, v))}
  </ul>`;
}

/** The whole tree of one partner, its outer list labelled with the partner's name. */
export function renderTree(agreements: readonly Agreement[], partnerName: string, v: TreeView): TemplateResult {
  return renderLevel(agreementTree(agreements), msg(str`Perjanjian dengan ${partnerName}`), 0, v);
}
