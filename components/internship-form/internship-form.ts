import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  clearDraft,
  installOutbox,
  internshipsResource,
  loadDraft,
  resourceOf,
  saveDraft,
  type CoreClient,
  type OpeningId,
  type OutboxEntry,
  type OutboxEvent,
} from '../../src/client/index.js';
import {
  normalizeIndonesianMobile,
  type ApplicationReceipt,
  type InternshipOpening,
  type PrivacyNotice,
} from '../../src/contract/index.js';
import { formatDay, formatNumber } from '../i18n/format.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { classifyError, errorMessage } from '../shared/errors.js';
import { debounce, describedBy, fieldError, queuedEntryId } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { widgetFrame } from '../shared/frame.js';
import { frameStyles } from '../shared/frame.styles.js';
import { emptyState, errorState, skeleton } from '../shared/primitives.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { BotCheck } from './bot-check.js';
import { ClientSource } from './client-source.js';
import {
  applicationBody,
  contractRules,
  emptyValue,
  FIELD_ORDER,
  fieldId,
  formatPhone,
  isBlank,
  MOTIVATION_MAX,
  MOTIVATION_MIN,
  ruleMessage,
  SEMESTERS,
  valueFromDraft,
  type ApplicationFormValue,
  type FieldName,
  type TextField,
} from './fields.js';
import { internshipFormStyles } from './internship-form.styles.js';
import { purposeList, renderNotice } from './notice.js';
import type { Refusal, Result } from './submit.js';

/**
 * `detail` of `asn-application-submitted`. The receipt without its `privateUrl`: that capability link is the
 * student's alone and is shown only inside the form, never handed to the page's scripts (analytics, tag managers).
 * Queued offline: `{ queued: true, entryId, openingId }`, then the same event with `queued: false` once the outbox
 * has sent it.
 */
export type AsnApplicationSubmittedDetail =
  | ({ queued: false } & Omit<ApplicationReceipt, 'privateUrl'>)
  | { queued: true; entryId: string; openingId: string };

export type AsnApplicationSubmittedEvent = CustomEvent<AsnApplicationSubmittedDetail>;

export type { ApplicationFormValue } from './fields.js';

type SubmitModule = typeof import('./submit.js');
let submitModule: Promise<SubmitModule> | undefined;
/** The solver, the refusal wording and the result panels: one chunk, once per page, at the first focus. */
const loadSubmit = (): Promise<SubmitModule> =>
  (submitModule ??= import('./submit.js').catch((error: unknown) => {
    submitModule = undefined; // offline on a first visit: tried again at the next focus or submit
    throw error;
  }));

/** How long typing must pause before the draft is saved. */
const AUTOSAVE_MS = 400;
const OPENING_ID = /^int_[A-Za-z0-9]{1,40}$/;
const draftKeyOf = (opening: string) => (opening ? `internship:${opening}` : '');

/**
 * Receipts of the applications sent through a client, by opening, for the life of the page: the outbox may send
 * one made offline while no form for that opening is on the page (the student opened another), and a form shown
 * again for that opening shows its reference and private link rather than an empty form.
 */
const receipts = new WeakMap<CoreClient, Map<string, ApplicationReceipt>>();
const isApplication = (entry: OutboxEntry): boolean => entry.route === 'createApplication';

function receiptsOf(client: CoreClient): Map<string, ApplicationReceipt> {
  let map = receipts.get(client);
  if (!map) {
    receipts.set(client, (map = new Map()));
    client.outbox?.subscribe((event) => {
      if (event.type !== 'sent' || !isApplication(event.entry)) return;
      map!.set(event.entry.params.id, event.result as ApplicationReceipt);
      clearDraft(draftKeyOf(event.entry.params.id)); // sent: nothing typed needs keeping any more
    });
  }
  return map;
}

/**
 * A student's application to one internship opening, made to be pasted into a partner university's own site
 * (under its strict CSP: no inline style or script, no worker, nothing from a third party): name, NIM, study
 * program, semester, email, mobile number (`08…` or `+628…`, shown normalised), motivation with a character
 * count, and the privacy notice (UU 27/2022) in full — fetched in the page's language — before a separate,
 * unticked consent checkbox that names the notice's version.
 *
 * A native `<form>`, validated on blur and on submit with the contract's `ApplicationCreate` schema; the
 * server's field errors appear beside their fields, the rest in an error summary, and the first invalid field
 * gets the focus. Bots are slowed without trackers: a proof-of-work challenge (ALTCHA) is fetched from the API
 * when the student first focuses the form and solved on the page while they type, and a honeypot field stays
 * empty for people. One request at a time; "terlalu banyak percobaan" says how long to wait.
 *
 * What the student typed (never the consent) is kept on this device as a draft for this opening until the
 * application is sent, so a reload or a dropped connection loses nothing; "Kosongkan formulir" forgets it (a
 * shared computer). Offline, with a challenge already solved, the application waits in the SDK's outbox and is
 * sent once, with the same Idempotency-Key, when the connection is back; the form then shows the success state.
 * Success shows the reference (`MG-2026-000123`) with a copy button, what happens next, and the private link to
 * see the status, correct contact data and withdraw. The notice and every API string render as text.
 *
 * The client: a `client` set on the element, else one made from `publishable-key` and `base-url`, else the
 * nearest `<asn-provider>`'s.
 *
 * @tagname asn-internship-form
 * @summary A student's internship application: validated fields, the privacy notice and consent, a self-hosted bot check, drafts and offline sending.
 *
 * @attr {string} opening - The opening applied to (`int_…`).
 * @attr {string} publishable-key - The partner's publishable key (`pk_test_…`/`pk_live_…`) when the form is used without an `<asn-provider>`.
 * @attr {string} base-url - API origin with `publishable-key`, e.g. `https://asn.sorongkota.go.id`. Default: the page's origin.
 * @attr {boolean} offline - Reflects whether the browser is offline (the form keeps what is typed and sends when back).
 *
 * @prop {CoreClient | null | undefined} client - A ready SDK client (wins over `publishable-key` and the provider).
 * @prop {ApplicationFormValue} value - What the fields hold; set it to prefill (e.g. from a university's own login).
 *
 * @fires {CustomEvent<AsnApplicationSubmittedDetail>} asn-application-submitted - The application was stored: `{ queued: false, id, reference, openingId, status, createdAt }` (the private link is not included), or it waits in the offline outbox: `{ queued: true, entryId, openingId }` (followed by a `queued: false` event once sent). Bubbles, composed.
 *
 * @slot heading - Under the title, in the header: e.g. the university's own words.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title and the opening.
 * @csspart title - The heading.
 * @csspart form - The `<form>`.
 * @csspart input - A text, email or tel input.
 * @csspart select - The semester `<select>`.
 * @csspart motivation - The motivation `<textarea>`.
 * @csspart counter - The motivation's character count.
 * @csspart notice - The scrollable privacy notice.
 * @csspart consent - The consent checkbox.
 * @csspart field-error - An error message beside a field.
 * @csspart error-summary - The summary of errors, announced when the form is sent with errors.
 * @csspart check - The bot check's progress ("Memeriksa bahwa Anda bukan bot…").
 * @csspart submit - The submit button.
 * @csspart clear - The "Kosongkan formulir" button.
 * @csspart success - The success (or "waiting to send") panel.
 * @csspart reference - The application's reference number.
 * @csspart copy - A copy button in the success panel.
 * @csspart private-link - The private link (status, correction, withdrawal).
 * @csspart state - The loading, error or closed-opening state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 * @csspart draft-note - The note that a draft was restored.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: buttons, checkbox, focus ring, links.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background of the form and its fields.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - The privacy notice, the error summary, the success panel.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Hints, the character count, the bot check's progress.
 * @cssprop [--asn-color-border=#c9d1db] - Borders of the form and its fields.
 * @cssprop [--asn-color-success=#1f7a3f] - The success panel.
 * @cssprop [--asn-color-warning=#8a5a00] - "Waiting to send"; a changed notice; the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - Field errors; the count past the limit.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 */
@localized()
export class AsnInternshipForm extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, formStyles, internshipFormStyles];

  /** The opening applied to (`int_…`). */
  @property({ reflect: true }) opening = '';

  /** The partner's publishable key, for use without a provider. */
  @property({ attribute: 'publishable-key' }) publishableKey?: string;

  /** API origin with `publishable-key`; default the page's origin. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** A ready SDK client; wins over `publishable-key` and the provider. */
  @property({ attribute: false }) client?: CoreClient | null;

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _opening: InternshipOpening | undefined;
  @state() private _openingError: unknown = null;
  @state() private _notice: PrivacyNotice | undefined;
  @state() private _noticeError: unknown = null;
  @state() private _value: ApplicationFormValue = emptyValue();
  @state() private _website = '';
  @state() private _consent = false;
  @state() private _errors: Partial<Record<FieldName, string>> = {};
  @state() private _formErrors: string[] = [];
  @state() private _showSummary = false;
  @state() private _submitting = false;
  @state() private _result: Result | null = null;
  @state() private _restored = false;
  @state() private _noticeChanged = false;
  @state() private _announcement = '';
  /** submit.ts, once loaded. */
  @state() private _submitModule: SubmitModule | undefined;

  private _draftKey = '';
  /** Bumped when the form starts afresh for another opening. */
  private _session = 0;
  /** Fields the student changed: only those are judged on blur (tabbing through an empty form says nothing). */
  private readonly _touched = new Set<FieldName>();
  /** Bumped on every (re)load, so an answer for another opening or client is dropped. */
  private _loadSeq = 0;
  private _noticeSeq = 0;
  /** The locale the notice was asked in. */
  private _noticeLocale = '';
  private _focusAfterLoad = false;
  private readonly _autosave = debounce(() => this._saveDraft(), AUTOSAVE_MS);

  private readonly _src = new ClientSource(this, {
    // Without the coaching routes: a university's page never holds a goal or feedback to replay.
    outbox: installOutbox,
    onOutbox: (event) => this._onOutbox(event),
    concerns: (tags) => tags.some((t) => t === '*' || t === 'internships:*' || t === `internships:${this.opening}`),
    refresh: () => void this._loadOpening(true),
  });

  private readonly _check = new BotCheck(
    this,
    (signal) => {
      const client = this._src.current;
      if (!client) return Promise.reject(new Error('not connected'));
      return resourceOf(client, 'internships', internshipsResource).challenge({ signal });
    },
    () => this._loadSubmit(),
  );

  constructor() {
    super();
    initLocalization();
  }

  /** What the fields hold; set it to prefill. */
  get value(): ApplicationFormValue {
    return { ...this._value };
  }
  set value(value: Partial<ApplicationFormValue>) {
    this._value = { ...emptyValue(), ...value };
    this._autosave();
  }

  /** Moves the focus to the form's heading (what `<asn-internship-openings>` does after "Lamar"). */
  override focus(options?: FocusOptions): void {
    this.renderRoot?.querySelector<HTMLElement>('#title')?.focus(options);
  }

  /** Validates and sends, as the submit button does. */
  submit(): void {
    this.renderRoot.querySelector('form')?.requestSubmit();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this._onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this._onPageHide);
    this._autosave.flush(); // a reload or a portal's navigation right after typing keeps the last words
    this._check.reset();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const clientChanged = this._src.sync();
    const key = draftKeyOf(this.opening);
    const openingChanged = key !== this._draftKey;
    if (openingChanged) {
      this._autosave.flush();
      this._startAfresh();
      this._draftKey = key;
      this._restoreDraft();
    }
    if (clientChanged || openingChanged) {
      // A solution is bound to the key that fetched it: another client needs its own.
      if (clientChanged) this._check.reset();
      this._load();
    } else if (this._notice && this._noticeLocale !== currentLocale()) {
      void this._loadNotice(false); // the page switched language: the notice in the new one
    }
    if (changed.has('offline') && !this.offline && (this._openingError || this._noticeError)) this._load();
  }

  // ── Loading ──

  private _api() {
    const client = this._src.current;
    return client ? resourceOf(client, 'internships', internshipsResource) : null;
  }

  private _load(): void {
    void this._loadOpening(false);
    void this._loadNotice(false);
    void this._findQueued();
  }

  private async _loadOpening(fresh: boolean): Promise<void> {
    const seq = ++this._loadSeq;
    const api = this._api();
    if (!api || !this.opening) return;
    if (!OPENING_ID.test(this.opening)) {
      this._openingError = { status: 404 };
      return;
    }
    if (!fresh) this._openingError = null;
    try {
      const opening = await api.get(this.opening as OpeningId, { fresh });
      if (seq !== this._loadSeq) return;
      this._opening = opening;
      this._openingError = null;
    } catch (error) {
      if (seq !== this._loadSeq) return;
      // A live refresh that fails keeps what is shown.
      if (!this._opening) this._openingError = error;
    }
    this._afterRetry();
  }

  private async _loadNotice(fresh: boolean): Promise<void> {
    const seq = ++this._noticeSeq;
    const api = this._api();
    if (!api) return;
    const locale = currentLocale();
    this._noticeLocale = locale;
    this._noticeError = null;
    try {
      const notice = await api.privacyNotice(locale, { fresh });
      if (seq !== this._noticeSeq) return;
      // Consent names a version: a new one must be read and ticked again.
      if (this._notice && this._notice.version !== notice.version) {
        this._consent = false;
        this._noticeChanged = true;
      }
      this._notice = notice;
    } catch (error) {
      if (seq !== this._noticeSeq) return;
      this._noticeError = error;
    }
  }

  /** An application for this opening still waiting in the outbox (from before a reload) shows as waiting. */
  private async _findQueued(): Promise<void> {
    const opening = this.opening;
    const client = this._src.current;
    if (!client) return;
    const given = receiptsOf(client).get(opening);
    if (given) {
      this._result = { queued: false, receipt: given };
      void this._loadSubmit().catch(() => undefined);
      return;
    }
    const outbox = client.outbox;
    if (!outbox?.enabled) return;
    const entries = await outbox.list().catch((): OutboxEntry[] => []);
    const entry = entries.find((e) => isApplication(e) && e.params.id === opening);
    if (entry && opening === this.opening && !this._result) {
      this._result = { queued: true, entryId: entry.id };
      void this._loadSubmit().catch(() => undefined);
    }
  }

  private async _loadSubmit(): Promise<SubmitModule> {
    return (this._submitModule ??= await loadSubmit());
  }

  private _retry = (): void => {
    this._focusAfterLoad = true;
    this._openingError = null;
    this._load();
  };

  private _afterRetry(): void {
    if (!this._focusAfterLoad) return;
    this._focusAfterLoad = false;
    void this.updateComplete.then(() => this.focus());
  }

  // ── Drafts ──

  private _onPageHide = (): void => this._autosave.flush();

  /** Nothing of the previous opening stays: result, errors, consent, the challenge. */
  private _startAfresh(): void {
    this._session += 1;
    this._loadSeq += 1;
    this._noticeSeq += 1;
    this._opening = undefined;
    this._openingError = null;
    this._result = null;
    this._errors = {};
    this._formErrors = [];
    this._showSummary = false;
    this._submitting = false;
    this._consent = false;
    this._website = '';
    this._touched.clear();
    this._check.reset();
  }

  private _restoreDraft(): void {
    const draft = this._draftKey ? valueFromDraft(loadDraft(this._draftKey)) : null;
    this._value = draft ?? emptyValue();
    this._restored = draft !== null;
  }

  private _saveDraft(): void {
    if (!this._draftKey || (this._result && !this._result.queued)) return;
    if (isBlank(this._value)) clearDraft(this._draftKey);
    else saveDraft(this._draftKey, this._value);
  }

  private _clear = async (): Promise<void> => {
    this._autosave.cancel();
    if (this._draftKey) clearDraft(this._draftKey);
    this._value = emptyValue();
    this._consent = false;
    this._errors = {};
    this._formErrors = [];
    this._showSummary = false;
    this._restored = false;
    this._touched.clear();
    this._announce(msg('Formulir dikosongkan.'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId('name')}`)?.focus();
  };

  // ── Editing and validation ──

  private _update(field: TextField, text: string): void {
    this._value = { ...this._value, [field]: text };
    this._touched.add(field);
    this._restored = false;
    // Fixing a field clears its error at once; a new one waits for blur or submit.
    if (this._errors[field] && !this._ruleFor(field)) this._setError(field, undefined);
    this._autosave();
  }

  private _ruleFor(field: FieldName): string | undefined {
    return contractRules(this._body('-')).get(field);
  }

  private _body(altcha: string) {
    return applicationBody(this._value, this._consent, this._notice, altcha, this._website);
  }

  private _setError(field: FieldName, message: string | undefined): void {
    const { [field]: _, ...rest } = this._errors;
    this._errors = message ? { ...rest, [field]: message } : rest;
  }

  private _onBlur(field: TextField): void {
    if (field === 'phone') {
      const e164 = normalizeIndonesianMobile(this._value.phone);
      if (e164) this._value = { ...this._value, phone: formatPhone(e164) };
    }
    if (!this._touched.has(field) && !this._errors[field]) return;
    const rule = this._ruleFor(field);
    this._setError(field, rule ? ruleMessage(field, rule, this._value) : undefined);
  }

  private _onConsent = (event: Event): void => {
    this._consent = (event.target as HTMLInputElement).checked;
    this._noticeChanged = false;
    if (this._consent) this._setError('consent', undefined);
  };

  /** The first focus inside the form fetches and starts solving the challenge. */
  private _onFocusIn = (): void => {
    if (this._check.state === 'idle' && this._src.current) this._check.start();
  };

  // ── Sending ──

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._submitting || this._result) return; // one request at a time, however often it is pressed
    this._autosave.flush();
    const errors: Partial<Record<FieldName, string>> = {};
    for (const [field, rule] of contractRules(this._body('-'))) errors[field] = ruleMessage(field, rule, this._value);
    const formErrors: string[] = [];
    if (!this._notice) {
      delete errors.consent;
      formErrors.push(msg('Pemberitahuan privasi belum dimuat, jadi persetujuan belum dapat diberikan. Muat ulang pemberitahuan, lalu kirim lagi.'));
    }
    const api = this._api();
    if (!api || !this._opening) formErrors.push(msg('Formulir ini belum tersambung ke layanan, jadi lamaran belum dapat dikirim. Hubungi pengelola situs.'));
    this._errors = errors;
    this._formErrors = formErrors;
    this._showSummary = Object.keys(errors).length > 0 || formErrors.length > 0;
    if (this._showSummary || !api) return this._focusProblem();

    this._submitting = true;
    const opening = this.opening;
    const session = this._session;
    // Another opening may be shown by the time an answer comes: the outcome then belongs to the one it was for.
    const current = () => session === this._session;
    try {
      let altcha: string;
      let submit: SubmitModule;
      try {
        submit = await this._loadSubmit();
        altcha = await this._check.payload();
      } catch {
        if (!current()) return;
        this._formErrors = [
          this.offline || classifyError(null) === 'offline'
            ? msg('Anda sedang luring, dan pemeriksaan keamanan memerlukan koneksi. Isian Anda tersimpan di perangkat ini: kirim lagi saat tersambung.')
            : msg('Pemeriksaan keamanan tidak dapat diselesaikan. Periksa koneksi Anda, lalu kirim lagi.'),
        ];
        this._showSummary = true;
        return;
      }
      if (!current()) return;
      const body = this._body(altcha);
      try {
        const receipt = await api.apply(opening as OpeningId, body);
        this._check.used();
        if (current()) this._succeeded(receipt);
      } catch (error) {
        const entryId = queuedEntryId(error);
        if (entryId) {
          // The outbox holds the application (and the solution) now; the draft stays until it is sent.
          this._check.used();
          if (!current()) return;
          this._result = { queued: true, entryId };
          this._announce(msg('Anda sedang luring: lamaran dikirim saat koneksi kembali.'));
          this._emit({ queued: true, entryId, openingId: opening });
        } else {
          if (submit.solutionSpent(error)) {
            this._check.used();
            this._check.start(); // a fresh solution for the next try, while the student reads
          }
          if (current()) this._showRefusal(submit.refusal(error, this._value));
        }
      }
    } finally {
      if (current()) this._submitting = false;
    }
    if (!current()) return;
    await this.updateComplete;
    if (this._result) this.renderRoot.querySelector<HTMLElement>('.success-title')?.focus();
    else this._focusProblem();
  }

  private _succeeded(receipt: ApplicationReceipt): void {
    this._autosave.cancel();
    clearDraft(this._draftKey);
    const client = this._src.current;
    if (client) receiptsOf(client).set(receipt.openingId, receipt);
    this._result = { queued: false, receipt };
    this._consent = false;
    this._errors = {};
    this._formErrors = [];
    this._showSummary = false;
    const { privateUrl: _, ...detail } = receipt;
    this._emit({ queued: false, ...detail });
  }

  /** The server (or the SDK) refused the application: each reason beside its field, the rest in the summary. */
  private _showRefusal(r: Refusal): void {
    if (r.noticeOutdated) {
      this._consent = false;
      void this._loadNotice(true);
    }
    if (r.openingChanged) void this._loadOpening(true);
    this._errors = r.errors;
    this._formErrors = r.formErrors;
    this._showSummary = true;
  }

  private _onOutbox(event: OutboxEvent): void {
    if ((event.type !== 'sent' && event.type !== 'failed') || !isApplication(event.entry) || event.entry.params.id !== this.opening) return;
    const shown = this._result?.queued ? this._result : null;
    const focused = this.matches(':focus-within');
    if (event.type === 'sent') {
      void this._loadSubmit().catch(() => undefined); // the success panel
      this._succeeded(event.result as ApplicationReceipt);
      this._announce(msg(str`Lamaran Anda sudah terkirim. Nomor referensi: ${(event.result as ApplicationReceipt).reference}.`));
    } else {
      if (!shown || shown.entryId !== event.entry.id) return;
      // Refused for good: back to the form (the draft still holds what was typed), with the reason.
      const { error } = event;
      void this._loadSubmit().then(
        (submit) => this._showRefusal(submit.refusal(error, this._value)),
        () => this._showRefusal({ errors: {}, formErrors: [msg('Ada isian yang belum diterima. Periksa formulir, lalu kirim lagi.')], noticeOutdated: false, openingChanged: false }),
      );
      this._result = null;
      this._check.start();
    }
    // Focus follows only when it was in the form already: a student reading elsewhere on the page keeps their place.
    if (focused) {
      void this._loadSubmit()
        .catch(() => undefined)
        .then(() => this.updateComplete)
        .then(() => this.renderRoot.querySelector<HTMLElement>(this._result ? '.success-title' : '.summary-errors')?.focus());
    }
  }

  private _emit(detail: AsnApplicationSubmittedDetail): void {
    this.dispatchEvent(new CustomEvent('asn-application-submitted', { detail, bubbles: true, composed: true }));
  }

  private _focusProblem(): void {
    void this.updateComplete.then(() => {
      const first = FIELD_ORDER.find((f) => this._errors[f]);
      const target = first ? this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first)}`) : null;
      (target ?? this.renderRoot.querySelector<HTMLElement>('.summary-errors'))?.focus();
    });
  }

  private _announce(text: string): void {
    // Cleared first so the same text twice is announced twice.
    this._announcement = '';
    requestAnimationFrame(() => (this._announcement = text));
  }

  // ── Rendering ──

  override render(): TemplateResult {
    const o = this._opening;
    return widgetFrame({
      title: msg('Formulir lamaran magang'),
      subtitle: html`${o
          ? html`<p class="opening-line">${o.title}</p>
              <p class="opening-meta">${o.unit.name} · ${msg(str`Daftar sampai ${formatDay(o.applyBy, currentLocale())}`)}</p>`
          : nothing}<slot name="heading"></slot>`,
      busy: !this._result && !o && !this._openingError && Boolean(this.opening),
      offline: this.offline ? msg('Anda sedang luring. Isian Anda tetap tersimpan di perangkat ini; lamaran dikirim saat koneksi kembali.') : null,
      announcement: this._announcement,
      body: this._renderBody(o),
    });
  }

  private _renderBody(o: InternshipOpening | undefined): TemplateResult {
    if (!this.opening) return emptyState(msg('Lowongan belum dipilih'), msg('Formulir ini belum menyebut lowongan yang dilamar. Hubungi pengelola situs.'));
    if (this._result) {
      const submit = this._submitModule;
      return submit ? submit.renderResult(this._result, this.renderRoot, (text) => this._announce(text)) : skeleton(msg('Memuat…'));
    }
    if (!o && this._openingError) {
      const kind = this.offline ? 'offline' : classifyError(this._openingError);
      if (kind === 'not-found') return emptyState(msg('Lowongan tidak ditemukan'), msg('Lowongan ini mungkin sudah ditutup atau dihapus. Lihat lowongan lain yang masih dibuka.'));
      return errorState({
        title: msg('Formulir tidak dapat dimuat'),
        message: errorMessage(kind, {
          forbidden: msg('Formulir ini tidak diizinkan tampil di situs ini. Hubungi pengelola situs.'),
          auth: msg('Kunci formulir ini tidak berlaku lagi. Hubungi pengelola situs.'),
        }),
        retryLabel: msg('Coba lagi'),
        onRetry: this._retry,
      });
    }
    if (!o) return skeleton(msg('Memuat formulir lamaran…'));
    if (o.status !== 'open') {
      return emptyState(
        msg('Pendaftaran ditutup'),
        o.status === 'filled'
          ? msg('Kuota lowongan ini sudah terpenuhi. Lihat lowongan lain yang masih dibuka.')
          : o.status === 'draft'
            ? msg('Lowongan ini belum dibuka untuk pendaftaran.')
            : msg(str`Batas pendaftaran lowongan ini (${formatDay(o.applyBy, currentLocale())}) sudah lewat.`),
      );
    }
    return this._renderForm();
  }

  private _renderForm(): TemplateResult {
    const v = this._value;
    const e = this._errors;
    const summary = [...FIELD_ORDER.flatMap((f) => (e[f] ? [e[f]] : [])), ...this._formErrors];
    const showSummary = this._showSummary && summary.length > 0;
    const locale = currentLocale();
    const length = v.motivation.trim().length;
    const check = this._check.state;
    return html`<form part="form" novalidate @submit=${this._onSubmit} @focusin=${this._onFocusIn}>
      ${this._restored ? html`<p class="draft-note" part="draft-note">${msg('Isian Anda yang belum terkirim telah dipulihkan.')}</p>` : nothing}
      <div class="summary-errors ${showSummary ? 'shown' : ''}" part="error-summary" aria-live="assertive" aria-atomic="true" tabindex="-1">
        ${showSummary
          ? html`<p>${msg('Lamaran belum terkirim:')}</p>
              <ul>
                ${summary.map((m) => html`<li>${m}</li>`)}
              </ul>`
          : nothing}
      </div>
      <!-- 'required' on each control tells assistive tech; 'novalidate' leaves the messages to the contract's rules. -->
      <p class="hint">${msg('Semua kolom wajib diisi.')}</p>

      ${this._input('name', msg('Nama lengkap'), { autocomplete: 'name' })}
      ${this._input('nim', msg('NIM'), { hint: msg('Nomor induk mahasiswa, seperti di kartu mahasiswa.'), autocomplete: 'off' })}
      ${this._input('studyProgram', msg('Program studi'), { hint: msg('Misalnya Teknik Informatika.') })}

      <div class="field">
        <label for=${fieldId('semester')}>${msg('Semester')}</label>
        <select
          id=${fieldId('semester')}
          name="semester"
          part="select"
          required
          aria-invalid=${e.semester ? 'true' : 'false'}
          aria-describedby=${describedBy(e.semester && 'f-semester-error') ?? nothing}
          @change=${(ev: Event) => {
            this._update('semester', (ev.target as HTMLSelectElement).value);
            this._onBlur('semester');
          }}
        >
          <option value="" ?selected=${v.semester === ''}>${msg('Pilih semester')}</option>
          ${SEMESTERS.map((s) => html`<option value=${s} ?selected=${v.semester === s}>${s}</option>`)}
        </select>
        ${fieldError('f-semester-error', e.semester)}
      </div>

      ${this._input('email', msg('Email'), { type: 'email', autocomplete: 'email' })}
      ${this._input('phone', msg('Nomor HP'), { type: 'tel', autocomplete: 'tel', hint: msg('Contoh: 0812 3456 7890 atau +62 812 3456 7890.') })}

      <div class="field">
        <label for=${fieldId('motivation')}>${msg('Motivasi')}</label>
        <p class="hint" id="f-motivation-hint">${msg('Mengapa Anda ingin ikut proyek ini, dan apa yang dapat Anda sumbangkan?')}</p>
        <textarea
          id=${fieldId('motivation')}
          name="motivation"
          part="motivation"
          required
          rows="6"
          .value=${live(v.motivation)}
          aria-invalid=${e.motivation ? 'true' : 'false'}
          aria-describedby=${describedBy('f-motivation-hint', 'f-motivation-count', e.motivation && 'f-motivation-error') ?? nothing}
          @input=${(ev: Event) => this._update('motivation', (ev.target as HTMLTextAreaElement).value)}
          @blur=${() => this._onBlur('motivation')}
        ></textarea>
        <p class="counter ${length > MOTIVATION_MAX || (length > 0 && length < MOTIVATION_MIN) ? 'over' : ''}" id="f-motivation-count" part="counter">
          ${msg(str`${formatNumber(length, locale)} dari ${formatNumber(MOTIVATION_MAX, locale)} karakter (minimal ${formatNumber(MOTIVATION_MIN, locale)})`)}
        </p>
        ${fieldError('f-motivation-error', e.motivation)}
      </div>

      ${this._renderNoticeAndConsent()}

      <div class="hp" aria-hidden="true">
        <label for="f-website">${msg('Situs web')}</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${this._website} @input=${(ev: Event) => (this._website = (ev.target as HTMLInputElement).value)} />
      </div>

      <p class="check" part="check" role="status">
        ${check === 'working'
          ? msg('Memeriksa bahwa Anda bukan bot…')
          : check === 'failed'
            ? msg('Pemeriksaan keamanan belum berhasil; akan dicoba lagi saat Anda mengirim.')
            : nothing}
      </p>
      <div class="actions">
        <button type="submit" class="submit" part="submit" aria-disabled=${this._submitting ? 'true' : 'false'} aria-busy=${this._submitting ? 'true' : 'false'}>
          ${this._submitting
            ? html`<span class="spinner" aria-hidden="true"></span>${check === 'working' ? msg('Memeriksa…') : msg('Mengirim…')}`
            : msg('Kirim lamaran')}
        </button>
        <button type="button" class="secondary" part="clear" @click=${this._clear}>${msg('Kosongkan formulir')}</button>
      </div>
    </form>`;
  }

  private _input(field: TextField, label: string, o: { type?: string; autocomplete?: string; hint?: string }): TemplateResult {
    const id = fieldId(field);
    const error = this._errors[field];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : nothing}
      <input
        id=${id}
        name=${field}
        part="input"
        required
        type=${o.type ?? 'text'}
        autocomplete=${o.autocomplete ?? nothing}
        .value=${live(this._value[field])}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(o.hint && `${id}-hint`, error && `${id}-error`) ?? nothing}
        @input=${(ev: Event) => this._update(field, (ev.target as HTMLInputElement).value)}
        @blur=${() => this._onBlur(field)}
      />
      ${fieldError(`${id}-error`, error)}
    </div>`;
  }

  private _renderNoticeAndConsent(): TemplateResult {
    const notice = this._notice;
    const error = this._errors.consent;
    if (!notice) {
      if (!this._noticeError) return skeleton(msg('Memuat pemberitahuan privasi…'));
      return html`<div class="notice-state" part="state">
        <p role="alert">${msg('Pemberitahuan privasi tidak dapat dimuat, jadi persetujuan belum dapat diberikan.')}</p>
        <button type="button" class="secondary" part="retry" @click=${() => void this._loadNotice(true)}>${msg('Muat ulang pemberitahuan')}</button>
      </div>`;
    }
    return html`${renderNotice(notice)}
      ${this._noticeChanged ? html`<p class="notice-changed" role="status">${msg('Pemberitahuan privasi diperbarui: baca versi terbaru sebelum menyetujui.')}</p>` : nothing}
      <div class="field">
        <label class="consent" for=${fieldId('consent')}>
          <input
            type="checkbox"
            id=${fieldId('consent')}
            name="consent"
            part="consent"
            required
            .checked=${this._consent}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy('f-consent-hint', error && 'f-consent-error') ?? nothing}
            @change=${this._onConsent}
          />
          <span>${msg(str`Saya telah membaca Pemberitahuan Privasi versi ${notice.version} dan menyetujui pemrosesan data pribadi saya untuk ${purposeList(notice)}.`)}</span>
        </label>
        <p class="hint" id="f-consent-hint">${msg('Persetujuan dapat Anda tarik kapan saja lewat tautan pribadi yang Anda terima setelah melamar.')}</p>
        ${fieldError('f-consent-error', error)}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-internship-form': AsnInternshipForm;
  }
  interface HTMLElementEventMap {
    'asn-application-submitted': AsnApplicationSubmittedEvent;
  }
}
