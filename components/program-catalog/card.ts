/**
 * One program of the catalog as a card: type, competency, sessions in WIT, place or online, JP, seats, partner, the
 * supervisor's recommendation, and what the viewer can do now (enrol, join the waitlist, cancel, add to calendar).
 * Every value from the API is bound as text (never HTML), and links only ever point to http(s).
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Program } from '../../src/contract/index.js';
import { formatDateTime } from '../i18n/format.js';
import type { AsnLocale } from '../i18n/locale.js';
import { competencyLabel } from '../shared/competency-label.js';
import { sessionText } from './dates.js';
import { enrollmentStatusText, jpText, modeLabel, programStatusText, seatsLeft, seatsText, typeLabel, waitingText } from './labels.js';

/** What the card shows beside its actions: in flight, waiting in the outbox, done, or refused. */
export interface CardState {
  pending: 'enrol' | 'cancel' | null;
  /** An enrolment or a cancellation written offline, waiting in the outbox. */
  queued: 'enrol' | 'cancel' | null;
  result: string | null;
  error: string | null;
}

export interface CardView {
  locale: AsnLocale;
  now: number;
  onEnrol(program: Program, event: Event): void;
  onCancel(program: Program, event: Event): void;
  onCalendar(program: Program): void;
}

/** Ids from the API made safe for an `id` attribute and a `#` selector. */
export const cssId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_');

/** An http(s) address, or null (a value given through properties may be `javascript:`). */
export const safeHref = (url: string | null | undefined): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

const unique = <T>(values: readonly (T | null)[]): T[] => [...new Set(values.filter((v): v is T => v !== null))];

/** The rooms, then the online links (the mode before it says "Daring" or "Tatap muka"). */
function place(p: Program, titleId: string): TemplateResult {
  const rooms = unique(p.sessions.map((s) => s.location));
  const links = unique(p.sessions.map((s) => safeHref(s.onlineUrl)));
  return html`${rooms.length ? html` · ${rooms.join('; ')}` : nothing}${links.map(
    (href) => html` · <a href=${href} target="_blank" rel="noopener noreferrer" aria-describedby=${titleId}>${msg('Tautan kelas daring')}</a>`,
  )}`;
}

function sessions(p: Program, locale: AsnLocale): TemplateResult {
  if (p.sessions.length === 1) {
    const s = p.sessions[0];
    return html`<time datetime=${s.startsAt}>${sessionText(s, locale)}</time>`;
  }
  return html`<ol class="sessions">
    ${p.sessions.map(
      (s, i) => html`<li>${msg(str`Sesi ${i + 1}:`)} <time datetime=${s.startsAt}>${sessionText(s, locale)}</time></li>`,
    )}
  </ol>`;
}

/** The viewer's own enrolment (badge) and the actions that fit it, the enrolment window and the deadline. */
function actions(p: Program, state: CardState, v: CardView, ids: { title: string; deadline: string }): TemplateResult | typeof nothing {
  const e = p.viewer?.enrollment ?? null;
  const active = e && (e.status === 'registered' || e.status === 'waitlisted');
  const calendar =
    p.status === 'cancelled'
      ? nothing
      : html`<button type="button" class="secondary calendar" part="calendar-button" aria-describedby=${ids.title} @click=${() => v.onCalendar(p)}>
          ${msg('Tambahkan ke kalender')}
        </button>`;
  const spinner = html`<span class="spinner" aria-hidden="true"></span>`;

  if (state.queued === 'enrol') return html`<div class="actions" part="actions">${calendar}</div>`;
  if (active) {
    const deadline = Date.parse(p.cancelUntil);
    const late = v.now > deadline;
    const when = formatDateTime(p.cancelUntil, v.locale);
    return html`<p class="note" id=${ids.deadline}>
        ${late ? msg(str`Batas pembatalan sudah lewat (${when}).`) : msg(str`Batas pembatalan: ${when}`)}
      </p>
      <div class="actions" part="actions">
        ${state.queued === 'cancel'
          ? nothing
          : html`<button
              type="button"
              class="secondary cancel"
              part="cancel-button"
              aria-disabled=${late || state.pending ? 'true' : 'false'}
              aria-describedby="${ids.title} ${ids.deadline}"
              @click=${(ev: Event) => !late && !state.pending && v.onCancel(p, ev)}
            >
              ${state.pending === 'cancel' ? html`${spinner}${msg('Membatalkan…')}` : msg('Batalkan pendaftaran')}
            </button>`}
        ${calendar}
      </div>`;
  }
  // Completed or not: the status badge says so; the certificate is in "Program saya".
  if (e && (e.status === 'completed' || e.status === 'incomplete')) return nothing;
  const closed = programStatusText(p.status);
  const opens = Date.parse(p.enrollFrom);
  const until = Date.parse(p.enrollUntil);
  let notice: string;
  if (closed) notice = closed;
  else if (v.now < opens) notice = msg(str`Pendaftaran dibuka ${formatDateTime(p.enrollFrom, v.locale)}`);
  else if (v.now > until) notice = msg('Pendaftaran sudah ditutup');
  else {
    const full = seatsLeft(p) === 0;
    return html`<p class="note" id=${ids.deadline}>${msg(str`Batas pendaftaran: ${formatDateTime(p.enrollUntil, v.locale)}`)}</p>
      <div class="actions" part="actions">
        <button
          type="button"
          class="enrol"
          part="enrol-button"
          aria-disabled=${state.pending ? 'true' : 'false'}
          aria-describedby="${ids.title} ${ids.deadline}"
          @click=${(ev: Event) => !state.pending && v.onEnrol(p, ev)}
        >
          ${state.pending === 'enrol' ? html`${spinner}${msg('Mendaftar…')}` : full ? msg('Masuk daftar tunggu') : msg('Daftar')}
        </button>
        ${calendar}
      </div>`;
  }
  return html`<p class="note">${notice}</p>
    <div class="actions" part="actions">${calendar}</div>`;
}

export function renderCard(p: Program, state: CardState, v: CardView): TemplateResult {
  const id = `p-${cssId(p.id)}`;
  const ids = { title: `${id}-title`, deadline: `${id}-deadline` };
  const e = p.viewer?.enrollment ?? null;
  const recommendations = p.viewer?.recommendations ?? [];
  const left = seatsLeft(p);
  const ownBadge =
    state.queued === 'enrol'
      ? html`<span class="badge own waiting" part="badge">${msg('Menunggu dikirim')}</span>`
      : e && e.status !== 'cancelled'
        ? html`<span class="badge own ${e.status}" part="badge">${enrollmentStatusText(e.status, e.waitlistPosition)}</span>`
        : nothing;
  return html`<li class="card ${recommendations.length ? 'recommended' : ''}" part=${recommendations.length ? 'card card-recommended' : 'card'}>
    <article id=${id} aria-labelledby=${ids.title}>
      <header class="card-header">
        <h3 class="card-title" id=${ids.title}>${p.title}</h3>
        <p class="badges">
          <span class="badge type" part="badge">${typeLabel(p.type)}</span>
          <span class="badge competency" part="badge">${competencyLabel(p.competency)}</span>
          ${recommendations.length ? html`<span class="badge recommended" part="badge">${msg('Direkomendasikan atasan')}</span>` : nothing}
          ${ownBadge}
        </p>
      </header>
      ${recommendations.length
        ? html`<div class="recommendation" part="recommendation">
            ${recommendations.map(
              (r) => html`<p>
                <span class="label">${msg(str`Direkomendasikan oleh ${r.authorName}`)}</span>${r.note ? html`: <q>${r.note}</q>` : nothing}
              </p>`,
            )}
          </div>`
        : nothing}
      <dl class="facts">
        <div><dt>${msg('Jadwal')}</dt><dd>${sessions(p, v.locale)}</dd></div>
        <div><dt>${msg('Tempat')}</dt><dd>${modeLabel(p.mode)}${place(p, ids.title)}</dd></div>
        <div><dt>${msg('JP')}</dt><dd>${jpText(p.jp)}</dd></div>
        <div>
          <dt>${msg('Kursi')}</dt>
          <dd class=${left === 0 ? 'full' : ''}>${seatsText(p)}${p.waitlisted > 0 ? html` <span class="muted">(${waitingText(p.waitlisted)})</span>` : nothing}</dd>
        </div>
        ${p.partnerName ? html`<div><dt>${msg('Penyelenggara')}</dt><dd>${p.partnerName}</dd></div>` : nothing}
      </dl>
      ${p.description ? html`<p class="description" part="description">${p.description}</p>` : nothing}
      ${actions(p, state, v, ids)}
      ${state.result ? html`<p class="result" id=${`${id}-result`} part="result" tabindex="-1">${state.result}</p>` : nothing}
      ${state.error ? html`<p class="error-text" id=${`${id}-error`} part="error" role="alert" tabindex="-1">${state.error}</p>` : nothing}
    </article>
  </li>`;
}
