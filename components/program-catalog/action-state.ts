/**
 * What the catalog's actions leave on its cards and rows: requests in flight, results, refusals, writes waiting
 * in the outbox, the local copy of what changed, and the cancellation being confirmed. Kept here, loaded with the
 * element, so the cards render it at once; the actions themselves (actions.ts) load on demand.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Enrollment, EnrollmentStatus, Program } from '../../src/contract/index.js';
import type { CardState } from './card.js';

/** The enrolment to cancel, as the card or the "Program saya" row knows it. */
export interface CancelTarget {
  /** Where the outcome is shown: the program's card (`prg_…`) or the enrolment's row (`enr_…`). */
  slot: string;
  enrollmentId: string;
  programId: string;
  title: string;
  status: EnrollmentStatus;
  cancelUntil: string;
}

/** The catalog as loaded: the first page for these filters (`key`), and any page loaded after it. */
export interface LoadedCatalog {
  key: string;
  items: Program[];
  nextCursor: string | null;
  /** Page size of the request. */
  limit: number;
}

/** A write waiting in the outbox, and where its outcome is shown. */
export interface Queued {
  kind: 'enrol' | 'cancel';
  /** `prg_…` (an enrolment, or a cancellation made from the card) or `enr_…` (one made from "Program saya"). */
  slot: string;
  programId: string;
  enrollmentId?: string;
}

const EMPTY: CardState = { pending: null, queued: null, result: null, error: null };

export class ActionState {
  /** Per card (`prg_…`) or row (`enr_…`); `''` is the catalog's "load more". */
  readonly pending = new Map<string, 'enrol' | 'cancel'>();
  readonly results = new Map<string, string>();
  readonly errors = new Map<string, string>();
  /** By outbox entry id. */
  readonly queued = new Map<string, Queued>();
  /** What this page changed since the last load, shown until the server's answer replaces it. */
  programOverrides = new Map<string, Program>();
  enrollmentOverrides = new Map<string, Enrollment>();
  confirm: CancelTarget | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Sets (or, with null, clears) an entry and re-renders. */
  put<V>(map: Map<string, V>, key: string, value: V | null): void {
    if (value === null) map.delete(key);
    else map.set(key, value);
    this.host.requestUpdate();
  }

  queuedFor(slot: string, enrollmentId?: string): 'enrol' | 'cancel' | null {
    for (const q of this.queued.values()) {
      if (q.kind === 'enrol' && q.slot === slot) return 'enrol';
      if (q.kind === 'cancel' && (q.slot === slot || (enrollmentId && q.enrollmentId === enrollmentId))) return 'cancel';
    }
    return null;
  }

  of(slot: string, enrollmentId?: string): CardState {
    if (!this.pending.has(slot) && !this.results.has(slot) && !this.errors.has(slot) && this.queued.size === 0) return EMPTY;
    return {
      pending: this.pending.get(slot) ?? null,
      queued: this.queuedFor(slot, enrollmentId),
      result: this.results.get(slot) ?? null,
      error: this.errors.get(slot) ?? null,
    };
  }

  /** Another user signed in: nothing of the previous one's stays on the cards. */
  clear(): void {
    for (const map of [this.pending, this.results, this.errors, this.queued]) map.clear();
    this.reset('programs');
    this.reset('enrollments');
    this.confirm = null;
  }

  /** The server's data arrived: drop the local copies. */
  reset(which: 'programs' | 'enrollments'): void {
    if (which === 'programs') this.programOverrides = new Map();
    else this.enrollmentOverrides = new Map();
  }
}
