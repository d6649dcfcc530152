/** Credentials of one client. The token lives only here: it is written into headers and nowhere else. */
export interface AuthInit {
  token?: string | null;
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  publishableKey?: string;
}

export class Auth {
  #token: string | null;
  #getToken: AuthInit['getToken'];
  readonly #publishableKey: string | undefined;

  constructor(init: AuthInit) {
    this.#token = init.token ?? null;
    this.#getToken = init.getToken;
    this.#publishableKey = init.publishableKey;
  }

  /** Replace the token; `null` signs out (a `getToken` given to createClient is dropped either way). */
  setToken(token: string | null): void {
    this.#token = token;
    this.#getToken = undefined;
  }

  /**
   * Whether `token` is another user's: false for a first sign-in (nobody was signed in: a publishable key is no
   * user) and for a refresh (both JWTs name the same `sub`, read unverified like `identity()`). The event stream
   * keeps its subscriptions unless the user changes.
   */
  changesUser(token: string | null): boolean {
    if (this.#token === null && this.#getToken === undefined) return false;
    if (this.#getToken || this.#token === null || token === null) return true;
    const sub = jwtSubject(this.#token);
    return sub === null || sub !== jwtSubject(token);
  }

  /** A `getToken` may hand out a fresh token after a 401. */
  get refreshable(): boolean {
    return this.#getToken !== undefined;
  }

  get hasCredentials(): boolean {
    return this.#token !== null || this.#getToken !== undefined || this.#publishableKey !== undefined;
  }

  /**
   * Sets `Authorization: Bearer …` on `headers`: the token (`getToken` is asked on every request), else the
   * publishable key. One header, as Stripe does: a signed-in admin previewing a widget acts as themselves.
   */
  async apply(headers: Headers): Promise<void> {
    const credential = (await this.#currentToken()) ?? this.#publishableKey ?? null;
    if (credential) headers.set('Authorization', `Bearer ${credential}`);
    else headers.delete('Authorization');
  }

  /**
   * Whose local state (the outbox) this is, from the credential `apply()` sends: the `sub` of the bearer token's
   * payload, read WITHOUT verifying the signature (the server does that; this only keys local state), else
   * `publishable <key>` (a partner's form: its entries replay only with that key, never under a user's token),
   * else `anonymous` (no credentials, or a token that is not a JWT).
   */
  async identity(): Promise<string> {
    const token = await this.#currentToken();
    if (token) return jwtSubject(token) ?? 'anonymous';
    return this.#publishableKey ? `publishable ${this.#publishableKey}` : 'anonymous';
  }

  async #currentToken(): Promise<string | null> {
    return (this.#getToken ? await this.#getToken() : this.#token) || null;
  }

  /** Never print the secret (console.log(client), util.inspect, JSON.stringify). */
  toJSON(): object {
    return { hasCredentials: this.hasCredentials };
  }
}

/** `sub` from a JWT's payload (unverified), or null. */
export function jwtSubject(token: string): string | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
    const binary = atob(base64);
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub !== '' ? sub : null;
  } catch {
    return null;
  }
}
