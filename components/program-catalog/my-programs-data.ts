/**
 * The data of "Program saya" (loaded with actions.ts, on demand): the employee's enrolments through the SDK, who is
 * signed in (their id names the `employee:<id>` topic), and the outbox enrolments go through. Created once the
 * actions are there; until then the tab shows its loading state.
 */
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { enrollmentsResource, meResource, resourceOf, type EmployeeRef, type OutboxEvent } from '../../src/client/index.js';
import type { Enrollment, Me, Page, Topic } from '../../src/contract/index.js';
import { classifyError, errorMessage } from '../shared/errors.js';
import { LiveData } from '../shared/live-data.js';
import { emptyState, errorState, skeleton } from '../shared/primitives.js';
import type { ActionState } from './action-state.js';
import { renderMyPrograms, type MyProgramsView } from './my-programs.js';

/** What "Program saya" needs of the element. */
export interface MineHost {
  host: ConstructorParameters<typeof LiveData>[0] & { readonly renderRoot: HTMLElement | DocumentFragment };
  state: ActionState;
  employee(): string;
  /** The `enrollments` property, when set (then nothing is fetched). */
  given(): Enrollment[] | undefined;
  /** The catalog is fed through properties too: the employee's topic is then not needed. */
  fedByProperties(): boolean;
  /** The tab was opened once: from then on the list loads and stays live. */
  wanted(): boolean;
  connectOutbox(client: NonNullable<LiveData['client']>): void;
  onOutbox(event: OutboxEvent): void;
  view(): Omit<MyProgramsView, 'own' | 'stateOf'>;
  toCatalog(): void;
}

export class MyProgramsData {
  readonly live: LiveData;
  private me: Me | null = null;
  private loaded: { key: string; items: Enrollment[] } | undefined;
  private focusAfterRetry = false;
  private readonly meTask: Task;
  private readonly task: Task;

  constructor(private readonly h: MineHost) {
    const host = h.host;
    this.live = new LiveData(host, {
      active: () => true,
      onCredentialsChange: () => {
        this.loaded = undefined;
        this.me = null;
      },
      refresh: () => this.refresh(),
      concerns: (tags) => {
        const mine = new Set(['*', 'enrollments:*', `enrollments:${h.employee()}`]);
        const id = this.employeeId;
        if (id) mine.add(`enrollments:${id}`);
        if (this.own) mine.add('enrollments:me');
        return tags.some((t) => mine.has(t));
      },
      topic: () => {
        const id = h.given() === undefined || !h.fedByProperties() ? this.employeeId : undefined;
        return id ? (`employee:${id}` as Topic) : undefined;
      },
      wants: (event) => event.type.startsWith('enrollment.') || event.type === 'recommendation.created',
      outbox: (client) => h.connectOutbox(client),
      onOutbox: (event) => h.onOutbox(event),
    });
    this.meTask = new Task(host, {
      args: () => [this.live.client, this.live.generation] as const,
      task: async ([client], { signal }) => (client ? resourceOf(client, 'me', meResource).get({ signal }).catch((): Me | null => null) : initialState),
      onComplete: (me) => {
        this.me = me as Me | null;
      },
    });
    this.task = new Task(host, {
      args: () => [this.live.client, h.employee(), h.given() === undefined && h.wanted(), this.live.generation] as const,
      task: async ([client, employee, wanted], { signal }) => {
        if (!wanted || !client) return initialState;
        const fresh = this.live.takeFresh();
        const page = await resourceOf(client, 'enrollments', enrollmentsResource).list(employee as EmployeeRef, { limit: 100 }, { signal, fresh });
        return { key: employee, page };
      },
      onComplete: (result) => {
        const { key, page } = result as { key: string; page: Page<Enrollment> };
        this.loaded = { key, items: page.data };
        h.state.reset('enrollments');
        this.afterRetry('.title');
      },
      onError: () => this.afterRetry('#panel-mine button.retry'),
    });
  }

  /** The employee id whose topic carries their enrolment events. */
  get employeeId(): string | undefined {
    const employee = this.h.employee();
    return employee.startsWith('emp_') ? employee : this.me?.id;
  }

  /** The signed-in ASN's own list: only then can an enrolment be cancelled from it. */
  get own(): boolean {
    const employee = this.h.employee();
    return employee === 'me' || (!!this.me && employee === this.me.id);
  }

  /** The enrolments shown, with what this page changed since they loaded. */
  items(): Enrollment[] | undefined {
    const base = this.h.given() ?? (this.loaded?.key === this.h.employee() ? this.loaded.items : undefined);
    return base?.map((e) => this.h.state.enrollmentOverrides.get(e.id) ?? e);
  }

  /** Nothing to show because loading failed. */
  failed(): boolean {
    return !this.items() && this.h.given() === undefined && this.task.status === TaskStatus.ERROR;
  }

  refresh(): void {
    if (this.h.given() || !this.h.wanted() || !this.live.client) return;
    this.live.markFresh();
    void this.task.run();
  }

  retry(): void {
    this.focusAfterRetry = true;
    this.refresh();
  }

  private afterRetry(selector: string): void {
    if (!this.focusAfterRetry) return;
    this.focusAfterRetry = false;
    void this.h.host.updateComplete.then(() => this.h.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  render(offline: boolean): TemplateResult {
    const items = this.items();
    if (!items && this.failed()) {
      const kind = offline ? 'offline' : classifyError(this.task.error);
      return errorState({
        title: msg('Program Anda tidak dapat dimuat'),
        message: errorMessage(kind, {
          auth: msg('Sesi Anda telah berakhir. Masuk kembali untuk melihat program Anda.'),
          forbidden: msg('Anda tidak memiliki akses ke program pegawai ini.'),
          'not-found': msg('Pegawai ini tidak ditemukan.'),
        }),
        retryLabel: msg('Coba lagi'),
        onRetry: () => this.retry(),
      });
    }
    if (!items) return skeleton(msg('Memuat program Anda…'));
    if (items.length === 0) {
      return html`${emptyState(
          msg('Belum ada program yang diikuti'),
          this.own ? msg('Program yang Anda daftarkan tampil di sini, lengkap dengan status dan sertifikatnya.') : msg('Program yang diikuti pegawai ini tampil di sini.'),
        )}
        <p class="empty-action"><button type="button" class="secondary" @click=${() => this.h.toCatalog()}>${msg('Lihat katalog')}</button></p>`;
    }
    return renderMyPrograms(items, { ...this.h.view(), own: this.own, stateOf: (e) => this.h.state.of(e.id, e.id) });
  }
}
