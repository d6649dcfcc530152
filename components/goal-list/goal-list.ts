import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { type EmployeeRef, type GoalId, type OutboxEntry, type OutboxEvent, enableOutbox, resourceOf, meResource, goalsResource } from '../../src/client/index.js';
import type { CheckIn, CheckInCreate, Goal, GoalCreate, Me, ServerEvent } from '../../src/contract/index.js';
import { currentYearInWit, formatDay, formatNumber } from '../i18n/format.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { ModalDialog } from '../shared/dialog.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { competencyLabel } from '../shared/competency-label.js';
import { LiveData } from '../shared/live-data.js';
import { describedBy, fieldErrorsOf, problemText, queuedEntryId } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { bar, emptyState, errorState, skeleton } from '../shared/primitives.js';
import { widgetFrame } from '../shared/frame.js';
import { frameStyles } from '../shared/frame.styles.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { isAtRisk, isOverdue, todayInWit } from './at-risk.js';
import type { FormContext } from './form-fields.js';
import type { AnyDialogForm } from './goal-dialog.js';
import { goalListStyles } from './goal-list.styles.js';

type GoalStatus = Goal['status'];

/** `detail` of `asn-goal-created`: the stored goal, or — written offline — the outbox entry that will send it. */
export type AsnGoalCreatedDetail =
  | { queued: false; goal: Goal }
  | { queued: true; entryId: string; employee: string; body: GoalCreate };

/** `detail` of `asn-checkin-created`: the check-in and the goal it moved, or the outbox entry that will send it. */
export type AsnCheckinCreatedDetail =
  | { queued: false; checkIn: CheckIn; goal: Goal }
  | { queued: true; entryId: string; goalId: string; body: CheckInCreate };

export type AsnGoalCreatedEvent = CustomEvent<AsnGoalCreatedDetail>;
export type AsnCheckinCreatedEvent = CustomEvent<AsnCheckinCreatedDetail>;

/** A write waiting in the offline outbox, shown as "Menunggu dikirim". */
type Pending =
  | { entryId: string; kind: 'goal'; body: GoalCreate }
  | { entryId: string; kind: 'checkin'; goalId: string; value: number };

interface Loaded {
  key: string;
  me: Me;
  goals: Goal[];
}

type DialogForms = typeof import('./dialog-forms.js');
let dialogForms: Promise<DialogForms> | undefined;
/** The dialog's code, loaded once per page (owners only; see dialog-forms.ts). */
const loadDialogForms = (): Promise<DialogForms> => (dialogForms ??= import('./dialog-forms.js'));

/** Outside the class so the manifest lists the two events by name (documented with @fires), not a `type`. */
function emit<K extends 'asn-goal-created' | 'asn-checkin-created'>(host: HTMLElement, type: K, detail: HTMLElementEventMap[K]['detail']): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/**
 * An ASN's development and performance goals for a year, each with a progress bar, status, due date and
 * competency type. A goal the progress card counts as at risk is marked "Berisiko" (the server's rule: active and
 * overdue, or due within 30 days below 80% of its target), and an open goal past its due date "Lewat tenggat".
 * The owner (the signed-in ASN viewing their own list) adds goals and checks in progress from a keyboard-friendly
 * dialog; closing it unsaved (Escape, Close) keeps what was typed as a draft for that user, restored when it opens
 * again, also after a reload. Anyone else allowed to read the list (their direct supervisor, an admin) sees it
 * read-only. Updates live when a goal or check-in changes, keeping focus where it is.
 *
 * Inside an `<asn-provider>` it loads through the SDK client; with the `goals` property set it fetches nothing and
 * renders that list read-only (stories, server-rendered portals). With a client created with `outbox: true`, a
 * goal or check-in written offline is kept and shown as "Menunggu dikirim" until it is sent.
 *
 * @tagname asn-goal-list
 * @summary An ASN's goals with progress; the owner adds goals and checks in progress.
 *
 * @attr {string} employee - Whose goals: an employee id (`emp_…`) or `me` for the signed-in ASN. Default `me`.
 * @attr {number} year - The calendar year. Default: the current year in WIT (Asia/Jayapura).
 * @attr {"draft" | "active" | "achieved" | "missed" | "cancelled"} status - Show only goals with this status. Default: all.
 * @attr {boolean} offline - Reflects whether the browser is offline (the list keeps the last data and shows a notice).
 *
 * @prop {Goal[] | undefined} goals - Goals to render as-is (read-only); when set, nothing is fetched.
 *
 * @fires {CustomEvent<AsnGoalCreatedDetail>} asn-goal-created - The owner added a goal (`queued: true` with the outbox entry id when it was written offline). Bubbles, composed.
 * @fires {CustomEvent<AsnCheckinCreatedDetail>} asn-checkin-created - The owner checked in progress on a goal (`queued: true` when written offline). Bubbles, composed.
 *
 * @csspart base - The outer container.
 * @csspart header - The header with the title and the Add button.
 * @csspart title - The heading.
 * @csspart add-button - The "Add goal" button (owner only).
 * @csspart list - The list of goals.
 * @csspart goal - One goal.
 * @csspart goal-title - A goal's title.
 * @csspart status - A goal's badges: its status, "Berisiko", "Lewat tenggat", "Menunggu dikirim" while queued offline.
 * @csspart at-risk - The "Berisiko" (at risk) badge.
 * @csspart overdue - The "Lewat tenggat" (past the due date) badge.
 * @csspart progress - A goal's progress bar (`role="progressbar"`).
 * @csspart checkin-button - A goal's "Record progress" button (owner only).
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 * @csspart notice - The line after a change ("Goal added", "Saved, waiting to send"); screen readers hear it from the frame's live region.
 * @csspart dialog - The native `<dialog>` of the add and check-in forms.
 * @csspart draft-note - The dialog's note that earlier unsaved input was restored.
 * @csspart clear-button - The dialog's "Empty the fields" button, beside a restored draft.
 * @csspart field-error - An error message, under the field it is about.
 * @csspart submit - The dialog's submit button.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: bars, buttons, focus ring.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Background of the list and the dialog.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - Bar tracks, skeletons, badges.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text.
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-success=#1f7a3f] - Achieved goals.
 * @cssprop [--asn-color-warning=#8a5a00] - Goals at risk; waiting to send; the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - Errors; missed and overdue goals.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing.
 * @cssprop [--asn-motion-duration=400ms] - Length of the bars' animation (none with `prefers-reduced-motion`).
 */
@localized()
export class AsnGoalList extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, formStyles, dialogStyles, goalListStyles];

  /** Whose goals: an employee id (`emp_…`) or `me`. */
  @property({ reflect: true }) employee: EmployeeRef | string = 'me';

  /** The calendar year; defaults to the current year in WIT. */
  @property({ type: Number }) year: number = currentYearInWit();

  /** Only goals with this status; unset: all. */
  @property({ reflect: true }) status?: GoalStatus;

  /** Goals to render as-is (read-only); when set, nothing is fetched. */
  @property({ attribute: false }) goals?: Goal[];

  /** True while the browser is offline. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _loaded: Loaded | undefined;
  @state() private _pending: Pending[] = [];
  @state() private _notice = '';
  @state() private _dialogForm: AnyDialogForm | null = null;
  /** The dialog's forms once loaded (the owner's list only). */
  @state() private _forms: DialogForms | undefined;
  @state() private _dialogGoal: Goal | undefined;
  @state() private _errors: Record<string, string> = {};
  @state() private _formError = '';
  @state() private _submitting = false;
  /** The open form holds a draft from earlier. */
  @state() private _restored = false;

  /** Closing keeps what was typed, except after it was saved. */
  private _keepDraft = true;

  @query('dialog') private _dialogEl!: HTMLDialogElement;
  @query('dialog form') private _formEl!: HTMLFormElement;

  private _focusAfterRetry = false;
  private readonly _live = new LiveData(this, {
    active: () => !this.goals,
    onCredentialsChange: () => (this._loaded = undefined),
    refresh: () => this.refresh(),
    concerns: (tags) => {
      const mine = new Set(['*', 'goals', 'goals:*', 'goals:me', `goals:${this.employee}`, 'checkins', 'checkins:*']);
      const id = this._employeeId;
      if (id) mine.add(`goals:${id}`);
      for (const goal of this._data ?? []) mine.add(`checkins:${goal.id}`);
      return tags.some((t) => mine.has(t));
    },
    topic: () => {
      const id = this._employeeId;
      return id ? `employee:${id}` : undefined;
    },
    wants: (event) => event.type.startsWith('goal.') || event.type === 'checkin.created',
    apply: (event) => this._applyEvent(event),
    outbox: enableOutbox,
    onOutbox: (event) => this._onOutbox(event),
  });
  private readonly _modal = new ModalDialog(() => this._onDialogClosed());

  constructor() {
    super();
    initLocalization();
  }

  private readonly _task = new Task(this, {
    args: () => [this._live.client, this.employee, this.year, this.status, this.goals === undefined, this._live.generation] as const,
    task: async ([client, employee, year, status, wanted], { signal }) => {
      if (!wanted || !client) return initialState;
      const fresh = this._live.takeFresh();
      const [me, page] = await Promise.all([
        resourceOf(client, 'me', meResource).get({ signal }),
        resourceOf(client, 'goals', goalsResource).list(employee as EmployeeRef, { year, ...(status ? { status } : {}), limit: 100 }, { signal, fresh }),
      ]);
      const waiting = client.outbox?.enabled ? await client.outbox.list().catch(() => [] as OutboxEntry[]) : [];
      return { me, goals: page.data, waiting };
    },
    onComplete: ({ me, goals, waiting }) => {
      this._loaded = { key: this._key, me, goals };
      this._mergeWaiting(waiting, me);
      this._prefetchForms();
      if (this._focusAfterRetry) this.updateComplete.then(() => this._focus('title'));
    },
    onError: () => {
      if (this._focusAfterRetry) this.updateComplete.then(() => this._focus('retry'));
    },
  });

  private get _key(): string {
    return `${this.employee}|${this.year}|${this.status ?? ''}`;
  }

  private get _data(): Goal[] | undefined {
    if (this.goals) return this.goals;
    return this._loaded?.key === this._key ? this._loaded.goals : undefined;
  }

  /** The signed-in ASN views their own goals (only then the add and check-in controls show). */
  private get _isOwner(): boolean {
    if (this.goals || !this._live.client) return false;
    const me = this._loaded?.key === this._key ? this._loaded.me : undefined;
    if (!me) return false;
    return this.employee === 'me' || this.employee === me.id;
  }

  /** The employee id whose topic carries live events. */
  private get _employeeId(): string | undefined {
    if (this.employee.startsWith('emp_')) return this.employee;
    return this._loaded?.me.id;
  }

  /**
   * A live goal (created, or changed with its next version) goes into the list without a read. A version after a
   * gap, or a goal that now matches the filters but is not listed, is refetched. A check-in's goal follows it.
   */
  private _applyEvent(event: ServerEvent): boolean {
    if (event.type === 'checkin.created') return true; // its goal.updated carries the goal
    const goal = event.goal;
    const loaded = this._loaded;
    if (!goal || !loaded || loaded.key !== this._key) return false;
    if (goal.employeeId !== this._employeeId) return true;
    const shows = goal.year === this.year && (!this.status || goal.status === this.status);
    const index = loaded.goals.findIndex((g) => g.id === goal.id);
    const current = loaded.goals[index];
    if (!current) {
      if (!shows) return true;
      if (event.type !== 'goal.created' || goal.version !== 1) return false; // a goal we never saw: read the list
      this._loaded = { ...loaded, goals: [goal, ...loaded.goals] }; // newest first, as listed
      return true;
    }
    if (goal.version <= current.version) return true; // already shown (a read got there first)
    if (goal.version !== current.version + 1) return false; // versions in between were missed
    const goals = [...loaded.goals];
    if (shows) goals[index] = goal;
    else goals.splice(index, 1);
    this._loaded = { ...loaded, goals };
    return true;
  }

  /** Re-fetches the goals now (skipping the SDK's cache). Does nothing when `goals` is set. */
  refresh(): Promise<void> {
    if (this.goals) return Promise.resolve();
    this._live.markFresh();
    return this._task.run();
  }

  /** Opens the "Add goal" dialog (owner only; does nothing otherwise). */
  openAddDialog(): void {
    const opener = this.renderRoot.querySelector<HTMLElement>('button.add');
    if (this._isOwner) void this._open('goal', undefined, opener);
  }

  private _focus(target: 'title' | 'retry'): void {
    this._focusAfterRetry = false;
    this.renderRoot.querySelector<HTMLElement>(target === 'title' ? '.title' : 'button.retry')?.focus();
  }

  private _retry = (): void => {
    this._focusAfterRetry = true;
    void this.refresh();
  };

  /** Outbox entries of this list (goals for this employee, check-ins on its goals) become "waiting" items. */
  private _mergeWaiting(entries: readonly OutboxEntry[], me: Me): void {
    const owners = new Set([this.employee, me.id, ...(this.employee === 'me' || this.employee === me.id ? ['me'] : [])]);
    const goalIds = new Set((this._data ?? []).map((g) => g.id as string));
    const known = new Set(this._pending.map((p) => p.entryId));
    const found = new Set<string>();
    const next = [...this._pending];
    for (const entry of entries) {
      found.add(entry.id);
      if (known.has(entry.id)) continue;
      if (entry.route === 'createGoal' && owners.has(entry.params.id)) {
        next.push({ entryId: entry.id, kind: 'goal', body: entry.body as GoalCreate });
      } else if (entry.route === 'createCheckIn' && goalIds.has(entry.params.id)) {
        next.push({ entryId: entry.id, kind: 'checkin', goalId: entry.params.id, value: (entry.body as CheckInCreate).value });
      }
    }
    // Entries another tab sent meanwhile are gone from the store: drop them here too.
    this._pending = next.filter((p) => found.has(p.entryId));
  }

  private _onOutbox(event: OutboxEvent): void {
    if (event.type !== 'sent' && event.type !== 'failed') return;
    const pending = this._pending.find((p) => p.entryId === event.entry.id);
    if (!pending) return;
    this._pending = this._pending.filter((p) => p !== pending);
    if (event.type === 'failed') {
      const reason = event.problem?.detail ?? event.problem?.title ?? event.error.message;
      this._announce(
        pending.kind === 'goal'
          ? msg(str`Sasaran "${pending.body.title}" tidak dapat disimpan: ${reason}`)
          : msg(str`Progres tidak dapat disimpan: ${reason}`),
      );
    } else {
      this._announce(pending.kind === 'goal' ? msg('Sasaran yang dibuat saat luring sudah terkirim.') : msg('Progres yang dicatat saat luring sudah terkirim.'));
    }
    this._live.schedule();
  }

  // ── Dialog ───────────────────────────────────────────────────────────────────────────────────────────────

  /** Who the dialog's forms (and their drafts) belong to: the signed-in owner. */
  private get _formContext(): FormContext | undefined {
    const me = this._loaded?.key === this._key ? this._loaded.me : undefined;
    return me ? { userId: me.id, year: this.year, ...(this._dialogGoal ? { goal: this._dialogGoal } : {}) } : undefined;
  }

  /** Loads the dialog's code for an owner, on idle: opening the dialog then rarely waits for the network. */
  private _prefetchForms(): void {
    if (this._forms || !this._isOwner) return;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void this._loadForms().catch(() => undefined)); // offline: tried again when the dialog opens
  }

  private async _loadForms(): Promise<DialogForms> {
    try {
      return (this._forms ??= await loadDialogForms());
    } catch (error) {
      dialogForms = undefined; // a failed fetch (offline) is tried again next time
      throw error;
    }
  }

  private async _open(kind: 'goal' | 'checkin', goal: Goal | undefined, opener: HTMLElement | null): Promise<void> {
    let forms: DialogForms;
    try {
      forms = await this._loadForms();
    } catch {
      this._announce(msg('Formulir belum dapat dibuka. Periksa koneksi Anda lalu coba lagi.'));
      return;
    }
    if (!this.isConnected) return; // removed while the dialog's code loaded
    const form: AnyDialogForm = kind === 'goal' ? forms.goalForm : forms.checkinForm;
    this._dialogGoal = goal;
    const ctx = this._formContext;
    if (!ctx) return;
    const draft = form.loadDraft(ctx);
    this._dialogForm = form;
    this._errors = {};
    this._formError = '';
    this._restored = draft !== null;
    this._keepDraft = true;
    await this.updateComplete;
    forms.writeForm(this._formEl, draft ?? form.defaults(ctx));
    const first = this.renderRoot.querySelector<HTMLElement>(`#${form.firstField}`);
    const goalId = goal?.id;
    this._modal.open(this._dialogEl, opener, {
      initialFocus: first,
      fallback: () =>
        goalId
          ? this.renderRoot.querySelector<HTMLElement>(`li[data-goal-id="${goalId}"] button.checkin`)
          : this.renderRoot.querySelector<HTMLElement>('button.add') ?? this.renderRoot.querySelector<HTMLElement>('.title'),
    });
    // The dialog selects a prefilled first field so typing replaces it (a check-in's current progress); a restored
    // title is the user's own words, to go on writing: put the caret after it instead.
    if (draft && first instanceof HTMLInputElement && first.type === 'text') first.setSelectionRange(first.value.length, first.value.length);
  }

  /** Called once the dialog closed, any way: Escape and Close keep what was typed as a draft. */
  private _onDialogClosed(): void {
    const form = this._dialogForm;
    const ctx = this._formContext;
    if (form && ctx && this._keepDraft && this._formEl) form.saveDraft(ctx, form.read(this._formEl));
    this._dialogForm = null;
    this._errors = {};
    this._formError = '';
    this._restored = false;
  }

  private _onAddClick = (event: Event): void => {
    void this._open('goal', undefined, event.currentTarget as HTMLElement);
  };

  private _onCheckinClick(goal: Goal, event: Event): void {
    void this._open('checkin', goal, event.currentTarget as HTMLElement);
  }

  private _onClose = (): void => {
    this._modal.close();
  };

  private _onDialogCancel = (event: Event): void => {
    // Escape while sending would hide the result of a request already on its way: wait for it.
    if (this._submitting) event.preventDefault();
  };

  /** Every change is kept at once, so a reload or a lost connection mid-typing loses nothing. */
  private _onFormInput = (): void => {
    const form = this._dialogForm;
    const ctx = this._formContext;
    if (form && ctx && this._formEl) form.saveDraft(ctx, form.read(this._formEl));
  };

  /** "Empty the fields": forget the restored draft and start again from the defaults. */
  private _onClear = (): void => {
    const form = this._dialogForm;
    const ctx = this._formContext;
    if (!form || !ctx) return;
    form.clearDraft(ctx);
    this._forms?.writeForm(this._formEl, form.defaults(ctx));
    this._errors = {};
    this._formError = '';
    this._restored = false;
    this.renderRoot.querySelector<HTMLElement>(`#${form.firstField}`)?.focus();
  };

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._submitting) return; // no double submit: a second Enter or click while sending does nothing
    const form = this._dialogForm;
    const ctx = this._formContext;
    if (!form || !ctx) return;
    const client = this._live.client;
    const body = form.body(form.read(event.currentTarget as HTMLFormElement), ctx);
    this._errors = form.validate(body);
    this._formError = '';
    if (Object.keys(this._errors).length > 0) {
      await this.updateComplete;
      this._focusFirstInvalid(form);
      return;
    }
    if (!client) {
      this._formError = msg('Tidak terhubung ke server. Coba lagi nanti.');
      return;
    }
    this._submitting = true;
    try {
      if (form === this._forms?.goalForm) {
        const goal = await resourceOf(client, 'goals', goalsResource).create(this.employee as EmployeeRef, body as GoalCreate);
        emit(this, 'asn-goal-created', { queued: false, goal });
        if (this._loaded && this._loaded.key === this._key && !this._loaded.goals.some((g) => g.id === goal.id)) {
          this._loaded = { ...this._loaded, goals: [goal, ...this._loaded.goals] };
        }
        this._announce(msg(str`Sasaran "${goal.title}" ditambahkan.`));
      } else {
        const goal = this._dialogGoal!;
        const result = await resourceOf(client, 'goals', goalsResource).checkIns.create(goal.id as GoalId, body as CheckInCreate);
        emit(this, 'asn-checkin-created', { queued: false, checkIn: result.checkIn, goal: result.goal });
        if (this._loaded && this._loaded.key === this._key) {
          this._loaded = { ...this._loaded, goals: this._loaded.goals.map((g) => (g.id === result.goal.id ? result.goal : g)) };
        }
        this._announce(msg(str`Progres sasaran "${result.goal.title}" disimpan.`));
      }
      this._closeSaved(form, ctx);
    } catch (error) {
      const entryId = queuedEntryId(error);
      if (entryId) {
        if (form === this._forms?.goalForm) {
          this._pending = [...this._pending, { entryId, kind: 'goal', body: body as GoalCreate }];
          emit(this, 'asn-goal-created', { queued: true, entryId, employee: this.employee, body: body as GoalCreate });
        } else {
          const goalId = this._dialogGoal!.id;
          this._pending = [...this._pending, { entryId, kind: 'checkin', goalId, value: (body as CheckInCreate).value }];
          emit(this, 'asn-checkin-created', { queued: true, entryId, goalId, body: body as CheckInCreate });
        }
        this._announce(msg('Tersimpan, menunggu dikirim. Terkirim otomatis saat koneksi kembali.'));
        // The outbox holds it now and sends it by itself: a draft would only invite a second copy.
        this._closeSaved(form, ctx);
      } else {
        const placed: Record<string, string> = {};
        const other: string[] = [];
        for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
          const key = form.fieldKey(path);
          if (form.fields[key]) placed[key] = message;
          else other.push(message);
        }
        this._errors = placed;
        this._formError =
          other.join(' ') || (Object.keys(placed).length > 0 ? '' : problemText(error) ?? this._errorMessage(classifyError(error)));
        await this.updateComplete;
        this._focusFirstInvalid(form);
      }
    } finally {
      this._submitting = false;
    }
  }

  /** Saved (or queued): the draft has done its job. */
  private _closeSaved(form: AnyDialogForm, ctx: FormContext): void {
    form.clearDraft(ctx);
    this._keepDraft = false;
    this._modal.close();
  }

  private _focusFirstInvalid(form: AnyDialogForm): void {
    const first = Object.keys(form.fields).find((path) => this._errors[path]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${form.fields[first]}`)?.focus();
    else if (this._formError) this.renderRoot.querySelector<HTMLElement>('.form-error')?.focus();
  }

  /** Shows `text` in the notice line and has the frame's live region say it (again, when it repeats). */
  private _announce(text: string): void {
    if (text !== this._notice) {
      this._notice = text;
      return;
    }
    this._notice = '';
    void this.updateComplete.then(() => {
      this._notice = text;
    });
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────────────────

  private _statusLabel(status: GoalStatus): string {
    switch (status) {
      case 'draft':
        return msg('Draf');
      case 'active':
        return msg('Aktif');
      case 'achieved':
        return msg('Tercapai');
      case 'missed':
        return msg('Tidak tercapai');
      default:
        return msg('Dibatalkan');
    }
  }

  private _kindLabel(kind: Goal['kind']): string {
    return kind === 'performance' ? msg('Kinerja') : msg('Pengembangan');
  }

  private _errorMessage(kind: ErrorKind): string {
    return errorMessage(kind, {
      auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat sasaran.'),
      forbidden: msg('Anda tidak memiliki akses ke sasaran pegawai ini.'),
      'not-found': msg('Sasaran pegawai ini tidak ditemukan.'),
    });
  }

  override render(): TemplateResult {
    const data = this._data;
    const pending = this._task.status === TaskStatus.PENDING || (!data && this._task.status === TaskStatus.INITIAL);
    const owner = this._isOwner;
    return html`${widgetFrame({
        title: msg(str`Sasaran ${String(this.year)}`),
        headerExtras:
          owner && data
            ? html`<button type="button" class="add" part="add-button" aria-haspopup="dialog" @click=${this._onAddClick}>
                ${msg('Tambah sasaran')}
              </button>`
            : nothing,
        busy: !data && pending,
        offline: this.offline
          ? data
            ? msg('Anda sedang luring. Menampilkan sasaran terakhir yang dimuat; perubahan Anda dikirim saat koneksi kembali.')
            : msg('Anda sedang luring. Sasaran dimuat saat koneksi kembali.')
          : null,
        // The notice is for the eyes; screen readers hear the same text from the frame's live region.
        announcement: this._notice,
        body: html`<p class="notice" part="notice">${this._notice}</p>
          ${data ? this._renderList(data, owner) : this._renderWithoutData()}`,
      })}
      ${this._forms?.renderGoalDialog({
        form: this._dialogForm,
        ctx: this._formContext,
        errors: this._errors,
        formError: this._formError,
        submitting: this._submitting,
        restored: this._restored,
        onSubmit: (e) => void this._onSubmit(e),
        onInput: this._onFormInput,
        onClose: this._onClose,
        onClear: this._onClear,
        onCancel: this._onDialogCancel,
      }) ?? nothing}`;
  }

  private _renderWithoutData(): TemplateResult {
    if (this._task.status === TaskStatus.ERROR && !this.goals) {
      const kind: ErrorKind = this.offline ? 'offline' : classifyError(this._task.error);
      return errorState({
        title: msg('Sasaran tidak dapat dimuat'),
        message: this._errorMessage(kind),
        retryLabel: msg('Coba lagi'),
        onRetry: this._retry,
      });
    }
    return skeleton(msg('Memuat sasaran…'));
  }

  private _renderList(goals: Goal[], owner: boolean): TemplateResult {
    const waitingGoals = this._pending.filter((p): p is Extract<Pending, { kind: 'goal' }> => p.kind === 'goal');
    if (goals.length === 0 && waitingGoals.length === 0) {
      return emptyState(
        msg('Belum ada sasaran'),
        owner
          ? msg('Tetapkan sasaran pertama Anda tahun ini, misalnya satu pelatihan atau satu keterampilan yang ingin dikuasai. Langkah kecil pun berarti, dan atasan Anda siap mendampingi.')
          : msg('Pegawai ini belum menetapkan sasaran untuk tahun ini.'),
      );
    }
    const today = todayInWit();
    return html`<ul class="list" part="list">
      ${repeat(
        waitingGoals,
        (p) => p.entryId,
        (p) => this._renderWaitingGoal(p),
      )}
      ${repeat(
        goals,
        (g) => g.id,
        (g) => this._renderGoal(g, owner, today),
      )}
    </ul>`;
  }

  private _progressText(current: number, target: number, unit: string): string {
    const locale = currentLocale();
    return msg(str`${formatNumber(current, locale)} dari ${formatNumber(target, locale)} ${unit}`);
  }

  /** A due date is a calendar day, the same everywhere: no zone after it. */
  private _due(dueDate: string): TemplateResult {
    return html`<time datetime=${dueDate}>${formatDay(dueDate, currentLocale())}</time>`;
  }

  private _renderGoal(goal: Goal, owner: boolean, today: string): TemplateResult {
    const { current, target, unit } = goal.measure;
    const text = this._progressText(current, target, unit);
    const waiting = this._pending.some((p) => p.kind === 'checkin' && p.goalId === goal.id);
    const canCheckIn = owner && (goal.status === 'active' || goal.status === 'draft');
    const atRisk = isAtRisk(goal, today);
    const overdue = isOverdue(goal, today);
    const titleId = `goal-${goal.id}`;
    const ids = {
      status: `${titleId}-status`,
      risk: `${titleId}-risk`,
      overdue: `${titleId}-overdue`,
      waiting: `${titleId}-waiting`,
    };
    // The badges describe the goal wherever it is announced (the item, its bar, its check-in button), so "at risk"
    // is heard, not only seen.
    const flags = describedBy(ids.status, atRisk && ids.risk, overdue && ids.overdue, waiting && ids.waiting);
    return html`<li class="goal" part="goal" data-goal-id=${goal.id} aria-labelledby=${titleId} aria-describedby=${flags ?? nothing}>
      <div class="goal-head">
        <h3 class="goal-title" id=${titleId} part="goal-title">${goal.title}</h3>
        <span class="badge ${goal.status}" id=${ids.status} part="status">${this._statusLabel(goal.status)}</span>
        ${atRisk ? html`<span class="badge at-risk" id=${ids.risk} part="status at-risk">${msg('Berisiko')}</span>` : nothing}
        ${overdue ? html`<span class="badge overdue" id=${ids.overdue} part="status overdue">${msg('Lewat tenggat')}</span>` : nothing}
        ${waiting ? html`<span class="badge waiting" id=${ids.waiting} part="status">${msg('Menunggu dikirim')}</span>` : nothing}
      </div>
      <div
        class="progress"
        part="progress"
        role="progressbar"
        aria-labelledby=${titleId}
        aria-describedby=${flags ?? nothing}
        aria-valuemin="0"
        aria-valuemax=${Math.max(target, current)}
        aria-valuenow=${current}
        aria-valuetext=${text}
      >
        ${bar(current, target, goal.status)}
      </div>
      <p class="progress-text">${text}</p>
      <dl class="meta">
        <div><dt>${msg('Tenggat')}</dt><dd>${this._due(goal.dueDate)}</dd></div>
        <div><dt>${msg('Kompetensi')}</dt><dd>${competencyLabel(goal.competency)}</dd></div>
        <div><dt>${msg('Jenis')}</dt><dd>${this._kindLabel(goal.kind)}</dd></div>
      </dl>
      ${canCheckIn
        ? html`<button
            type="button"
            class="checkin secondary"
            part="checkin-button"
            aria-haspopup="dialog"
            aria-describedby=${describedBy(titleId, flags) ?? nothing}
            @click=${(e: Event) => this._onCheckinClick(goal, e)}
          >
            ${msg('Catat progres')}
          </button>`
        : nothing}
    </li>`;
  }

  private _renderWaitingGoal(p: Extract<Pending, { kind: 'goal' }>): TemplateResult {
    const text = this._progressText(0, p.body.measure.target, p.body.measure.unit);
    const titleId = `waiting-${p.entryId}`;
    return html`<li class="goal waiting" part="goal" data-entry-id=${p.entryId} aria-labelledby=${titleId} aria-describedby=${`${titleId}-status`}>
      <div class="goal-head">
        <h3 class="goal-title" id=${titleId} part="goal-title">${p.body.title}</h3>
        <span class="badge waiting" id=${`${titleId}-status`} part="status">${msg('Menunggu dikirim')}</span>
      </div>
      <div class="progress" part="progress" role="progressbar" aria-labelledby=${titleId} aria-valuemin="0" aria-valuemax=${p.body.measure.target} aria-valuenow="0" aria-valuetext=${text}>
        ${bar(0, p.body.measure.target)}
      </div>
      <p class="progress-text">${text}</p>
      <dl class="meta">
        <div><dt>${msg('Tenggat')}</dt><dd>${this._due(p.body.dueDate)}</dd></div>
        <div><dt>${msg('Kompetensi')}</dt><dd>${competencyLabel(p.body.competency)}</dd></div>
      </dl>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-goal-list': AsnGoalList;
  }
  interface HTMLElementEventMap {
    'asn-goal-created': AsnGoalCreatedEvent;
    'asn-checkin-created': AsnCheckinCreatedEvent;
  }
}
