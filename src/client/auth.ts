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
   * user) and for a refresh (both JWTs name the same `sub`, read unverified like `subject()`). The event stream
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

  /** Sets Authorization / X-Publishable-Key on `headers`; `getToken` is asked on every request. */
  async apply(headers: Headers): Promise<void> {
    const token = this.#getToken ? ((await this.#getToken()) ?? null) : this.#token;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    else headers.delete('Authorization');
    if (this.#publishableKey) headers.set('X-Publishable-Key', this.#publishableKey);
  }

  /**
   * The `sub` of the current bearer token's payload, read WITHOUT verifying the signature (the server does that):
   * it only keys per-user local state such as the outbox. Null without a token or when it is not a JWT.
   */
  async subject(): Promise<string | null> {
    const token = this.#getToken ? ((await this.#getToken()) ?? null) : this.#token;
    return token ? jwtSubject(token) : null;
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
