/**
 * What the catalog does when the ASN acts: enrol, confirm and cancel, hear from the outbox what a write made
 * offline became, word every refusal in Indonesian, and the "Program saya" list. Loaded on demand (when the
 * browser is idle after the catalog appears, or at the first click), so a page that only shows the catalog
 * downloads none of it first (docs/architecture.md, "Size").
 */
import { msg, str } from '@lit/localize';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import {
  enableOutbox,
  enrollmentsResource,
  programsResource,
  resourceOf,
  type CoreClient,
  type EnrollmentId,
  type OutboxEntry,
  type OutboxEvent,
  type ProgramId,
} from '../../src/client/index.js';
import type { Enrollment, Program } from '../../src/contract/index.js';
import { currentLocale, type AsnLocale } from '../i18n/locale.js';
import { ModalDialog } from '../shared/dialog.js';
import { classifyError, errorMessage, type ErrorKind } from '../shared/errors.js';
import { queuedEntryId } from '../shared/form.js';
import type { ActionState, CancelTarget, LoadedCatalog } from './action-state.js';
import { listQuery, type Filters } from './filters.js';
import { foundText } from './labels.js';
import { cancelDialogStyles, renderCancelDialog } from './cancel-dialog.js';
import { cssId } from './card.js';
import { formatNumber } from '../i18n/format.js';
import { dialogStyles } from '../shared/dialog.styles.js';

export { MyProgramsData } from './my-programs-data.js';

/** What the actions need of the element. */
export interface CatalogContext {
  host: HTMLElement & ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  state: ActionState;
  client(): CoreClient | null;
  now(): number;
  locale(): AsnLocale;
  programs(): Program[] | undefined;
  filters(): Filters;
  /** The catalog as loaded (pages so far); with an argument, replaces it. */
  catalog(next?: LoadedCatalog): LoadedCatalog | undefined;
  enrollments(): Enrollment[] | undefined;
  announce(text: string): void;
  /** Refresh the catalog and "Program saya" soon (the server's truth after a write or a refusal). */
  schedule(): void;
}

/** Outside the element so the manifest lists the two events by name (documented there with @fires). */
function emit<K extends 'asn-enrollment-created' | 'asn-enrollment-cancelled'>(host: HTMLElement, type: K, detail: HTMLElementEventMap[K]['detail']): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/**
 * Turns the offline outbox on for the provider's client (an enrolment made offline then waits and is sent once).
 * Here rather than in the element: only an ASN who enrols needs it, and the catalog's first load stays small.
 */
export function connectOutbox(client: CoreClient, ctx?: CatalogContext): void {
  if (client.outbox?.enabled && !ctx) return;
  try {
    enableOutbox(client);
  } catch {
    // A client this SDK did not make (a portal's own, a test double): writes then fail as they would.
  }
  // Writes left from an earlier visit show "Menunggu dikirim" on their programs.
  if (ctx && client.outbox?.enabled) void client.outbox.list().then((entries) => mergeWaiting(ctx, entries), () => undefined);
}

function mergeWaiting(ctx: CatalogContext, entries: readonly OutboxEntry[]): void {
  const { state } = ctx;
  for (const entry of entries) {
    if (state.queued.has(entry.id)) continue;
    if (entry.route === 'createEnrollment') {
      state.put(state.queued, entry.id, { kind: 'enrol', slot: entry.params.id, programId: entry.params.id });
      state.put(state.results, entry.params.id, msg('Menunggu dikirim: pendaftaran tersimpan di perangkat ini dan dikirim otomatis, satu kali, saat koneksi kembali.'));
    } else if (entry.route === 'cancelEnrollment') {
      const program = ctx.programs()?.find((p) => p.viewer?.enrollment?.id === entry.params.id);
      state.put(state.queued, entry.id, { kind: 'cancel', slot: program?.id ?? entry.params.id, programId: program?.id ?? '', enrollmentId: entry.params.id });
    }
  }
}

/** What an enrolment just made means: "Terdaftar" or "Daftar tunggu, urutan ke-4". */
function enrolledResultText(e: Pick<Enrollment, 'status' | 'waitlistPosition'>): string {
  if (e.status === 'waitlisted') {
    return e.waitlistPosition ? msg(str`Daftar tunggu, urutan ke-${formatNumber(e.waitlistPosition, currentLocale())}`) : msg('Anda masuk daftar tunggu.');
  }
  return msg('Terdaftar. Kursi Anda sudah tercatat.');
}

const isConflict = (error: unknown) => (error as { status?: number } | null)?.status === 409;
const domId = (slot: string) => `${slot.startsWith('enr_') ? 'e' : 'p'}-${cssId(slot)}`;

/** After an action, focus stays on its card: on what happened (the button that was pressed may be gone). */
async function focusOutcome(ctx: CatalogContext, slot: string): Promise<void> {
  await ctx.host.updateComplete;
  if (!modalOf(ctx).isOpen) outcome(ctx, slot)?.focus();
}

/** What happened on a card or row: its error, else its result (both focusable by script), else the card's first button. */
function outcome(ctx: CatalogContext, slot: string): HTMLElement | null {
  const root = ctx.host.renderRoot;
  const id = domId(slot);
  return root.querySelector<HTMLElement>(`#${id}-error`) ?? root.querySelector<HTMLElement>(`#${id}-result`) ?? root.querySelector<HTMLElement>(`#${id} button`);
}

const notConnected = () => msg('Halaman ini belum tersambung ke layanan, jadi pendaftaran belum dapat dikirim. Hubungi pengelola portal.');

export async function enrol(ctx: CatalogContext, program: Program): Promise<void> {
  const { state } = ctx;
  const slot = program.id;
  if (state.pending.has(slot) || state.queuedFor(slot)) return; // one request, however often it is pressed
  state.put(state.results, slot, null);
  const client = ctx.client();
  if (!client) {
    state.put(state.errors, slot, notConnected());
    return focusOutcome(ctx, slot);
  }
  state.put(state.errors, slot, null);
  state.put(state.pending, slot, 'enrol');
  connectOutbox(client);
  try {
    const enrollment = await resourceOf(client, 'enrollments', enrollmentsResource).create(program.id as ProgramId);
    applyEnrolled(ctx, program.id, enrollment);
    const text = enrolledResultText(enrollment);
    state.put(state.results, slot, text);
    ctx.announce(text);
    emit(ctx.host, 'asn-enrollment-created', { queued: false, enrollment });
  } catch (error) {
    const entryId = queuedEntryId(error);
    if (entryId) {
      state.put(state.queued, entryId, { kind: 'enrol', slot, programId: program.id });
      state.put(state.results, slot, msg('Menunggu dikirim: pendaftaran tersimpan di perangkat ini dan dikirim otomatis, satu kali, saat koneksi kembali.'));
      ctx.announce(msg('Anda sedang luring: pendaftaran dikirim saat koneksi kembali.'));
      emit(ctx.host, 'asn-enrollment-created', { queued: true, entryId, programId: program.id });
    } else {
      state.put(state.errors, slot, enrolError(ctx, error, program));
      if (isConflict(error)) ctx.schedule();
    }
  } finally {
    state.put(state.pending, slot, null);
  }
  return focusOutcome(ctx, slot);
}

/** The card and "Program saya" show the new enrolment until the refresh the SDK triggers brings the server's. */
function applyEnrolled(ctx: CatalogContext, programId: string, e: Enrollment): void {
  const { state } = ctx;
  const program = ctx.programs()?.find((p) => p.id === programId);
  if (program) {
    const before = program.viewer?.enrollment?.status;
    const seat = (status: string) => (e.status === status ? 1 : 0) - (before === status ? 1 : 0);
    state.put(state.programOverrides, programId, {
      ...program,
      enrolled: Math.max(0, program.enrolled + seat('registered')),
      waitlisted: Math.max(0, program.waitlisted + seat('waitlisted')),
      viewer: {
        recommendations: program.viewer?.recommendations ?? [],
        enrollment: { id: e.id, status: e.status, waitlistPosition: e.waitlistPosition, certificate: e.certificate },
      },
    });
  }
  if (ctx.enrollments()?.some((x) => x.id === e.id)) state.put(state.enrollmentOverrides, e.id, e);
}

function applyCancelled(ctx: CatalogContext, enrollmentId: string, e: Enrollment): void {
  const { state } = ctx;
  const program = ctx.programs()?.find((p) => p.viewer?.enrollment?.id === enrollmentId);
  const viewer = program?.viewer;
  if (program && viewer?.enrollment) {
    const was = viewer.enrollment.status;
    state.put(state.programOverrides, program.id, {
      ...program,
      enrolled: Math.max(0, program.enrolled - (was === 'registered' ? 1 : 0)),
      waitlisted: Math.max(0, program.waitlisted - (was === 'waitlisted' ? 1 : 0)),
      viewer: { ...viewer, enrollment: { ...viewer.enrollment, status: 'cancelled', waitlistPosition: null } },
    });
  }
  if (ctx.enrollments()?.some((x) => x.id === e.id)) state.put(state.enrollmentOverrides, e.id, e);
}

const modals = new WeakMap<ActionState, ModalDialog>();
function modalOf(ctx: CatalogContext): ModalDialog {
  let modal = modals.get(ctx.state);
  if (!modal) {
    modal = new ModalDialog(() => {
      ctx.state.confirm = null;
      ctx.host.requestUpdate();
    });
    modals.set(ctx.state, modal);
  }
  return modal;
}

/** Opens the confirmation; focus returns to `opener`, or to what happened when the cancel button is gone. */
export async function askCancel(ctx: CatalogContext, target: CancelTarget, opener: HTMLElement | null): Promise<void> {
  const { state } = ctx;
  if (state.pending.has(target.slot)) return;
  state.put(state.results, target.slot, null);
  state.put(state.errors, target.slot, null);
  state.confirm = target;
  await ctx.host.updateComplete;
  const dialog = ctx.host.renderRoot.querySelector('dialog');
  if (!dialog) return;
  modalOf(ctx).open(dialog, opener, {
    initialFocus: dialog.querySelector<HTMLElement>('button.keep'),
    fallback: () => outcome(ctx, target.slot),
  });
}

async function confirmCancel(ctx: CatalogContext): Promise<void> {
  const { state } = ctx;
  const target = state.confirm;
  if (!target || state.pending.has(target.slot)) return;
  const client = ctx.client();
  if (!client) {
    state.put(state.errors, target.slot, notConnected());
    modalOf(ctx).close();
    return;
  }
  state.put(state.pending, target.slot, 'cancel');
  connectOutbox(client);
  try {
    const enrollment = await resourceOf(client, 'enrollments', enrollmentsResource).cancel(target.enrollmentId as EnrollmentId);
    applyCancelled(ctx, target.enrollmentId, enrollment);
    const text = msg('Pendaftaran dibatalkan.');
    state.put(state.results, target.slot, text);
    ctx.announce(text);
    emit(ctx.host, 'asn-enrollment-cancelled', { queued: false, enrollment });
  } catch (error) {
    const entryId = queuedEntryId(error);
    if (entryId) {
      state.put(state.queued, entryId, { kind: 'cancel', slot: target.slot, programId: target.programId, enrollmentId: target.enrollmentId });
      state.put(state.results, target.slot, msg('Menunggu dikirim: pembatalan tersimpan di perangkat ini dan dikirim saat koneksi kembali.'));
      ctx.announce(msg('Anda sedang luring: pembatalan dikirim saat koneksi kembali.'));
      emit(ctx.host, 'asn-enrollment-cancelled', { queued: true, entryId, enrollmentId: target.enrollmentId });
    } else {
      state.put(state.errors, target.slot, cancelError(ctx, error, target.cancelUntil));
      if (isConflict(error)) ctx.schedule();
    }
  } finally {
    state.put(state.pending, target.slot, null);
  }
  await ctx.host.updateComplete;
  modalOf(ctx).close(); // focus goes back to the cancel button, or to the outcome when the button is gone
}

/** The dialog, empty while no cancellation is being confirmed. Its styles come with it (a constructed sheet: CSP-safe). */
export function renderDialog(ctx: CatalogContext): TemplateResult {
  const root = ctx.host.renderRoot;
  for (const sheet of [dialogStyles.styleSheet, cancelDialogStyles.styleSheet]) {
    if (sheet && root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  const target = ctx.state.confirm;
  return renderCancelDialog({
    target,
    busy: target ? ctx.state.pending.get(target.slot) === 'cancel' : false,
    locale: ctx.locale(),
    onConfirm: () => void confirmCancel(ctx),
    onKeep: () => modalOf(ctx).close(),
  });
}

/** A write made offline was sent (show what it did), or refused for good (say why, in Indonesian). */
export function onOutbox(ctx: CatalogContext, event: OutboxEvent): void {
  const { state } = ctx;
  if (event.type !== 'sent' && event.type !== 'failed') return;
  const queued = state.queued.get(event.entry.id);
  if (!queued) return;
  state.put(state.queued, event.entry.id, null);
  const program = ctx.programs()?.find((p) => p.id === queued.programId);
  let text: string;
  if (event.type === 'sent') {
    const enrollment = event.result as Enrollment;
    if (queued.kind === 'enrol') {
      applyEnrolled(ctx, queued.programId, enrollment);
      text = enrolledResultText(enrollment);
    } else {
      applyCancelled(ctx, queued.enrollmentId ?? enrollment.id, enrollment);
      text = msg('Pendaftaran dibatalkan.');
    }
    state.put(state.results, queued.slot, text);
    ctx.announce(program ? `${program.title}: ${text}` : text);
  } else {
    text = queued.kind === 'enrol' ? enrolError(ctx, event.error, program) : cancelError(ctx, event.error, program?.cancelUntil);
    state.put(state.errors, queued.slot, text);
    ctx.announce(text);
  }
  ctx.schedule();
}

/** Why an enrolment was refused, in the ASN's words (the server's `detail` is for developers, in English). */
function enrolError(ctx: CatalogContext, error: unknown, program: Program | undefined): string {
  if (isConflict(error)) {
    // The 409 for a second enrolment names the existing one (`enr_…`); the others are about the enrolment window.
    const detail = (error as { problem?: { detail?: string } }).problem?.detail ?? '';
    if (/\benr_|already|another request/i.test(detail)) return msg('Anda sudah terdaftar di program ini, mungkin dari jendela atau perangkat lain.');
    if (program && ctx.now() < Date.parse(program.enrollFrom)) return msg('Pendaftaran program ini belum dibuka.');
    return msg('Pendaftaran program ini sudah ditutup.');
  }
  return actionError(classifyError(error), msg('Pendaftaran tidak dapat dikirim. Periksa koneksi Anda lalu coba lagi.'), {
    forbidden: msg('Anda tidak dapat mendaftar pada program ini.'),
    auth: msg('Sesi Anda telah berakhir. Masuk kembali, lalu daftar lagi.'),
  });
}

function cancelError(ctx: CatalogContext, error: unknown, cancelUntil: string | undefined): string {
  if (isConflict(error)) {
    return cancelUntil && ctx.now() > Date.parse(cancelUntil)
      ? msg('Batas pembatalan program ini sudah lewat.')
      : msg('Pendaftaran ini tidak dapat dibatalkan lagi karena statusnya sudah berubah. Data terbaru sedang dimuat.');
  }
  return actionError(classifyError(error), msg('Pembatalan tidak dapat dikirim. Periksa koneksi Anda lalu coba lagi.'), {
    forbidden: msg('Anda tidak dapat membatalkan pendaftaran ini.'),
    auth: msg('Sesi Anda telah berakhir. Masuk kembali, lalu batalkan lagi.'),
  });
}

function actionError(kind: ErrorKind, network: string, own: Partial<Record<ErrorKind, string>>): string {
  return errorMessage(kind, {
    offline: network,
    network,
    'not-found': msg('Program atau pendaftaran ini tidak ditemukan lagi.'),
    unknown: msg('Permintaan Anda tidak dapat diproses. Muat ulang halaman, lalu coba lagi.'),
    ...own,
  });
}

/** "Tambahkan ke kalender": the calendar builder is a chunk of its own, fetched the first time it is asked for. */
export async function calendar(ctx: CatalogContext, program: Program): Promise<void> {
  try {
    const { downloadCalendar } = await import('./ics.js');
    downloadCalendar(program, ctx.host.renderRoot, new Date(ctx.now()));
    ctx.announce(msg('Berkas kalender diunduh.'));
  } catch {
    ctx.state.put(ctx.state.errors, program.id, msg('Berkas kalender tidak dapat dibuat. Periksa koneksi Anda lalu coba lagi.'));
  }
}

/** The next page of the catalog, for the same filters (dropped if they changed meanwhile). */
export async function loadMore(ctx: CatalogContext): Promise<void> {
  const { state } = ctx;
  const catalog = ctx.catalog();
  const client = ctx.client();
  if (state.pending.has('') || !catalog?.nextCursor || !client) return;
  state.put(state.pending, '', 'enrol');
  try {
    const page = await resourceOf(client, 'programs', programsResource).list({ ...listQuery(ctx.filters(), catalog.limit), cursor: catalog.nextCursor });
    if (ctx.catalog() !== catalog) return;
    const known = new Set(catalog.items.map((p) => p.id));
    const items = [...catalog.items, ...page.data.filter((p) => !known.has(p.id))];
    ctx.catalog({ ...catalog, items, nextCursor: page.nextCursor });
    ctx.announce(foundText(items.length));
  } catch (error) {
    ctx.announce(errorMessage(classifyError(error), {}));
  } finally {
    state.put(state.pending, '', null);
  }
}
