/**
 * The proof of work that slows bots without any third-party tracker: a challenge fetched from our own API the
 * first time the student focuses the form, solved on the page (solver.ts, in the chunk loaded then) while they type.
 * A solution is single use: once the server has seen it, the next try needs a fresh one. An expired one is
 * replaced at submit.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Challenge } from '../../src/contract/index.js';

export type BotCheckState = 'idle' | 'working' | 'ready' | 'failed';

/** Seconds a solution must still be valid for when it is sent (the request itself takes a while on 2G). */
const MARGIN_MS = 30_000;

type Solver = Pick<typeof import('./solver.js'), 'solve'>;

export class BotCheck {
  state: BotCheckState = 'idle';
  #payload: string | null = null;
  #expiresAt = Number.POSITIVE_INFINITY;
  #running: Promise<string> | null = null;
  #abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchChallenge: (signal: AbortSignal) => Promise<Challenge>,
    private readonly loadSolver: () => Promise<Solver>,
  ) {}

  /** Starts fetching and solving unless a valid solution is there or one is being worked out. */
  start(): void {
    this.payload().catch(() => undefined); // failures show as `failed`; submit tries again
  }

  /** A solution to send now: the one at hand while it is valid, else a fresh one (waits for it). */
  payload(): Promise<string> {
    if (this.#payload && Date.now() < this.#expiresAt - MARGIN_MS) return Promise.resolve(this.#payload);
    if (this.#running) return this.#running;
    this.#payload = null;
    const abort = (this.#abort = new AbortController());
    const run = (async () => {
      this.#set('working');
      const challenge = await this.fetchChallenge(abort.signal);
      const { solve } = await this.loadSolver();
      const payload = await solve(challenge, abort.signal);
      if (!payload) throw new Error('The challenge was not solved in time');
      const expires = challenge.parameters.expiresAt;
      if (!abort.signal.aborted) {
        this.#payload = payload;
        this.#expiresAt = typeof expires === 'number' ? expires * 1000 : Number.POSITIVE_INFINITY;
        this.#set('ready');
      }
      return payload;
    })();
    this.#running = run;
    run.then(
      () => this.#done(run),
      () => {
        this.#done(run);
        if (!abort.signal.aborted) this.#set('failed');
      },
    );
    return run;
  }

  /** The server has seen the solution (accepted or refused): it cannot be sent again. */
  used(): void {
    this.#payload = null;
    if (!this.#running) this.#set('idle');
  }

  /** Stops any work (another opening, the element left the page). */
  reset(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#running = null;
    this.#payload = null;
    this.#set('idle');
  }

  #done(run: Promise<string>): void {
    if (this.#running === run) this.#running = null;
  }

  #set(state: BotCheckState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}
