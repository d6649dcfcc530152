/**
 * "Program saya": the employee's enrolments, newest first, with their status and, once completed, the certificate
 * (number and the public verification link). The owner may cancel an active one before its deadline.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Enrollment } from '../../src/contract/index.js';
import { formatDateTime } from '../i18n/format.js';
import type { AsnLocale } from '../i18n/locale.js';
import { cssId, safeHref, type CardState } from './card.js';
import { sessionText } from './dates.js';
import { enrollmentStatusText, jpText, typeLabel } from './labels.js';

export interface MyProgramsView {
  locale: AsnLocale;
  now: number;
  /** The signed-in ASN's own list: only then can an enrolment be cancelled from here. */
  own: boolean;
  stateOf(e: Enrollment): CardState;
  onCancel(e: Enrollment, event: Event): void;
}

function renderEnrollment(e: Enrollment, v: MyProgramsView): TemplateResult {
  const id = `e-${cssId(e.id)}`;
  const state = v.stateOf(e);
  const active = e.status === 'registered' || e.status === 'waitlisted';
  const late = v.now > Date.parse(e.program.cancelUntil);
  const href = safeHref(e.certificate?.url);
  return html`<li class="card enrollment ${e.status}" part="enrollment">
    <article id=${id} aria-labelledby=${`${id}-title`}>
      <header class="card-header">
        <h3 class="card-title" id=${`${id}-title`}>${e.program.title}</h3>
        <p class="badges">
          <span class="badge type" part="badge">${typeLabel(e.program.type)}</span>
          <span class="badge own ${e.status}" part="badge">
            ${state.queued === 'cancel' ? msg('Pembatalan menunggu dikirim') : enrollmentStatusText(e.status, e.waitlistPosition)}
          </span>
        </p>
      </header>
      <dl class="facts">
        <div><dt>${msg('Jadwal')}</dt><dd><time datetime=${e.program.startsAt}>${sessionText(e.program, v.locale)}</time></dd></div>
        <div><dt>${msg('JP')}</dt><dd>${jpText(e.program.jp)}</dd></div>
      </dl>
      ${e.status === 'completed' && e.certificate
        ? html`<p class="certificate">
            ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer" part="certificate" aria-describedby=${`${id}-title`}>${msg('Lihat sertifikat')}</a>` : nothing}
            <span class="certificate-number">${msg(str`No. sertifikat ${e.certificate.number}`)}</span>
          </p>`
        : nothing}
      ${active && v.own && state.queued !== 'cancel'
        ? html`<p class="note" id=${`${id}-deadline`}>
              ${late
                ? msg(str`Batas pembatalan sudah lewat (${formatDateTime(e.program.cancelUntil, v.locale)}).`)
                : msg(str`Batas pembatalan: ${formatDateTime(e.program.cancelUntil, v.locale)}`)}
            </p>
            <div class="actions" part="actions">
              <button
                type="button"
                class="secondary cancel"
                part="cancel-button"
                aria-disabled=${late || state.pending ? 'true' : 'false'}
                aria-describedby="${id}-title ${id}-deadline"
                @click=${(ev: Event) => !late && !state.pending && v.onCancel(e, ev)}
              >
                ${state.pending === 'cancel' ? html`<span class="spinner" aria-hidden="true"></span>${msg('Membatalkan…')}` : msg('Batalkan pendaftaran')}
              </button>
            </div>`
        : nothing}
      ${state.result ? html`<p class="result" id=${`${id}-result`} part="result" tabindex="-1">${state.result}</p>` : nothing}
      ${state.error ? html`<p class="error-text" id=${`${id}-error`} part="error" role="alert" tabindex="-1">${state.error}</p>` : nothing}
    </article>
  </li>`;
}

export function renderMyPrograms(items: readonly Enrollment[], v: MyProgramsView): TemplateResult {
  return html`<ul class="list" part="list">
    ${repeat(
      items,
      (e) => e.id,
      (e) => renderEnrollment(e, v),
    )}
  </ul>`;
}
