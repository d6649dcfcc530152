import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clearDraft, loadDraft, saveDraft, type EmployeeRef, type OutboxEvent, enableOutbox, resourceOf, meResource, goalsResource, feedbackResource } from '../../src/client/index.js';
import { FeedbackCreate as FeedbackCreateSchema, type Feedback, type FeedbackCreate, type Goal, type Me } from '../../src/contract/index.js';
import { formatNumber } from '../i18n/format.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { ratingLabel } from '../shared/rating-label.js';
import { LiveData } from '../shared/live-data.js';
import {
  contractIssues,
  debounce,
  describedBy,
  fieldCodesOf,
  fieldError,
  fieldErrorsOf,
  problemText,
  queuedEntryId,
  type FormIssue,
} from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { widgetFrame } from '../shared/frame.js';
import { frameStyles } from '../shared/frame.styles.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { feedbackFormStyles } from './feedback-form.styles.js';

/** The longest message the contract accepts (`FeedbackCreate.message`). */
export const FEEDBACK_MESSAGE_MAX = 2000;
/** How long typing must pause before the draft is saved. */
const AUTOSAVE_MS = 400;

export type FeedbackKind = FeedbackCreate['kind'];
export type FeedbackRating = NonNullable<FeedbackCreate['rating']>;

/** What the form holds (also what its draft stores). `rating`/`goalId`: `''` for none. */
export interface FeedbackFormValue {
  kind: FeedbackKind;
  rating: FeedbackRating | '';
  goalId: string;
  message: string;
}

/** `detail` of `asn-feedback-submitted`: the stored feedback, or — written offline — the outbox entry that will send it. */
export type AsnFeedbackSubmittedDetail =
  | { queued: false; feedback: Feedback }
  | { queued: true; entryId: string; employee: string; body: FeedbackCreate };

export type AsnFeedbackSubmittedEvent = CustomEvent<AsnFeedbackSubmittedDetail>;

interface StoredDraft extends FeedbackFormValue {
  authorId?: string;
}

type Result = { queued: false; feedback: Feedback } | { queued: true; entryId: string; sent: boolean; message: string };

const FIELD_IDS: Record<string, string> = { kind: 'kind-appreciation', rating: 'rating-none', goalId: 'goal', message: 'message' };

const emptyValue = (goal = ''): FeedbackFormValue => ({ kind: 'appreciation', rating: '', goalId: goal, message: '' });

/** A draft as stored: the value, signed by its author when known. */
const signed = (value: FeedbackFormValue, authorId: string | null | undefined): StoredDraft =>
  typeof authorId === 'string' ? { ...value, authorId } : { ...value };

/**
 * A supervisor's direct feedback (umpan balik berkelanjutan, PermenPANRB 6/2022) to one ASN: appreciation or
 * guidance, an optional rating (di atas / sesuai / di bawah ekspektasi), an optional linked goal and a message.
 *
 * A native `<form>` validated with the contract's `FeedbackCreate` schema; the server's field errors appear beside
 * their fields; the submit button shows progress and cannot send twice. What is typed is saved as a draft (per
 * author, recipient and goal) and restored after a reload; it is cleared once the feedback is sent. Changing
 * `employee` (the supervisor picks another person) gives a fresh form with that person's goals and own draft.
 * With a client created with `outbox: true`, feedback written offline is kept and shown as "Tersimpan, menunggu
 * dikirim" until it is sent.
 *
 * @tagname asn-feedback-form
 * @summary A supervisor's feedback form for one ASN, with drafts that survive a reload and offline sending.
 *
 * @attr {string} employee - The recipient: an employee id (`emp_…`).
 * @attr {string} goal - A goal (`goal_…`) to link the feedback to; preselected in the goal list.
 * @attr {boolean} offline - Reflects whether the browser is offline (feedback is then kept and sent later).
 *
 * @prop {FeedbackFormValue} value - The form's current value (kind, rating, goalId, message); set it to prefill.
 * @prop {Goal[] | undefined} goals - The recipient's goals offered in the goal list; when set, they are not fetched.
 *
 * @fires {CustomEvent<AsnFeedbackSubmittedDetail>} asn-feedback-submitted - The feedback was stored (`queued: false`, with the feedback), or kept in the offline outbox (`queued: true`, with the entry id and body). Bubbles, composed.
 *
 * @slot heading - Under the title ("Beri umpan balik"), in the header: e.g. the recipient's name.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title and the `heading` slot.
 * @csspart title - The heading.
 * @csspart form - The `<form>`.
 * @csspart kind - The kind radio group (fieldset).
 * @csspart rating - The rating radio group (fieldset).
 * @csspart goal - The goal `<select>`.
 * @csspart message - The message `<textarea>`.
 * @csspart counter - The visible character count.
 * @csspart field-error - An error message beside a field.
 * @csspart error-summary - The summary of errors, announced when the form is submitted with errors.
 * @csspart submit - The submit button.
 * @csspart success - The success (or "waiting to send") panel.
 * @csspart again - The "Write another" button.
 * @csspart offline - The offline notice.
 * @csspart draft-note - The note that a draft was restored.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, radios, focus ring.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background of the form and its fields.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - The error summary and the offline notice.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Hints and the character count.
 * @cssprop [--asn-color-border=#c9d1db] - Borders of the form and its fields.
 * @cssprop [--asn-color-success=#1f7a3f] - The success panel.
 * @cssprop [--asn-color-warning=#8a5a00] - "Waiting to send"; the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - Field errors; the count past the limit.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 */
@localized()
export class AsnFeedbackForm extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, formStyles, feedbackFormStyles];

  /** The recipient (`emp_…`). */
  @property({ reflect: true }) employee = '';

  /** A goal to link the feedback to (`goal_…`). */
  @property({ reflect: true }) goal?: string;

  /** The recipient's goals offered in the goal list; when set, they are not fetched. */
  @property({ attribute: false }) goals?: Goal[];

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _value: FeedbackFormValue = emptyValue();
  @state() private _errors: Record<string, string> = {};
  @state() private _formError = '';
  @state() private _showSummary = false;
  @state() private _submitting = false;
  @state() private _result: Result | null = null;
  @state() private _restored = false;

  /** Recipient and goal the form is written for: when they change, the form starts afresh. */
  private _context: string | undefined;
  /** Whose drafts are shown: the signed-in user's id, null for drafts of this device (no client), undefined while unknown. */
  private _keyAuthor: string | null | undefined = undefined;
  private _draftKey = '';
  /** Something was typed (or set through `value`) since the draft was restored or the form emptied. */
  private _dirty = false;
  private _prefill: Partial<FeedbackFormValue> | undefined;
  /** Bumped when the form starts afresh, so a request still running for the previous recipient leaves it alone. */
  private _session = 0;
  /** Feedback in the outbox, with the draft its text returns to if the server refuses it later. */
  private readonly _queued = new Map<string, { key: string; authorId: string | null | undefined }>();
  private readonly _live = new LiveData(this, {
    active: () => true,
    outbox: enableOutbox,
    onOutbox: (event) => this._onOutbox(event),
  });
  private readonly _autosave = debounce(() => this._saveDraft(), AUTOSAVE_MS);

  constructor() {
    super();
    initLocalization();
  }

  /** The signed-in user, tagged with the client generation it was asked of (a new token may be someone else). */
  private readonly _meTask = new Task(this, {
    args: () => [this._live.client, this._live.generation] as const,
    task: async ([client, generation], { signal }) => {
      if (!client) return initialState;
      const me = await resourceOf(client, 'me', meResource).get({ signal }).catch((): Me | null => null);
      return { generation, me };
    },
  });

  private readonly _goalsTask = new Task(this, {
    args: () => [this._live.client, this.employee, this.goals === undefined, this._live.generation] as const,
    task: async ([client, employee, wanted], { signal }) => {
      if (!wanted || !client || !employee) return initialState;
      const page = await resourceOf(client, 'goals', goalsResource).list(employee as EmployeeRef, { limit: 100 }, { signal });
      return page.data;
    },
  });

  /** The form's current value; set it to prefill (e.g. from a portal's own state). */
  get value(): FeedbackFormValue {
    return { ...this._value };
  }
  set value(value: Partial<FeedbackFormValue>) {
    this._autosave.flush(); // what was typed stays in its own draft
    this._value = { ...emptyValue(this.goal ?? ''), ...value };
    this._prefill = value; // wins over a draft restored in the same update (e.g. set together with `employee`)
    this._dirty = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this._onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this._onPageHide);
    this._autosave.flush(); // a reload or a portal's navigation right after typing keeps the last words
  }

  /**
   * Who writes: without a client nothing can tell, so drafts belong to this device (null); with one, the user is
   * unknown (undefined, no draft shown) until `me` answers for the current client, or null if it cannot.
   */
  private get _author(): string | null | undefined {
    if (!this._live.client) return null;
    const got = this._meTask.value;
    if (!got || got.generation !== this._live.generation) return undefined;
    return got.me?.id ?? null;
  }

  override willUpdate(): void {
    const context = `${this.employee}|${this.goal ?? ''}`;
    const author = this._author;
    if (context !== this._context) {
      // Another recipient (the supervisor picked another row): a fresh form with that recipient's own draft.
      if (this._context !== undefined) {
        this._autosave.flush();
        this._startAfresh();
      }
      this._context = context;
      this._useDraftOf(author);
      this._restoreDraft();
    } else if (author !== this._keyAuthor) {
      if (typeof this._keyAuthor === 'string' || !this._dirty) {
        // Another user signed in on this device (or the author just became known): their own draft, not the last one's.
        this._autosave.flush();
        this._useDraftOf(author);
        this._restoreDraft();
      } else {
        // Typed before the author was known: keep it, saved as theirs from now on.
        this._autosave.cancel();
        this._useDraftOf(author);
        this._saveDraft();
      }
    }
    if (this._prefill) {
      this._value = { ...emptyValue(this.goal ?? ''), ...this._prefill };
      this._dirty = true;
      this._prefill = undefined;
    }
  }

  /** Validates and sends, as pressing the Send button does. */
  submit(): void {
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  /** Empties the form (and forgets the draft), back to writing a new feedback. */
  reset(): void {
    this._autosave.cancel();
    if (this._draftKey) clearDraft(this._draftKey);
    this._value = emptyValue(this.goal ?? '');
    this._dirty = false;
    this._errors = {};
    this._formError = '';
    this._showSummary = false;
    this._result = null;
    this._restored = false;
  }

  private _onPageHide = (): void => {
    this._autosave.flush();
  };

  /** Nothing of the previous recipient stays: sent panel, errors, the progress of a request still running. */
  private _startAfresh(): void {
    this._session += 1;
    this._result = null;
    this._errors = {};
    this._formError = '';
    this._showSummary = false;
    this._submitting = false;
  }

  /** Drafts are per author, recipient and goal (see src/client/drafts.ts); none while the author is unknown. */
  private _useDraftOf(author: string | null | undefined): void {
    this._keyAuthor = author;
    this._draftKey = author === undefined ? '' : `feedback:${author ?? '-'}:${this.employee || '-'}:${this.goal || '-'}`;
  }

  private _readDraft(): StoredDraft | null {
    if (!this._draftKey) return null;
    const author = this._keyAuthor;
    const draft = loadDraft<StoredDraft>(this._draftKey);
    if (draft) return !draft.authorId || draft.authorId === author ? draft : null;
    if (typeof author !== 'string') return null;
    // Earlier versions keyed drafts by recipient and goal only, signed inside: the signed-in author's moves over.
    const legacyKey = `feedback:${this.employee || '-'}:${this.goal || '-'}`;
    const legacy = loadDraft<StoredDraft>(legacyKey);
    if (legacy?.authorId !== author) return null;
    clearDraft(legacyKey);
    saveDraft(this._draftKey, legacy);
    return legacy;
  }

  private _restoreDraft(): void {
    const draft = this._readDraft();
    this._dirty = false;
    if (draft && typeof draft.message === 'string') {
      this._value = {
        kind: draft.kind === 'guidance' ? 'guidance' : 'appreciation',
        rating: draft.rating === 'above' || draft.rating === 'meets' || draft.rating === 'below' ? draft.rating : '',
        goalId: typeof draft.goalId === 'string' ? draft.goalId : this.goal ?? '',
        message: draft.message,
      };
      this._restored = draft.message.trim().length > 0;
    } else {
      this._value = emptyValue(this.goal ?? '');
      this._restored = false;
    }
  }

  private _saveDraft(): void {
    if (!this._draftKey || this._result) return;
    const v = this._value;
    const blank = v.message.trim() === '' && v.rating === '' && v.kind === 'appreciation';
    if (blank) clearDraft(this._draftKey);
    else saveDraft(this._draftKey, signed(v, this._keyAuthor));
  }

  private _update(patch: Partial<FeedbackFormValue>): void {
    this._value = { ...this._value, ...patch };
    this._dirty = true;
    // Fixing a field clears its error at once; the rest stay until the next submit.
    for (const key of Object.keys(patch)) {
      if (this._errors[key]) {
        const { [key]: _, ...rest } = this._errors;
        this._errors = rest;
      }
    }
    this._autosave();
  }

  private _onOutbox(event: OutboxEvent): void {
    if (event.type !== 'sent' && event.type !== 'failed') return;
    const queued = this._queued.get(event.entry.id);
    if (!queued) return;
    this._queued.delete(event.entry.id);
    const result = this._result;
    const shown = result?.queued && result.entryId === event.entry.id ? result : null;
    if (event.type === 'sent') {
      if (shown) this._result = { ...shown, sent: true };
      return;
    }
    // Refused for good: give the text back with the reason, so nothing typed is lost.
    const body = event.entry.body as FeedbackCreate;
    const value: FeedbackFormValue = { kind: body.kind, rating: body.rating ?? '', goalId: body.goalId ?? '', message: body.message };
    if (!shown) {
      // Written for a recipient no longer shown: the text waits in that recipient's draft.
      if (queued.key) saveDraft(queued.key, signed(value, queued.authorId));
      return;
    }
    this._result = null;
    this._value = value;
    this._saveDraft();
    this._formError = msg(str`Umpan balik tidak dapat dikirim: ${event.problem?.detail ?? event.problem?.title ?? event.error.message}`);
    this._showSummary = true;
  }

  private _issueMessage(issue: FormIssue): string {
    switch (issue.path) {
      case 'message':
        return issue.code === 'too_big'
          ? msg(str`Pesan paling banyak ${formatNumber(FEEDBACK_MESSAGE_MAX, currentLocale())} karakter.`)
          : msg('Tulis pesan umpan balik.');
      case 'kind':
        return msg('Pilih apresiasi atau bimbingan.');
      case 'rating':
        return msg('Pilih penilaian, atau pilih "Tanpa penilaian".');
      case 'goalId':
        return msg('Pilih sasaran, atau pilih "Tidak terkait sasaran".');
      default:
        return msg('Periksa isian ini.');
    }
  }

  private _serverMessage(path: string, code: string | undefined, message: string): string {
    if (code === 'goal.not_recipients') return msg('Sasaran ini bukan milik pegawai penerima.');
    if (path === 'message' && code === 'too_small') return msg('Tulis pesan umpan balik.');
    return message;
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._submitting || this._result) return; // one request per feedback, however often it is clicked
    this._autosave.flush();
    const v = this._value;
    const body: FeedbackCreate = {
      kind: v.kind,
      rating: v.rating === '' ? null : v.rating,
      goalId: v.goalId === '' ? null : (v.goalId as FeedbackCreate['goalId']),
      message: v.message,
    };
    const errors: Record<string, string> = {};
    for (const issue of contractIssues(FeedbackCreateSchema, body).values()) {
      const key = issue.path in FIELD_IDS ? issue.path : 'message';
      errors[key] ??= this._issueMessage(issue);
    }
    this._errors = errors;
    this._formError = '';
    this._showSummary = Object.keys(errors).length > 0;
    if (this._showSummary) {
      await this.updateComplete;
      this._focusFirstInvalid();
      return;
    }
    const client = this._live.client;
    if (!client) {
      this._formError = msg('Umpan balik belum dapat dikirim karena halaman ini belum tersambung ke layanan. Hubungi pengelola portal.');
      this._showSummary = true;
      return;
    }
    this._submitting = true;
    // The supervisor may pick another employee while this is sent: the outcome then belongs to the one it was for.
    const session = this._session;
    const current = () => session === this._session;
    const { _draftKey: draftKey, _keyAuthor: authorId, employee } = this;
    const sent = () => {
      if (current()) this._autosave.cancel();
      if (draftKey) clearDraft(draftKey);
    };
    try {
      const feedback = await resourceOf(client, 'feedback', feedbackResource).create(employee as EmployeeRef, { ...body, message: body.message.trim() });
      sent();
      if (current()) this._result = { queued: false, feedback };
      this._emit({ queued: false, feedback });
    } catch (error) {
      const entryId = queuedEntryId(error);
      if (entryId) {
        // The outbox holds the text now (and sends it by itself); the draft would only invite a second copy.
        sent();
        this._queued.set(entryId, { key: draftKey, authorId });
        if (current()) this._result = { queued: true, entryId, sent: false, message: body.message.trim() };
        this._emit({ queued: true, entryId, employee, body });
      } else if (current()) {
        const serverErrors = fieldErrorsOf(error);
        const codes = fieldCodesOf(error);
        const placed: Record<string, string> = {};
        const other: string[] = [];
        for (const [path, message] of Object.entries(serverErrors)) {
          const text = this._serverMessage(path, codes[path], message);
          if (path in FIELD_IDS) placed[path] = text;
          else other.push(text);
        }
        this._errors = placed;
        this._formError =
          other.join(' ') || (Object.keys(placed).length > 0 ? '' : (problemText(error) ?? this._errorMessage(classifyError(error))));
        this._showSummary = true;
      }
      // Failed for a recipient no longer shown: their text is still in their draft.
    } finally {
      if (current()) this._submitting = false;
    }
    if (!current()) return;
    await this.updateComplete;
    if (this._result) this.renderRoot.querySelector<HTMLElement>('.success-title')?.focus();
    else this._focusFirstInvalid();
  }

  private _focusFirstInvalid(): void {
    const first = Object.keys(FIELD_IDS).find((path) => this._errors[path]);
    if (first) {
      const id = first === 'kind' ? `kind-${this._value.kind}` : first === 'rating' ? `rating-${this._value.rating || 'none'}` : FIELD_IDS[first];
      this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
    } else {
      this.renderRoot.querySelector<HTMLElement>('.summary-errors')?.focus();
    }
  }

  private _emit(detail: AsnFeedbackSubmittedDetail): void {
    this.dispatchEvent(new CustomEvent('asn-feedback-submitted', { detail, bubbles: true, composed: true }));
  }

  private _again = async (): Promise<void> => {
    this.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#kind-${this._value.kind}`)?.focus();
  };

  private _errorMessage(kind: ErrorKind): string {
    return errorMessage(kind, {
      auth: msg('Sesi Anda telah berakhir. Masuk kembali, lalu kirim umpan balik.'),
      forbidden: msg('Hanya atasan langsung yang dapat memberi umpan balik kepada pegawai ini.'),
      'not-found': msg('Pegawai ini tidak ditemukan.'),
      offline: msg('Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.'),
      timeout: msg('Server terlalu lama merespons. Jaringan mungkin sedang lambat; coba lagi.'),
    });
  }


  override render(): TemplateResult {
    return widgetFrame({
      title: msg('Beri umpan balik'),
      subtitle: html`<slot name="heading"></slot>`,
      busy: false, // the form is usable at once; only the goal list loads, with its own hint
      offline: this.offline ? msg('Anda sedang luring. Anda tetap dapat menulis: umpan balik disimpan dan dikirim saat koneksi kembali.') : null,
      body: this._result ? this._renderResult(this._result) : this._renderForm(),
    });
  }

  private _renderResult(result: Result): TemplateResult {
    const waiting = result.queued && !result.sent;
    return html`<div class="success ${waiting ? 'waiting' : ''}" part="success" role="status">
      <h3 class="success-title" tabindex="-1">
        ${waiting ? msg('Tersimpan, menunggu dikirim') : msg('Umpan balik terkirim')}
      </h3>
      <p class="success-message">
        ${waiting
          ? msg('Saat ini tidak ada koneksi. Umpan balik disimpan di perangkat ini dan dikirim otomatis, satu kali, saat koneksi kembali.')
          : msg('Pegawai sudah dapat melihat dan menanggapinya.')}
      </p>
      <blockquote class="sent-text">${result.queued ? result.message : result.feedback.message}</blockquote>
      <button type="button" class="again" part="again" @click=${this._again}>${msg('Tulis umpan balik lain')}</button>
    </div>`;
  }

  private _renderForm(): TemplateResult {
    const v = this._value;
    const e = this._errors;
    const length = v.message.length;
    const over = length > FEEDBACK_MESSAGE_MAX;
    const locale = currentLocale();
    const summaryItems = Object.entries(e).map(([, m]) => m);
    if (this._formError) summaryItems.push(this._formError);
    const showSummary = this._showSummary && summaryItems.length > 0;
    return html`<form part="form" novalidate @submit=${this._onSubmit}>
      ${this._restored
        ? html`<p class="draft-note" part="draft-note">${msg('Draf Anda yang belum terkirim telah dipulihkan.')}</p>`
        : nothing}
      <div class="summary-errors ${showSummary ? 'shown' : ''}" part="error-summary" aria-live="assertive" aria-atomic="true" tabindex="-1">
        ${showSummary
          ? html`<p>${msg('Umpan balik belum terkirim:')}</p>
              <ul>
                ${summaryItems.map((m) => html`<li>${m}</li>`)}
              </ul>`
          : nothing}
      </div>

      <fieldset part="kind" aria-describedby=${describedBy(e.kind && 'kind-error') ?? nothing}>
        <legend>${msg('Jenis')}</legend>
        <div class="choices">
          ${(['appreciation', 'guidance'] as const).map(
            (kind) => html`<label class="choice">
              <input
                type="radio"
                name="kind"
                id="kind-${kind}"
                value=${kind}
                .checked=${v.kind === kind}
                @change=${() => this._update({ kind })}
              />
              ${kind === 'appreciation' ? msg('Apresiasi') : msg('Bimbingan')}
            </label>`,
          )}
        </div>
        ${fieldError('kind-error', e.kind)}
      </fieldset>

      <fieldset part="rating" aria-describedby=${describedBy(e.rating && 'rating-error') ?? nothing}>
        <legend>${msg('Penilaian (opsional)')}</legend>
        <div class="choices">
          ${(['', 'above', 'meets', 'below'] as const).map(
            (rating) => html`<label class="choice">
              <input
                type="radio"
                name="rating"
                id="rating-${rating || 'none'}"
                value=${rating}
                .checked=${v.rating === rating}
                @change=${() => this._update({ rating })}
              />
              ${ratingLabel(rating)}
            </label>`,
          )}
        </div>
        ${fieldError('rating-error', e.rating)}
      </fieldset>

      ${this._renderGoalField()}

      <div class="field">
        <label for="message">${msg('Pesan')}</label>
        <textarea
          id="message"
          name="message"
          part="message"
          rows="6"
          .value=${v.message}
          aria-invalid=${e.message ? 'true' : 'false'}
          aria-describedby=${describedBy('message-count', e.message && 'message-error') ?? nothing}
          @input=${(ev: Event) => this._update({ message: (ev.target as HTMLTextAreaElement).value })}
        ></textarea>
        <p class="counter ${over ? 'over' : ''}" id="message-count" part="counter">
          ${msg(str`${formatNumber(length, locale)} dari ${formatNumber(FEEDBACK_MESSAGE_MAX, locale)} karakter`)}
        </p>
        ${fieldError('message-error', e.message)}
      </div>

      <div class="actions">
        <button type="submit" class="submit" part="submit" aria-disabled=${this._submitting ? 'true' : 'false'}>
          ${this._submitting ? html`<span class="spinner" aria-hidden="true"></span>${msg('Mengirim…')}` : msg('Kirim umpan balik')}
        </button>
      </div>
    </form>`;
  }

  private _renderGoalField(): TemplateResult {
    const v = this._value;
    const e = this._errors;
    const loading = !this.goals && this._goalsTask.status === TaskStatus.PENDING;
    const failed = !this.goals && this._goalsTask.status === TaskStatus.ERROR;
    const goals = this.goals ?? (this._goalsTask.status === TaskStatus.COMPLETE ? (this._goalsTask.value ?? []) : []);
    // A preselected goal not (yet) in the list stays selectable, so the server can judge it.
    const known = goals.some((g) => g.id === v.goalId);
    let hint: string | undefined;
    if (loading) hint = msg('Memuat sasaran…');
    else if (failed) hint = msg('Sasaran tidak dapat dimuat; Anda tetap dapat mengirim tanpa mengaitkan sasaran.');
    else if (goals.length === 0 && (this.goals || this._goalsTask.status === TaskStatus.COMPLETE)) hint = msg('Pegawai ini belum memiliki sasaran.');
    return html`<div class="field">
      <label for="goal">${msg('Sasaran terkait (opsional)')}</label>
      <select
        id="goal"
        name="goalId"
        part="goal"
        aria-invalid=${e.goalId ? 'true' : 'false'}
        aria-describedby=${describedBy(hint && 'goal-hint', e.goalId && 'goal-error') ?? nothing}
        @change=${(ev: Event) => this._update({ goalId: (ev.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${v.goalId === ''}>${msg('Tidak terkait sasaran')}</option>
        ${goals.map((g) => html`<option value=${g.id} ?selected=${v.goalId === g.id}>${g.title}</option>`)}
        ${v.goalId && !known ? html`<option value=${v.goalId} selected>${msg('Sasaran yang dipilih sebelumnya')}</option>` : nothing}
      </select>
      ${hint ? html`<p class="hint" id="goal-hint">${hint}</p>` : nothing}
      ${failed ? html`<button type="button" class="secondary retry" @click=${() => this._goalsTask.run()}>${msg('Muat ulang sasaran')}</button>` : nothing}
      ${fieldError('goal-error', e.goalId)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-feedback-form': AsnFeedbackForm;
  }
  interface HTMLElementEventMap {
    'asn-feedback-submitted': AsnFeedbackSubmittedEvent;
  }
}
