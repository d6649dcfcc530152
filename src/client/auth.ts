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

  /** Never print the secret (console.log(client), util.inspect, JSON.stringify). */
  toJSON(): object {
    return { hasCredentials: this.hasCredentials };
  }
}
