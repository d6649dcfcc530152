import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resourceOf, progressResource, type EmployeeRef } from '../../src/client/index.js';
import type { Competency, ProgressSummary, ServerEvent } from '../../src/contract/index.js';
import { currentYearInWit, formatDateTime, formatInstantDay, formatNumber, monthNames } from '../i18n/format.js';
import { currentLocale, initLocalization } from '../i18n/locale.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { competencyLabel } from '../shared/competency-label.js';
import { LiveData } from '../shared/live-data.js';
import { bar, columnChart, emptyState, errorState, progressRing, skeleton, stat } from '../shared/primitives.js';
import { widgetFrame } from '../shared/frame.js';
import { frameStyles } from '../shared/frame.styles.js';
import { primitiveStyles } from '../shared/primitives.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { progressCardStyles } from './progress-card.styles.js';
import { pinnedNow } from '../shared/pinned-now.js';

/** `detail` of `asn-progress-loaded`. */
export interface AsnProgressLoadedDetail {
  summary: ProgressSummary;
}

/** Fired when a progress summary arrives from the API (first load and every live update). */
export type AsnProgressLoadedEvent = CustomEvent<AsnProgressLoadedDetail>;

const COMPETENCIES: readonly Competency[] = ['technical', 'managerial', 'socio-cultural'];

/**
 * One ASN's learning progress for a year: JP against the yearly 20 JP duty (and how much of it completed
 * training programs credited), JP per competency type and per month, goals and feedback counts. Updates live when
 * a learning record, a program completion, a goal or feedback changes.
 *
 * Inside an `<asn-provider>` it loads the summary through the SDK client the provider gives it (and waits,
 * showing the loading state, while the provider has no credentials). With the `summary` property set it fetches
 * nothing and just renders it (stories, server-rendered portals).
 *
 * @tagname asn-progress-card
 * @summary Learning progress (JP against the 20 JP yearly target), goals and feedback of one ASN.
 *
 * @attr {string} employee - Whose progress: an employee id (`emp_…`) or `me` for the signed-in ASN. Default `me`.
 * @attr {number} year - The calendar year. Default: the current year in WIT (Asia/Jayapura).
 * @attr {boolean} offline - Reflects whether the browser is offline (then the card keeps the last data and shows a notice). Set it to preview the offline notice.
 *
 * @prop {ProgressSummary | undefined} summary - A summary to render as-is; when set, nothing is fetched. Unset inside a provider, it stays shown while the card loads its own and goes live (server-rendered pages, docs/embedding/ssr.md).
 * @prop {Date | string | undefined} now - The moment the current month is highlighted from; default the current time (a server-rendered page hands the server's over, so hydration matches).
 *
 * @fires {CustomEvent<{ summary: ProgressSummary }>} asn-progress-loaded - A summary arrived from the API (first load and live updates). Bubbles, composed.
 *
 * @slot footer - Extra content below the card's body, e.g. a link to the full learning history.
 *
 * @csspart base - The card's outer container.
 * @csspart header - The header with the title (which names the year) and the last update time.
 * @csspart title - The heading.
 * @csspart meter - The JP progress ring (`role="progressbar"`).
 * @csspart summary - The ring and its text equivalent.
 * @csspart sources - Where the year's JP came from: completed training programs, and records entered by hand.
 * @csspart competencies - JP per competency type (teknis, manajerial, sosial kultural).
 * @csspart chart - The month-by-month JP chart.
 * @csspart stats - Goal and feedback counts.
 * @csspart state - The loading, empty or error state.
 * @csspart retry - The error state's Retry button.
 * @csspart offline - The offline notice.
 * @csspart footer - The wrapper of the `footer` slot.
 *
 * @cssprop [--asn-color-primary=#1d4f91] - Main colour: ring, bars, buttons, focus ring.
 * @cssprop [--asn-color-on-primary=#ffffff] - Text on the primary colour (the Retry button).
 * @cssprop [--asn-color-primary-dark=#8db8ef] - The primary colour in the dark scheme (derived from `--asn-color-primary` when unset). Every colour token has such a `-dark` twin; see the README's "Theming".
 * @cssprop [--asn-color-on-primary-dark=#0b1b30] - Text on the primary colour in the dark scheme.
 * @cssprop [--asn-color-surface=#ffffff] - Card background.
 * @cssprop [--asn-color-surface-alt=#f1f4f8] - Tracks, skeletons and the offline notice.
 * @cssprop [--asn-color-text=#1b2430] - Body text.
 * @cssprop [--asn-color-muted=#56606d] - Secondary text.
 * @cssprop [--asn-color-border=#c9d1db] - Card border.
 * @cssprop [--asn-color-success=#1f7a3f] - The ring once the target is reached; achieved goals.
 * @cssprop [--asn-color-warning=#8a5a00] - Goals at risk; the offline notice.
 * @cssprop [--asn-color-danger=#b3261e] - The error title.
 * @cssprop [--asn-color-technical=var(--asn-color-primary)] - Bar of technical JP.
 * @cssprop [--asn-color-managerial=var(--asn-color-success)] - Bar of managerial JP.
 * @cssprop [--asn-color-socio-cultural=var(--asn-color-warning)] - Bar of socio-cultural JP.
 * @cssprop [--asn-radius=0.75rem] - Corner radius.
 * @cssprop [--asn-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--asn-space-2=0.5rem] - Small spacing.
 * @cssprop [--asn-space-3=1rem] - Medium spacing.
 * @cssprop [--asn-space-4=1.5rem] - Large spacing (card padding).
 * @cssprop [--asn-ring-size=8.5rem] - Diameter of the progress ring.
 * @cssprop [--asn-motion-duration=400ms] - Length of the ring's animation (none with `prefers-reduced-motion`).
 */
@localized()
export class AsnProgressCard extends LitElement {
  static override styles = [tokens, primitiveStyles, frameStyles, progressCardStyles];

  /** Whose progress: an employee id (`emp_…`) or `me` for the signed-in ASN. */
  @property({ reflect: true }) employee: EmployeeRef | string = 'me';

  /** The calendar year; defaults to the current year in WIT (Asia/Jayapura). */
  @property({ type: Number }) year: number = currentYearInWit();

  /** A summary to render as-is; when set, the card fetches nothing (stories, server-rendered portals). */
  @property({ attribute: false }) summary?: ProgressSummary;

  /** The moment the current month is highlighted from; default now. */
  @property({ attribute: false }) now?: Date | string;

  /** True while the browser is offline: the card keeps the last data and shows a notice. */
  @property({ type: Boolean, reflect: true }) offline: boolean = typeof navigator !== 'undefined' && navigator.onLine === false;

  /** The last summary loaded from the API, with the employee and year it was asked for. */
  @state() private _loaded: { key: string; summary: ProgressSummary } | undefined;

  private _focusAfterRetry = false;
  private readonly _live = new LiveData(this, {
    active: () => !this.summary,
    onCredentialsChange: () => (this._loaded = undefined),
    refresh: () => this.refresh(),
    concerns: (tags) => {
      const id = this._data?.employeeId;
      const mine = new Set(['progress', 'progress:*', '*', 'progress:me', `progress:${this.employee}`]);
      if (id) mine.add(`progress:${id}`);
      return tags.some((tag) => mine.has(tag));
    },
    topic: () => {
      const id = this._loaded?.summary.employeeId;
      return id ? `employee:${id}` : undefined;
    },
    // The server sends `progress.updated` whenever the summary moved (with it, since #9).
    wants: (event) => event.type === 'progress.updated',
    apply: (event) => this._applyEvent(event),
  });
  @state() private _hasFooter = false;

  constructor() {
    super();
    initLocalization();
  }

  private readonly _task = new Task(this, {
    args: () => [this._live.client, this.employee, this.year, this.summary === undefined, this._live.generation] as const,
    task: async ([client, employee, year, wanted], { signal }) => {
      if (!wanted || !client) return initialState;
      const fresh = this._live.takeFresh();
      return resourceOf(client, 'progress', progressResource).get(employee as EmployeeRef, { year }, { signal, fresh });
    },
    onComplete: (summary) => this._onLoaded(summary),
    onError: () => {
      if (this._focusAfterRetry) this.updateComplete.then(() => this._restoreFocus('retry'));
    },
  });

  private get _key(): string {
    return `${this.employee}|${this.year}`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Unsetting a shown `summary` hands it over (a server-rendered card going live, docs/embedding/ssr.md): it stays
    // shown as loaded data while the card fetches, so nothing flashes and the live topic is known at once.
    const given = changed.get('summary');
    if (given && !this.summary && given.year === this.year && this._loaded?.key !== this._key) this._loaded = { key: this._key, summary: given };
  }

  /** What the card shows: the `summary` property, else the last loaded summary for this employee and year. */
  private get _data(): ProgressSummary | undefined {
    if (this.summary) return this.summary;
    return this._loaded?.key === this._key ? this._loaded.summary : undefined;
  }

  /** Re-fetches the summary now (skipping the SDK's cache). Does nothing when `summary` is set. */
  refresh(): Promise<void> {
    if (this.summary) return Promise.resolve();
    this._live.markFresh();
    return this._task.run();
  }

  /** A live summary: shown when it is of this card's employee and year and newer than the one shown. */
  private _applyEvent(event: ServerEvent): boolean {
    const next = event.progress;
    if (!next) return event.type !== 'progress.updated'; // others: their progress.updated follows when it moved
    const shown = this._loaded?.key === this._key ? this._loaded.summary : undefined;
    if (!shown) return false;
    if (next.employeeId !== shown.employeeId || next.year !== shown.year) return true;
    if (Date.parse(next.updatedAt) < Date.parse(shown.updatedAt)) return true; // older than what a read gave us
    this._onLoaded(next);
    return true;
  }

  private _onLoaded(summary: ProgressSummary): void {
    this._loaded = { key: this._key, summary };
    this.dispatchEvent(
      new CustomEvent<AsnProgressLoadedDetail>('asn-progress-loaded', { detail: { summary }, bubbles: true, composed: true }),
    );
    if (this._focusAfterRetry) this.updateComplete.then(() => this._restoreFocus('title'));
  }

  private _restoreFocus(target: 'title' | 'retry'): void {
    this._focusAfterRetry = false;
    const el = this.renderRoot.querySelector<HTMLElement>(target === 'title' ? '.title' : 'button.retry');
    el?.focus();
  }

  private _retry = (): void => {
    this._focusAfterRetry = true;
    void this.refresh();
  };

  private _onFooterChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this._hasFooter = slot.assignedNodes({ flatten: true }).some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent?.trim());
  }

  override render(): TemplateResult {
    const data = this._data;
    const pending = this._task.status === TaskStatus.PENDING || (!data && this._task.status === TaskStatus.INITIAL);
    const busy = !data && pending;
    return widgetFrame({
      title: msg(str`Progres belajar ${String(data?.year ?? this.year)}`),
      subtitle: data ? html`<p class="updated">${msg(str`Diperbarui ${formatDateTime(data.updatedAt, currentLocale())}`)}</p>` : nothing,
      busy,
      offline: this.offline
        ? data
          ? msg('Anda sedang luring. Menampilkan data terakhir yang dimuat; data diperbarui saat koneksi kembali.')
          : msg('Anda sedang luring. Progres dimuat saat koneksi kembali.')
        : null,
      body: html`${data ? this._renderData(data) : this._renderWithoutData()}
        <div class="footer" part="footer" ?hidden=${!this._hasFooter}><slot name="footer" @slotchange=${this._onFooterChange}></slot></div>`,
    });
  }

  private _renderWithoutData(): TemplateResult {
    if (this._task.status === TaskStatus.ERROR && !this.summary) {
      const kind: ErrorKind = this.offline ? 'offline' : classifyError(this._task.error);
      return html`
        ${errorState({
          title: msg('Progres belajar tidak dapat dimuat'),
          message: this._errorMessage(kind),
          retryLabel: msg('Coba lagi'),
          onRetry: this._retry,
        })}`;
    }
    return html`${skeleton(msg('Memuat progres belajar…'))}`;
  }

  private _errorMessage(kind: ErrorKind): string {
    return errorMessage(kind, {
      auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat progres Anda.'),
      forbidden: msg('Anda tidak memiliki akses ke progres pegawai ini.'),
      'not-found': msg('Progres untuk pegawai ini tidak ditemukan.'),
    });
  }


  private _renderData(data: ProgressSummary): TemplateResult {
    const locale = currentLocale();
    const num = (n: number) => formatNumber(n, locale);
    const { jp, targetJp } = data.learning;
    const jpText = num(jp);
    const targetText = num(targetJp);
    const remaining = Math.max(0, targetJp - jp);
    const reached = jp >= targetJp;
    const empty = jp === 0 && data.goals.total === 0;
    const valueText = msg(str`${jpText} dari ${targetText} JP`);

    const summary = html`<div class="summary" part="summary">
      ${progressRing({
        value: jp,
        max: targetJp,
        label: msg(str`JP tahun ${String(data.year)}`),
        valueText,
        part: 'meter',
        complete: reached,
        center: html`<span class="jp-value" aria-hidden="true">${jpText}</span><span class="jp-of" aria-hidden="true">JP</span>`,
      })}
      <div class="summary-text">
        <p class="jp-text">${valueText}</p>
        <p class="jp-note ${reached ? 'done' : ''}">
          ${reached
            ? msg(str`Batas minimal ${targetText} JP per tahun sudah tercapai. Selamat!`)
            : msg(str`${num(remaining)} JP lagi untuk mencapai batas minimal tahunan.`)}
        </p>
        ${jp > 0
          ? html`<ul class="sources" part="sources">
              <li>${msg(str`${num(data.learning.fromPrograms)} JP dari program pelatihan`)}</li>
              <li>${msg(str`${num(Math.max(0, jp - data.learning.fromPrograms))} JP dicatat manual`)}</li>
            </ul>`
          : nothing}
      </div>
    </div>`;

    if (empty) {
      return html`${summary}
      ${emptyState(
        msg('Belum ada pembelajaran tercatat tahun ini'),
        msg(
          str`Setiap ASN berhak dan wajib mengikuti pengembangan kompetensi paling sedikit ${targetText} JP per tahun. Satu pelatihan, seminar, atau e-learning sudah menjadi awal yang baik!`,
        ),
      )}`;
    }

    const maxCompetency = Math.max(targetJp, ...COMPETENCIES.map((c) => data.learning.byCompetency[c]));
    const months = monthNames(locale, 'short');
    const monthsLong = monthNames(locale, 'long');
    const now = new Date(pinnedNow(this.now));
    const currentMonth = data.year === currentYearInWit(now) ? Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Jayapura', month: 'numeric' }).format(now)) - 1 : undefined;
    const lastFeedback = data.feedback.lastAt ? formatInstantDay(data.feedback.lastAt, locale) : msg('Belum ada');

    return html`${summary}
      <div class="details">
        <section class="competencies-block" aria-labelledby="competencies-title">
          <h3 class="section-title" id="competencies-title">${msg('Per jenis kompetensi')}</h3>
          <ul class="competencies" part="competencies">
            ${COMPETENCIES.map(
              (c) => html`<li class="competency">
                <div class="competency-row">
                  <span class="competency-label">${competencyLabel(c)}</span>
                  <span class="competency-value">${msg(str`${num(data.learning.byCompetency[c])} JP`)}</span>
                </div>
                ${bar(data.learning.byCompetency[c], maxCompetency, c)}
              </li>`,
            )}
          </ul>
        </section>
        ${columnChart({
          values: data.learning.byMonth,
          labels: months,
          longLabels: monthsLong,
          caption: msg('JP per bulan'),
          labelHeader: msg('Bulan'),
          valueHeader: 'JP',
          format: num,
          part: 'chart',
          highlight: currentMonth,
        })}
        <section class="stats-block" aria-labelledby="stats-title">
          <h3 class="section-title" id="stats-title">${msg('Sasaran dan umpan balik')}</h3>
          <dl class="stats" part="stats">
            ${stat(msg('Sasaran'), num(data.goals.total))}
            ${stat(msg('Aktif'), num(data.goals.active))}
            ${stat(msg('Tercapai'), num(data.goals.achieved), data.goals.achieved > 0 ? 'success' : '')}
            ${stat(msg('Berisiko'), num(data.goals.atRisk), data.goals.atRisk > 0 ? 'warning' : '')}
            ${stat(msg('Umpan balik diterima'), num(data.feedback.total))}
            ${stat(msg('Umpan balik terakhir'), lastFeedback)}
          </dl>
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-progress-card': AsnProgressCard;
  }
  interface HTMLElementEventMap {
    'asn-progress-loaded': AsnProgressLoadedEvent;
  }
}
