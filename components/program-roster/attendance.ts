import type { Enrollment } from '../../src/contract/index.js';

/**
 * The attendance of one program as `<asn-program-roster>` shows it: per session, who the server has as present,
 * and the ticks made here that are not saved yet. Lookups are O(1) (a Set per session, a Map of unsaved ticks per
 * session), so a 500-row grid renders without scanning the roster per checkbox.
 *
 * Unsaved ticks survive a reload of the roster (a live update): a tick is dropped only once the server's state
 * equals it.
 */
export class AttendanceSheet {
  /** Session number (from 1) → ids present, as last loaded or saved. */
  #saved = new Map<number, Set<string>>();
  /** Session number → id → the value ticked here, kept only while it differs from `#saved`. */
  #edits = new Map<number, Map<string, boolean>>();

  /** Takes the server's attendance from the roster (`attended` session numbers); unsaved ticks stay. */
  load(people: readonly Enrollment[]): void {
    const saved = new Map<number, Set<string>>();
    for (const person of people) {
      for (const n of person.attended) {
        let set = saved.get(n);
        if (!set) saved.set(n, (set = new Set()));
        set.add(person.employeeId);
      }
    }
    this.#saved = saved;
    for (const [n, edits] of [...this.#edits]) {
      for (const [id, value] of [...edits]) if (this.#savedHas(id, n) === value) edits.delete(id);
      if (edits.size === 0) this.#edits.delete(n);
    }
  }

  #savedHas(id: string, n: number): boolean {
    return this.#saved.get(n)?.has(id) ?? false;
  }

  /** Whether `id` is marked present at session `n`, unsaved ticks included. */
  has(id: string, n: number): boolean {
    return this.#edits.get(n)?.get(id) ?? this.#savedHas(id, n);
  }

  /** Whether the mark of `id` at session `n` is an unsaved tick. */
  isChanged(id: string, n: number): boolean {
    return this.#edits.get(n)?.has(id) ?? false;
  }

  set(id: string, n: number, present: boolean): void {
    let edits = this.#edits.get(n);
    if (this.#savedHas(id, n) === present) {
      edits?.delete(id);
      if (edits?.size === 0) this.#edits.delete(n);
      return;
    }
    if (!edits) this.#edits.set(n, (edits = new Map()));
    edits.set(id, present);
  }

  /** Number of unsaved ticks at session `n`. */
  changes(n: number): number {
    return this.#edits.get(n)?.size ?? 0;
  }

  /** Sessions with unsaved ticks, in order. */
  dirtySessions(): number[] {
    return [...this.#edits.keys()].sort((a, b) => a - b);
  }

  /** The ids of the unsaved ticks at session `n` now (what a save about to start carries). */
  editedIds(n: number): string[] {
    return [...(this.#edits.get(n)?.keys() ?? [])];
  }

  /** Everyone of `ids` marked present at session `n`, in the order of `ids` (the body of a save). */
  presentIds(ids: readonly string[], n: number): string[] {
    return ids.filter((id) => this.has(id, n));
  }

  /**
   * A save of session `n` answered: `present` is the server's state now. Ticks made while the save was on its
   * way (also one that undid a tick it carried, `sent`) stay unsaved; the rest are saved.
   */
  commit(n: number, present: readonly string[], sent: readonly string[]): void {
    const touched = new Set([...sent, ...this.editedIds(n)]);
    const wanted = [...touched].map((id) => [id, this.has(id, n)] as const);
    this.#saved.set(n, new Set(present));
    this.#edits.delete(n);
    for (const [id, value] of wanted) this.set(id, n, value);
  }

  /** Forgets every unsaved tick (the program was completed: attendance is final). */
  clearEdits(): void {
    this.#edits.clear();
  }

  /** Sessions `id` attended (of `sessions`), unsaved ticks included. */
  attended(id: string, sessions: number): number {
    let count = 0;
    for (let n = 1; n <= sessions; n++) if (this.has(id, n)) count++;
    return count;
  }

  /** Of `ids`, how many attended at least `threshold` of `sessions` sessions, and how many did not. */
  tally(ids: readonly string[], sessions: number, threshold: number): { credited: number; notCredited: number } {
    let credited = 0;
    for (const id of ids) if (this.attended(id, sessions) >= threshold) credited++;
    return { credited, notCredited: ids.length - credited };
  }
}
