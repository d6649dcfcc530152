import type { ReactiveControllerHost } from 'lit';

/**
 * Where focus goes after a Retry the user pressed: the Retry button is replaced by the list or by a new error state,
 * so focus moves to the title when the load worked and to the new Retry button when it failed again.
 */
export class RetryFocus {
  private _pending = false;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }) {}

  /** The user pressed Retry: the next `settle()` moves focus. */
  arm(): void {
    this._pending = true;
  }

  /** The retried load ended: focus `selector` once rendered, if a retry was armed. */
  settle(selector: string): void {
    if (!this._pending) return;
    this._pending = false;
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }
}
