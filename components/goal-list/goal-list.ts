import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { type EmployeeRef, type GoalId, type OutboxEntry, type OutboxEvent, enableOutbox, resourceOf, type CoreClient, meResource, goalsResource } from '../../src/client/index.js';
import { CheckInCreate as CheckInCreateSchema, GoalCreate as GoalCreateSchema, type CheckIn, type CheckInCreate, type Competency, type Goal, type GoalCreate, type Me } from '../../src/contract/index.js';
import { currentYearInWit, formatDay, formatNumber } from '../i18n/format.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { ModalDialog } from '../shared/dialog.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { competencyLabel } from '../shared/competency-label.js';
import { LiveData } from '../shared/live-data.js';
import { contractIssues, describedBy, fieldError, fieldErrorsOf, problemText, queuedEntryId, type FormIssue } from '../shared/form.js';
import { formStyles } from '../shared/form.styles.js';
import { bar, emptyState, errorState, offlineNotice, skeleton } from '../shared/primitives.js';
import { frameStyles } from '../shared/frame.styles.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
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

type DialogMode = 'add' | 'checkin';

/** Outside the class so the manifest lists the two events by name (documented with @fires), not a `type`. */
function emit<K extends 'asn-goal-created' | 'asn-checkin-created'>(host: HTMLElement, type: K, detail: HTMLElementEventMap[K]['detail']): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

const COMPETENCIES: readonly Competency[] = ['technical', 'managerial', 'socio-cultural'];

/** Form fields of the dialogs, by the contract path their errors come back on. */
const ADD_FIELDS: Record<string, string> = {
  title: 'f-title',
  kind: 'f-kind',
  competency: 'f-competency',
  'measure.target': 'f-target',
  'measure.unit': 'f-unit',
  dueDate: 'f-due',
  year: 'f-due',
};
const CHECKIN_FIELDS: Record<string, string> = { value: 'f-value', note: 'f-note' };

/**
 * An ASN's development and performance goals for a year, each with a progress bar, status, due date (WIT) and
 * competency type. The owner (the signed-in ASN viewing their own list) adds goals and checks in progress from a
 * keyboard-friendly dialog; anyone else allowed to read the list (their direct supervisor, an admin) sees it
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
 * @csspart status - A goal's status badge ("Menunggu dikirim" while queued offline).
 * @csspart progress - A goal's progress bar (`role="progressbar"`).
 * @csspart checkin-button - A goal's "Check in progress" button (owner only).
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 * @csspart notice - The polite status line after a change ("Goal added", "Saved, waiting to send").
 * @csspart dialog - The native `<dialog>` of the add and check-in forms.
 * @csspart field-error - An error message beside a field.
 * @csspart submit - The dialog's submit button.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: bars, buttons, focus ring.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--asn-color-surface=#ffffff] - Background of the list and the dialog.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - Bar tracks, skeletons, badges.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text.
 * @cssprop [--asn-color-border=#c9d1db] - Borders.
 * @cssprop [--asn-color-success=#1f7a3f] - Achieved goals.
 * @cssprop [--asn-color-warning=#8a5a00] - Waiting to send; the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - Errors; missed goals.
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
  @property({ type: Boolean, reflect: true }) offline = typeof navigator !== 'undefined' && navigator.onLine === false;

  @state() private _loaded: Loaded | undefined;
  @state() private _pending: Pending[] = [];
  @state() private _notice = '';
  @state() private _dialogMode: DialogMode | null = null;
  @state() private _dialogGoal: Goal | undefined;
  @state() private _errors: Record<string, string> = {};
  @state() private _formError = '';
  @state() private _submitting = false;

  @query('dialog') private _dialogEl!: HTMLDialogElement;
  @query('dialog form') private _formEl!: HTMLFormElement;

  private _focusAfterRetry = false;
  private readonly _live = new LiveData(this, {
    active: () => !this.goals,
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
    outbox: enableOutbox,
    onOutbox: (event) => this._onOutbox(event),
  });
  private readonly _modal = new ModalDialog(() => {
    this._dialogMode = null;
    this._errors = {};
    this._formError = '';
  });

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

  /** Re-fetches the goals now (skipping the SDK's cache). Does nothing when `goals` is set. */
  refresh(): Promise<void> {
    if (this.goals) return Promise.resolve();
    this._live.markFresh();
    return this._task.run();
  }

  /** Opens the "Add goal" dialog (owner only; does nothing otherwise). */
  openAddDialog(): void {
    const opener = this.renderRoot.querySelector<HTMLElement>('button.add');
    if (this._isOwner) void this._open('add', undefined, opener);
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
      this._notice =
        pending.kind === 'goal'
          ? msg(str`Sasaran "${pending.body.title}" tidak dapat disimpan: ${reason}`)
          : msg(str`Catatan kemajuan tidak dapat disimpan: ${reason}`);
    } else {
      this._notice = pending.kind === 'goal' ? msg('Sasaran yang ditulis saat luring sudah terkirim.') : msg('Catatan kemajuan yang ditulis saat luring sudah terkirim.');
    }
    this._live.schedule();
  }

  // ── Dialogs ──────────────────────────────────────────────────────────────────────────────────────────────

  private async _open(mode: DialogMode, goal: Goal | undefined, opener: HTMLElement | null): Promise<void> {
    this._dialogMode = mode;
    this._dialogGoal = goal;
    this._errors = {};
    this._formError = '';
    await this.updateComplete;
    this._formEl?.reset();
    const goalId = goal?.id;
    this._modal.open(this._dialogEl, opener, {
      fallback: () =>
        goalId
          ? this.renderRoot.querySelector<HTMLElement>(`li[data-goal-id="${goalId}"] button.checkin`)
          : this.renderRoot.querySelector<HTMLElement>('button.add') ?? this.renderRoot.querySelector<HTMLElement>('.title'),
    });
  }

  private _onAddClick = (event: Event): void => {
    void this._open('add', undefined, event.currentTarget as HTMLElement);
  };

  private _onCheckinClick(goal: Goal, event: Event): void {
    void this._open('checkin', goal, event.currentTarget as HTMLElement);
  }

  private _onCancel = (): void => {
    this._modal.close();
  };

  private _addIssueMessage(issue: FormIssue): string {
    switch (issue.path) {
      case 'title':
        return issue.code === 'too_big' ? msg('Judul paling banyak 200 karakter.') : msg('Tulis judul paling sedikit 3 karakter.');
      case 'measure.target':
        return msg('Isi target berupa angka lebih dari 0.');
      case 'measure.unit':
        return issue.code === 'too_big' ? msg('Satuan paling banyak 40 karakter.') : msg('Isi satuan, mis. pelatihan.');
      case 'dueDate':
      case 'year':
        return msg('Pilih tanggal tenggat.');
      default:
        return msg('Periksa isian ini.');
    }
  }

  private _checkinIssueMessage(issue: FormIssue): string {
    if (issue.path === 'note') return msg('Catatan paling banyak 500 karakter.');
    return msg('Isi kemajuan sejauh ini berupa angka, 0 atau lebih.');
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._submitting) return; // no double submit: a second Enter or click while sending does nothing
    const client = this._live.client;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '');
    const num = (name: string) => (get(name).trim() === '' ? undefined : Number(get(name).replace(',', '.')));
    const mode = this._dialogMode;
    const fields = mode === 'add' ? ADD_FIELDS : CHECKIN_FIELDS;
    let body: GoalCreate | CheckInCreate;
    let issues: Map<string, FormIssue>;
    if (mode === 'add') {
      const dueDate = get('dueDate');
      const dueYear = Number(dueDate.slice(0, 4));
      body = {
        title: get('title'),
        kind: get('kind') as GoalCreate['kind'],
        competency: get('competency') as GoalCreate['competency'],
        measure: { unit: get('unit'), target: num('target') as number },
        year: Number.isInteger(dueYear) && dueYear >= 2000 ? dueYear : this.year,
        dueDate,
      };
      issues = contractIssues(GoalCreateSchema, body);
    } else {
      const note = get('note').trim();
      body = { value: num('value') as number, ...(note ? { note } : {}) };
      issues = contractIssues(CheckInCreateSchema, body);
    }
    const errors: Record<string, string> = {};
    for (const issue of issues.values()) {
      const key = issue.path === 'year' ? 'dueDate' : issue.path;
      if (!errors[key]) errors[key] = mode === 'add' ? this._addIssueMessage(issue) : this._checkinIssueMessage(issue);
    }
    this._errors = errors;
    this._formError = '';
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this._focusFirstInvalid(fields);
      return;
    }
    if (!client) {
      this._formError = msg('Tidak terhubung ke server. Coba lagi nanti.');
      return;
    }
    this._submitting = true;
    try {
      if (mode === 'add') {
        const goal = await resourceOf(client, 'goals', goalsResource).create(this.employee as EmployeeRef, body as GoalCreate);
        emit(this, 'asn-goal-created', { queued: false, goal });
        if (this._loaded && this._loaded.key === this._key && !this._loaded.goals.some((g) => g.id === goal.id)) {
          this._loaded = { ...this._loaded, goals: [goal, ...this._loaded.goals] };
        }
        this._notice = msg(str`Sasaran "${goal.title}" ditambahkan.`);
      } else {
        const goal = this._dialogGoal!;
        const result = await resourceOf(client, 'goals', goalsResource).checkIns.create(goal.id as GoalId, body as CheckInCreate);
        emit(this, 'asn-checkin-created', { queued: false, checkIn: result.checkIn, goal: result.goal });
        if (this._loaded && this._loaded.key === this._key) {
          this._loaded = { ...this._loaded, goals: this._loaded.goals.map((g) => (g.id === result.goal.id ? result.goal : g)) };
        }
        this._notice = msg(str`Kemajuan "${result.goal.title}" disimpan.`);
      }
      this._modal.close();
    } catch (error) {
      const entryId = queuedEntryId(error);
      if (entryId) {
        if (mode === 'add') {
          this._pending = [...this._pending, { entryId, kind: 'goal', body: body as GoalCreate }];
          emit(this, 'asn-goal-created', { queued: true, entryId, employee: this.employee, body: body as GoalCreate });
        } else {
          const goalId = this._dialogGoal!.id;
          this._pending = [...this._pending, { entryId, kind: 'checkin', goalId, value: (body as CheckInCreate).value }];
          emit(this, 'asn-checkin-created', { queued: true, entryId, goalId, body: body as CheckInCreate });
        }
        this._notice = msg('Tersimpan, menunggu dikirim. Data dikirim otomatis saat koneksi kembali.');
        this._modal.close();
      } else {
        const serverErrors = fieldErrorsOf(error);
        const placed: Record<string, string> = {};
        const other: string[] = [];
        for (const [path, message] of Object.entries(serverErrors)) {
          const key = path === 'year' ? 'dueDate' : path;
          if (fields[key]) placed[key] = message;
          else other.push(message);
        }
        this._errors = placed;
        this._formError =
          other.join(' ') || (Object.keys(placed).length > 0 ? '' : problemText(error) ?? this._errorMessage(classifyError(error)));
        await this.updateComplete;
        this._focusFirstInvalid(fields);
      }
    } finally {
      this._submitting = false;
    }
  }

  private _focusFirstInvalid(fields: Record<string, string>): void {
    const first = Object.keys(fields).find((path) => this._errors[path]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${fields[first]}`)?.focus();
    else if (this._formError) this.renderRoot.querySelector<HTMLElement>('.form-error')?.focus();
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
      auth: msg('Sesi Anda telah berakhir. Masuk lagi untuk melihat sasaran.'),
      forbidden: msg('Anda tidak memiliki akses ke sasaran pegawai ini.'),
      'not-found': msg('Sasaran pegawai ini tidak ditemukan.'),
    });
  }


  override render(): TemplateResult {
    const data = this._data;
    const pending = this._task.status === TaskStatus.PENDING || (!data && this._task.status === TaskStatus.INITIAL);
    const busy = !data && pending;
    const owner = this._isOwner;
    return html`<section class="base" part="base" aria-busy=${busy ? 'true' : 'false'} aria-labelledby="title">
        ${this.offline
          ? offlineNotice(
              data
                ? msg('Anda sedang luring. Menampilkan sasaran terakhir yang dimuat; perubahan Anda dikirim saat koneksi kembali.')
                : msg('Anda sedang luring. Sasaran dimuat saat koneksi kembali.'),
            )
          : nothing}
        <header class="header" part="header">
          <h2 class="title" id="title" part="title" tabindex="-1">${msg(str`Sasaran ${String(this.year)}`)}</h2>
          ${owner && data
            ? html`<button type="button" class="add" part="add-button" aria-haspopup="dialog" @click=${this._onAddClick}>
                ${msg('Tambah sasaran')}
              </button>`
            : nothing}
        </header>
        <p class="notice" part="notice" role="status">${this._notice}</p>
        ${data ? this._renderList(data, owner) : this._renderWithoutData()}
      </section>
      ${this._renderDialog()}`;
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
          ? msg('Tetapkan sasaran pertama tahun ini: satu pelatihan, satu keterampilan untuk dilatih. Langkah kecil pun berarti, dan atasan Anda dapat mendampingi di sepanjang jalan.')
          : msg('Pegawai ini belum menetapkan sasaran untuk tahun ini.'),
      );
    }
    return html`<ul class="list" part="list">
      ${repeat(
        waitingGoals,
        (p) => p.entryId,
        (p) => this._renderWaitingGoal(p),
      )}
      ${repeat(
        goals,
        (g) => g.id,
        (g) => this._renderGoal(g, owner),
      )}
    </ul>`;
  }

  private _progressText(current: number, target: number, unit: string): string {
    const locale = currentLocale();
    return msg(str`${formatNumber(current, locale)} dari ${formatNumber(target, locale)} ${unit}`);
  }

  private _due(dueDate: string): TemplateResult {
    return html`<time datetime=${dueDate}>${formatDay(dueDate, currentLocale())}</time>`;
  }

  private _renderGoal(goal: Goal, owner: boolean): TemplateResult {
    const { current, target, unit } = goal.measure;
    const text = this._progressText(current, target, unit);
    const waiting = this._pending.some((p) => p.kind === 'checkin' && p.goalId === goal.id);
    const canCheckIn = owner && (goal.status === 'active' || goal.status === 'draft');
    const titleId = `goal-${goal.id}`;
    return html`<li class="goal" part="goal" data-goal-id=${goal.id}>
      <div class="goal-head">
        <h3 class="goal-title" id=${titleId} part="goal-title">${goal.title}</h3>
        <span class="badge ${goal.status}" part="status">${this._statusLabel(goal.status)}</span>
        ${waiting ? html`<span class="badge waiting" part="status">${msg('Menunggu dikirim')}</span>` : nothing}
      </div>
      <div
        class="progress"
        part="progress"
        role="progressbar"
        aria-labelledby=${titleId}
        aria-valuemin="0"
        aria-valuemax=${Math.max(target, current)}
        aria-valuenow=${current}
        aria-valuetext=${text}
      >
        ${bar(current, target, goal.status)}
      </div>
      <p class="progress-text">${text}</p>
      <dl class="meta">
        <div><dt>${msg('Tenggat')}</dt><dd>${this._due(goal.dueDate)} WIT</dd></div>
        <div><dt>${msg('Kompetensi')}</dt><dd>${competencyLabel(goal.competency)}</dd></div>
        <div><dt>${msg('Jenis')}</dt><dd>${this._kindLabel(goal.kind)}</dd></div>
      </dl>
      ${canCheckIn
        ? html`<button
            type="button"
            class="checkin secondary"
            part="checkin-button"
            aria-haspopup="dialog"
            aria-describedby=${titleId}
            @click=${(e: Event) => this._onCheckinClick(goal, e)}
          >
            ${msg('Catat kemajuan')}
          </button>`
        : nothing}
    </li>`;
  }

  private _renderWaitingGoal(p: Extract<Pending, { kind: 'goal' }>): TemplateResult {
    const text = this._progressText(0, p.body.measure.target, p.body.measure.unit);
    const titleId = `waiting-${p.entryId}`;
    return html`<li class="goal waiting" part="goal" data-entry-id=${p.entryId}>
      <div class="goal-head">
        <h3 class="goal-title" id=${titleId} part="goal-title">${p.body.title}</h3>
        <span class="badge waiting" part="status">${msg('Menunggu dikirim')}</span>
      </div>
      <div class="progress" part="progress" role="progressbar" aria-labelledby=${titleId} aria-valuemin="0" aria-valuemax=${p.body.measure.target} aria-valuenow="0" aria-valuetext=${text}>
        ${bar(0, p.body.measure.target)}
      </div>
      <p class="progress-text">${text}</p>
      <dl class="meta">
        <div><dt>${msg('Tenggat')}</dt><dd>${this._due(p.body.dueDate)} WIT</dd></div>
        <div><dt>${msg('Kompetensi')}</dt><dd>${competencyLabel(p.body.competency)}</dd></div>
      </dl>
    </li>`;
  }

  private _field(path: string, id: string): { invalid: 'true' | 'false'; describedby: string | undefined; error: TemplateResult | typeof nothing } {
    const message = this._errors[path];
    return {
      invalid: message ? 'true' : 'false',
      describedby: describedBy(message && `${id}-error`),
      error: fieldError(`${id}-error`, message),
    };
  }

  private _renderDialog(): TemplateResult {
    const mode = this._dialogMode;
    const goal = this._dialogGoal;
    const title = mode === 'checkin' ? msg('Catat kemajuan') : msg('Tambah sasaran');
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @cancel=${this._onDialogCancel}>
      ${mode
        ? html`<h2 class="dialog-title" id="dialog-title">${title}</h2>
            ${mode === 'checkin' && goal ? html`<p class="dialog-subtitle">${goal.title}</p>` : nothing}
            <form novalidate @submit=${this._onSubmit}>
              ${mode === 'add' ? this._renderAddFields() : this._renderCheckinFields(goal)}
              ${this._formError
                ? html`<p class="form-error field-error" role="alert" tabindex="-1">${this._formError}</p>`
                : nothing}
              <div class="actions">
                <button type="button" class="secondary" @click=${this._onCancel}>${msg('Batal')}</button>
                <button type="submit" part="submit" aria-disabled=${this._submitting ? 'true' : 'false'}>
                  ${this._submitting ? html`<span class="spinner" aria-hidden="true"></span>${msg('Menyimpan…')}` : msg('Simpan')}
                </button>
              </div>
            </form>`
        : nothing}
    </dialog>`;
  }

  private _onDialogCancel = (event: Event): void => {
    // Escape while sending would hide the result of a request already on its way: wait for it.
    if (this._submitting) event.preventDefault();
  };

  private _renderAddFields(): TemplateResult {
    const t = this._field('title', 'f-title');
    const target = this._field('measure.target', 'f-target');
    const unit = this._field('measure.unit', 'f-unit');
    const due = this._field('dueDate', 'f-due');
    return html`<div class="field">
        <label for="f-title">${msg('Sasaran')}</label>
        <input id="f-title" name="title" autocomplete="off" aria-invalid=${t.invalid} aria-describedby=${t.describedby ?? nothing} />
        ${t.error}
      </div>
      <div class="field-row">
        <div class="field">
          <label for="f-kind">${msg('Jenis')}</label>
          <select id="f-kind" name="kind">
            <option value="development" selected>${msg('Pengembangan')}</option>
            <option value="performance">${msg('Kinerja')}</option>
          </select>
        </div>
        <div class="field">
          <label for="f-competency">${msg('Kompetensi')}</label>
          <select id="f-competency" name="competency">
            ${COMPETENCIES.map((c, i) => html`<option value=${c} ?selected=${i === 0}>${competencyLabel(c)}</option>`)}
          </select>
        </div>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="f-target">${msg('Target')}</label>
          <input id="f-target" name="target" type="number" inputmode="decimal" min="0" step="any" aria-invalid=${target.invalid} aria-describedby=${target.describedby ?? nothing} />
          ${target.error}
        </div>
        <div class="field">
          <label for="f-unit">${msg('Satuan')}</label>
          <input id="f-unit" name="unit" autocomplete="off" value=${msg('pelatihan')} aria-invalid=${unit.invalid} aria-describedby=${unit.describedby ?? nothing} />
          ${unit.error}
        </div>
      </div>
      <div class="field">
        <label for="f-due">${msg('Tanggal tenggat')}</label>
        <input id="f-due" name="dueDate" type="date" value=${`${this.year}-12-31`} aria-invalid=${due.invalid} aria-describedby=${due.describedby ?? nothing} />
        ${due.error}
      </div>`;
  }

  private _renderCheckinFields(goal: Goal | undefined): TemplateResult {
    const value = this._field('value', 'f-value');
    const note = this._field('note', 'f-note');
    const unit = goal?.measure.unit ?? '';
    const target = goal ? formatNumber(goal.measure.target, currentLocale()) : '';
    return html`<div class="field">
        <label for="f-value">${msg(str`Kemajuan sejauh ini (${unit})`)}</label>
        <p class="hint" id="f-value-hint">${msg(str`Target: ${target} ${unit}. Sasaran tercapai saat kemajuan mencapai target.`)}</p>
        <input
          id="f-value"
          name="value"
          type="number"
          inputmode="decimal"
          min="0"
          step="any"
          value=${goal ? String(goal.measure.current) : ''}
          aria-invalid=${value.invalid}
          aria-describedby=${describedBy('f-value-hint', value.describedby) ?? nothing}
        />
        ${value.error}
      </div>
      <div class="field">
        <label for="f-note">${msg('Catatan (opsional)')}</label>
        <textarea id="f-note" name="note" rows="3" aria-invalid=${note.invalid} aria-describedby=${note.describedby ?? nothing}></textarea>
        ${note.error}
      </div>`;
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
