/**
 * The part of `@lit/task`'s `Task` the widgets use: re-run an async load when its arguments change, abort the
 * previous run, ignore stale results, and re-render the host on each state change.
 *
 * Why not `@lit/task`: it cost ~0.6 KB gzipped more than this in the single-widget bundle, whose budget is
 * 30 KB (issue #2), for `render()`, `taskComplete`, `autoRun` modes and `initialValue` no widget uses. The names
 * and semantics match @lit/task 1.0, so switching back is an import change.
 */
import { notEqual, type ReactiveController, type ReactiveControllerHost } from 'lit';

export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Returned by a task to go back to the INITIAL state (nothing to load yet). */
export const initialState: unique symbol = Symbol();

export interface TaskConfig<A extends readonly unknown[], R> {
  args: () => A;
  task: (args: A, options: { signal: AbortSignal }) => R | typeof initialState | Promise<R | typeof initialState>;
  onComplete?: (value: R) => unknown;
  onError?: (error: unknown) => unknown;
}

export class Task<A extends readonly unknown[], R> implements ReactiveController {
  #host: ReactiveControllerHost;
  #config: TaskConfig<A, R>;
  #previousArgs: A | undefined;
  #callId = 0;
  #abort: AbortController | undefined;
  #status: TaskStatus = TaskStatus.INITIAL;
  #value: R | undefined;
  #error: unknown;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#config = config;
  }

  get status(): TaskStatus {
    return this.#status;
  }

  get value(): R | undefined {
    return this.#value;
  }

  get error(): unknown {
    return this.#error;
  }

  /** Before each host update: run when the arguments changed (shallow comparison, as Lit compares properties). */
  hostUpdate(): void {
    const args = this.#config.args();
    const prev = this.#previousArgs;
    if (prev === undefined || prev.length !== args.length || args.some((v, i) => notEqual(v, prev[i]))) void this.run(args);
  }

  /** Runs now (with the current arguments unless given), aborting a run in flight. Never rejects. */
  async run(args: A = this.#config.args()): Promise<void> {
    this.#previousArgs = args;
    if (this.#status === TaskStatus.PENDING) this.#abort?.abort();
    this.#status = TaskStatus.PENDING;
    this.#host.requestUpdate();
    const key = ++this.#callId;
    const abort = (this.#abort = new AbortController());
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.#config.task(args, { signal: abort.signal });
    } catch (e) {
      failed = true;
      error = e;
    }
    if (key !== this.#callId) return; // a newer run owns the state
    if (result === initialState) this.#status = TaskStatus.INITIAL;
    else {
      try {
        if (failed) this.#config.onError?.(error);
        else this.#config.onComplete?.(result as R);
      } catch {
        // a callback's failure must not wedge the task (as in @lit/task)
      }
      this.#status = failed ? TaskStatus.ERROR : TaskStatus.COMPLETE;
      this.#value = result as R | undefined;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }
}
