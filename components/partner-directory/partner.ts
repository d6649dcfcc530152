/**
 * One partner of the directory: name (its heading), kind, city, website, status in words, and a disclosure button
 * that shows its agreement tree and what was delivered under each agreement. API values are bound as text, and the
 * website becomes a link only when it is http(s).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Partner } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { kindLabel, statusText } from './labels.js';
import { cssId, renderTree, type TreeView } from './tree.js';

export interface PartnerView extends TreeView {
  expanded: boolean;
  onToggle(partner: Partner): void;
}

/** An http(s) address and the host to show for it, or null (a value given through properties may be `javascript:`). */
export function website(url: string | null | undefined): { href: string; host: string } | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return { href: parsed.href, host: parsed.host.replace(/^www\./, '') };
  } catch {
    return null;
  }
}

/** The last day any running agreement ends: what "berakhir dalam N hari" of an expiring partner counts to. */
function lastRunningEnd(p: Partner): string | null {
  const ends = p.agreements.filter((a) => a.status === 'active' || a.status === 'expiring').map((a) => a.endsOn);
  return ends.length ? ends.sort()[ends.length - 1] : null;
}

export const partnerDomId = (p: Pick<Partner, 'id'>): string => `p-${cssId(p.id)}`;

export function renderPartner(p: Partner, v: PartnerView): TemplateResult {
  const id = partnerDomId(p);
  const ids = { name: `${id}-name`, panel: `${id}-agreements` };
  const site = website(p.website);
  const count = p.agreements.length;
  return html`<li class="partner" part="partner">
    <article id=${id} aria-labelledby=${ids.name}>
      <header class="partner-header">
        <h3 class="partner-name" id=${ids.name} tabindex="-1">${p.name}</h3>
        <p class="badges">
          <span class="badge kind" part="badge">${kindLabel(p.kind)}</span>
          <span class="badge status ${p.status}" part="badge status"
            ><span class="visually-hidden">${msg('Status kerja sama:')} </span>${statusText(p.status, lastRunningEnd(p), v.now)}</span
          >
        </p>
      </header>
      <dl class="facts">
        <div><dt>${msg('Kota')}</dt><dd>${p.city}</dd></div>
        ${site
          ? html`<div>
              <dt>${msg('Situs web')}</dt>
              <dd><a href=${site.href} target="_blank" rel="noopener noreferrer" part="website">${site.host}</a></dd>
            </div>`
          : nothing}
      </dl>
      ${count === 0
        ? html`<p class="muted">${msg('Belum ada perjanjian yang tercatat.')}</p>`
        : html`<button
              type="button"
              class="secondary disclosure"
              part="disclosure"
              aria-expanded=${v.expanded ? 'true' : 'false'}
              aria-controls=${ids.panel}
              aria-describedby=${ids.name}
              @click=${() => v.onToggle(p)}
            >
              <svg class="chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M8.6 5.6 7.2 7l5 5-5 5 1.4 1.4 6.4-6.4-6.4-6.4Z"></path>
              </svg>
              ${count === 1 ? msg('1 perjanjian kerja sama') : msg(str`${formatNumber(count, v.locale)} perjanjian kerja sama`)}
            </button>
            <div class="agreements" id=${ids.panel} part="agreements" ?hidden=${!v.expanded}>
              ${v.expanded ? renderTree(p.agreements, p.name, v) : nothing}
            </div>`}
    </article>
  </li>`;
}
