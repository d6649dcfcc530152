// The publishable partner key a request came through (README, "Publishable keys").

/** Who called through a `pk_…` key: the key, its partner, its mode, and the `Origin` the browser sent. */
export interface KeyCaller {
  id: string;
  partnerId: string;
  mode: 'test' | 'live';
  /** The request's `Origin` (checked against the key's allowed origins), null when the client sent none. */
  origin: string | null;
}
