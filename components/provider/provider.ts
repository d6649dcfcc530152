import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
// The core client only: widgets reach the resources they call through `resourceOf()`, so a page with one widget
// carries one widget's share of the SDK. A portal that wants the whole SDK passes `createCoreClient()`'s client.
import { createCoreClient, type ClientOptions, type CoreClient, type Hooks } from '../../src/client/index.js';
import { initLocalization, setExplicitLocale } from '../i18n/locale.js';
import { ContextProvider } from '@lit/context';
import { clientContext } from '../shared/context.js';

type GetToken = NonNullable<ClientOptions['getToken']>;

/**
 * Gives the widgets inside it one SDK client: set `base-url` and a credential (`token`, `getToken` or
 * `publishable-key`), or hand it a ready `client`. Widgets inside wait, showing their loading state, until it has
 * credentials, so a portal may sign in after the page (and the bundle) loaded.
 *
 * Credentials may be set before or after the element is defined: properties set on a not-yet-upgraded
 * `<asn-provider>` are picked up when the definition loads. Changing `token` later calls `client.setToken()` and
 * the widgets re-fetch.
 *
 * The locale (`locale` attribute, else `<html lang>`: `en…` → English, anything else → Indonesian) applies to
 * every `pembinaan-asn` widget on the page.
 *
 * @tagname asn-provider
 * @summary Provides the SDK client (and the locale) to every `pembinaan-asn` widget inside it.
 *
 * @attr {string} base-url - API origin, e.g. `https://asn.sorongkota.go.id`. Default: the page's origin.
 * @attr {"id" | "en"} locale - Language of the widgets. Default: from `<html lang>` (`en…` → `en`), else `id`.
 * @attr {string} publishable-key - A partner's publishable key `pk_…` for public embeds.
 *
 * @prop {string | null | undefined} token - A bearer token (JWT) of the signed-in user. Changing it updates the client in place.
 * @prop {(() => string | null | undefined | Promise<string | null | undefined>) | undefined} getToken - Called before every request to get a fresh token.
 * @prop {Hooks | undefined} hooks - ky hooks for the client this element creates (set before it connects; a change recreates the client): trace headers, token refresh on 401, logging. See the README's "Hooks".
 * @prop {CoreClient | null} client - A ready SDK client to share (it wins over `base-url` and credentials; a `token` set later is passed to its `setToken()`). Reading it returns the client in use, so the portal can make mutations through the same client (and its cache).
 *
 * @slot - The portal's markup containing `asn-*` widgets.
 */
export class AsnProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** API origin; defaults to the page's origin. */
  @property({ attribute: 'base-url', reflect: true }) baseUrl?: string;

  /** `id` or `en`; unset: from `<html lang>`. */
  @property({ reflect: true }) locale?: string;

  /** A partner's publishable key `pk_…`. */
  @property({ attribute: 'publishable-key' }) publishableKey?: string;

  /** Bearer token of the signed-in user. */
  @property({ attribute: false }) token?: string | null;

  /** Called before every request to get the current token. */
  @property({ attribute: false }) getToken?: GetToken;

  /** ky hooks for the client this element creates (trace headers, token refresh, logging); see the README. */
  @property({ attribute: false }) hooks?: Hooks;

  private _givenClient: CoreClient | null = null;
  private _ownClient: CoreClient | null = null;
  /** The options `_ownClient` was created with; a change of these recreates it. */
  private _ownKey = '';
  private _ownGetToken: GetToken | undefined;
  private _ownHooks: Hooks | undefined;
  private readonly _provider = new ContextProvider(this, { context: clientContext, initialValue: null });

  constructor() {
    super();
    initLocalization();
  }

  /**
   * The SDK client in use: the one given through this property, else the one this element created
   * (null before it is connected).
   */
  @property({ attribute: false })
  get client(): CoreClient | null {
    return this._givenClient ?? this._ownClient;
  }
  set client(value: CoreClient | null | undefined) {
    this._givenClient = value ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._sync(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Closing drops the event stream; a provider moved elsewhere in the page gets a fresh client.
    this._ownClient?.close();
    this._ownClient = null;
    this._ownKey = '';
    this._provider.setValue(null);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) void setExplicitLocale(this.locale ?? null);
    const tokenChanged = changed.has('token');
    this._sync(tokenChanged);
  }

  /** Creates, updates or drops the client and provides it when it can make authenticated requests. */
  private _sync(tokenChanged: boolean): void {
    if (!this.isConnected) return;
    if (this._givenClient) {
      if (this._ownClient) {
        this._ownClient.close();
        this._ownClient = null;
        this._ownKey = '';
      }
      // A portal that sets `token` beside its own client expects the same as without one: the client uses it
      // and the widgets re-fetch as the new user.
      if (tokenChanged && this.token !== undefined) this._givenClient.setToken(this.token ?? null);
      this._provide(this._givenClient, tokenChanged);
      return;
    }
    const baseUrl = this.baseUrl || (typeof location !== 'undefined' ? location.origin : '');
    const key = `${baseUrl}\n${this.publishableKey ?? ''}`;
    if (!this._ownClient || key !== this._ownKey || this.getToken !== this._ownGetToken || this.hooks !== this._ownHooks) {
      this._ownClient?.close();
      this._ownClient = createCoreClient({
        baseUrl,
        ...(this.token ? { token: this.token } : {}),
        ...(this.getToken ? { getToken: this.getToken } : {}),
        ...(this.publishableKey ? { publishableKey: this.publishableKey } : {}),
        ...(this.hooks ? { hooks: this.hooks } : {}),
      });
      this._ownHooks = this.hooks;
      this._ownKey = key;
      this._ownGetToken = this.getToken;
      tokenChanged = false;
    } else if (tokenChanged) {
      this._ownClient.setToken(this.token ?? null);
    }
    const hasCredentials = Boolean(this.token || this.getToken || this.publishableKey);
    this._provide(hasCredentials ? this._ownClient : null, tokenChanged);
  }

  private _provide(value: CoreClient | null, force: boolean): void {
    if (this._provider.value !== value || force) this._provider.setValue(value, force);
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asn-provider': AsnProvider;
  }
}
