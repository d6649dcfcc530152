import type { ReactiveControllerHost } from 'lit';

/** The text of a widget's polite live region (`widgetFrame({ announcement })`), re-rendering the host as it changes. */
export class Announcer {
  private _text = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  get text(): string {
    return this._text;
  }

  announce(text: string): void {
    // Cleared first so the same text twice is announced twice.
    this._set('');
    requestAnimationFrame(() => this._set(text));
  }

  private _set(text: string): void {
    if (text === this._text) return;
    this._text = text;
    this.host.requestUpdate();
  }
}
