/**
 * One application in `<asn-application-review>`: the student's data, the motivation (as text, its line breaks
 * kept by CSS), the consent record, and the review actions its status allows. The element owns the state.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ApplicationTransition, InternshipApplication } from '../../src/contract/index.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { purposeLabel, statusLabel } from './labels.js';

export type TransitionTo = ApplicationTransition['to'];

/** Why the last action on this application did not happen. `conflict`: stale or past the quota (409). */
export interface ActionProblem {
  kind: 'conflict' | 'other';
  message: string;
}

export interface DetailView {
  /** The action on its way (its button shows a spinner; the others wait), or `reload`. */
  busy: TransitionTo | 'reload' | null;
  problem: ActionProblem | null;
  /** The reason typed for a rejection, kept while the application is open (and after a 409). */
  reason: string;
  onTransition(to: 'reviewing' | 'accepted'): void;
  onReject(event: Event): void;
  onReload(): void;
  onClose(): void;
}

/** Erased (withdrawn, or past the retention period): only the reference, the opening and the fact remain. */
export const isErased = (a: InternshipApplication): boolean => a.student === null || a.erasedAt !== null || a.status === 'withdrawn';

/** The first 12 hex digits: enough to compare by eye with the notice's published hash. */
const shortHash = (hash: string): string => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);

const fact = (label: string, value: TemplateResult | string): TemplateResult =>
  html`<div class="fact">
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;

function renderActions(a: InternshipApplication, v: DetailView): TemplateResult | typeof nothing {
  const spinning = (to: TransitionTo, label: string) =>
    v.busy === to ? html`<span class="spinner" aria-hidden="true"></span>${msg('Menyimpan…')}` : label;
  const waiting = v.busy !== null ? 'true' : 'false';
  if (a.status !== 'submitted' && a.status !== 'reviewing') return nothing;
  // submitted → reviewing → accepted; either of the two → rejected (an obvious mismatch needs no review first).
  return html`<div class="actions" part="actions">
    ${a.status === 'submitted'
      ? html`<button type="button" class="start" part="start-button" aria-disabled=${waiting} @click=${() => v.onTransition('reviewing')}>
          ${spinning('reviewing', msg('Mulai tinjau'))}
        </button>`
      : html`<button type="button" class="accept" part="accept-button" aria-disabled=${waiting} @click=${() => v.onTransition('accepted')}>
          ${spinning('accepted', msg('Terima'))}
        </button>`}
    <button type="button" class="secondary reject" part="reject-button" aria-haspopup="dialog" aria-disabled=${waiting} @click=${v.onReject}>
      ${spinning('rejected', msg('Tolak'))}
    </button>
  </div>`;
}

function renderProblem(p: ActionProblem | null, v: DetailView): TemplateResult | typeof nothing {
  if (!p) return nothing;
  return html`<div class="problem ${p.kind}" part="problem" tabindex="-1">
    <p role="alert">${p.message}</p>
    ${p.kind === 'conflict'
      ? html`<button type="button" class="secondary reload" part="reload-button" aria-disabled=${v.busy === 'reload' ? 'true' : 'false'} @click=${v.onReload}>
          ${v.busy === 'reload' ? html`<span class="spinner" aria-hidden="true"></span>${msg('Memuat…')}` : msg('Muat ulang')}
        </button>`
      : nothing}
  </div>`;
}

export function renderDetail(a: InternshipApplication, v: DetailView): TemplateResult {
  const erased = isErased(a);
  const s = erased ? null : a.student;
  const consent = erased ? null : a.consent;
  return html`<section class="detail" part="detail" aria-labelledby="detail-title">
    <div class="detail-head">
      <h3 class="detail-title" id="detail-title" tabindex="-1">${s ? s.name : a.reference}</h3>
      <span class="badge status ${a.status}" part="status">${statusLabel(a.status)}</span>
    </div>
    <button type="button" class="secondary close" part="close-button" @click=${v.onClose}>${msg('Kembali ke antrean')}</button>
    ${erased
      ? html`<p class="erased" part="erased">
          ${a.status === 'withdrawn' ? msg('Data pribadi telah dihapus (ditarik oleh mahasiswa)') : msg('Data pribadi telah dihapus (masa simpan berakhir)')}
        </p>`
      : nothing}
    <dl class="facts">
      ${fact(msg('Nomor lamaran'), a.reference)}
      ${fact(msg('Lowongan'), a.openingTitle)}
      ${fact(msg('Perguruan tinggi'), a.partnerName)}
      ${fact(msg('Masuk pada'), html`<time datetime=${a.createdAt}>${formatDateTime(a.createdAt)}</time>`)}
      ${a.erasedAt ? fact(msg('Dihapus pada'), html`<time datetime=${a.erasedAt}>${formatDateTime(a.erasedAt)}</time>`) : nothing}
      ${s
        ? html`${fact('NIM', s.nim)} ${fact(msg('Program studi'), s.studyProgram)} ${fact(msg('Semester'), formatNumber(s.semester))}
          ${fact(msg('Email'), s.email)} ${fact(msg('Telepon'), s.phone)}`
        : nothing}
    </dl>
    ${a.reason
      ? html`<div class="reason" part="reason">
          <h4 class="section-title">${a.status === 'rejected' ? msg('Alasan penolakan') : msg('Catatan')}</h4>
          <p class="text">${a.reason}</p>
        </div>`
      : nothing}
    ${!erased && a.motivation !== null
      ? html`<div class="motivation-block">
          <h4 class="section-title">${msg('Motivasi')}</h4>
          <p class="text motivation" part="motivation">${a.motivation}</p>
        </div>`
      : nothing}
    ${consent
      ? html`<div class="consent" part="consent">
          <h4 class="section-title">${msg('Catatan persetujuan (UU PDP)')}</h4>
          <dl class="facts">
            ${fact(msg('Versi pemberitahuan'), consent.noticeVersion)}
            ${fact(msg('Sidik teks (SHA-256)'), html`<code class="hash" title=${consent.noticeHash}>${shortHash(consent.noticeHash)}</code>`)}
            ${fact(msg('Waktu persetujuan'), html`<time datetime=${consent.acceptedAt}>${formatDateTime(consent.acceptedAt)}</time>`)}
            ${fact(msg('Asal halaman'), consent.origin ?? msg('Tidak tercatat'))}
            ${fact(msg('Kunci publik'), consent.keyId ?? msg('Tidak ada (dikirim oleh admin)'))}
            ${fact(msg('Tujuan'), consent.purposes.map(purposeLabel).join(', '))}
          </dl>
        </div>`
      : nothing}
    ${renderProblem(v.problem, v)}
    ${erased ? nothing : renderActions(a, v)}
    ${v.reason && (a.status === 'submitted' || a.status === 'reviewing') && !v.busy
      ? html`<p class="muted draft">${msg(str`Alasan penolakan yang sudah Anda tulis disimpan (${formatNumber(v.reason.length)} karakter).`)}</p>`
      : nothing}
  </section>`;
}
