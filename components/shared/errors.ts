import { msg } from '@lit/localize';

/**
 * What kind of failure an error from the SDK is, judged by shape (`status`, `name`) rather than by class, so it
 * works across two copies of the library and before/after the SDK's error classes change.
 */
export type ErrorKind = 'offline' | 'network' | 'timeout' | 'auth' | 'forbidden' | 'not-found' | 'rate-limit' | 'server' | 'unknown';

export function classifyError(error: unknown): ErrorKind {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  const e = error as { name?: unknown; status?: unknown } | null | undefined;
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const name = typeof e?.name === 'string' ? e.name : '';
  if (status === 401 || name === 'AuthenticationError') return 'auth';
  if (status === 403 || name === 'PermissionError') return 'forbidden';
  if (status === 404 || name === 'NotFoundError') return 'not-found';
  if (status === 429 || name === 'RateLimitError') return 'rate-limit';
  if (name === 'TimeoutError') return 'timeout';
  if (name === 'NetworkError' || error instanceof TypeError) return 'network';
  if (status !== undefined && status >= 500) return 'server';
  return 'unknown';
}

/** The messages a widget words its own way: what it could not show or do, for whom. */
export type OwnErrorMessages = Partial<Record<ErrorKind, string>>;

/** What to tell the user about a failure: the widget's own wording for this kind, else the shared one. */
export function errorMessage(kind: ErrorKind, own: OwnErrorMessages): string {
  if (own[kind]) return own[kind];
  switch (kind) {
    case 'offline':
      return msg('Anda sedang luring. Sambungkan ke internet lalu coba lagi.');
    case 'network':
      return msg('Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.');
    case 'timeout':
      return msg('Server terlalu lama merespons. Jaringan mungkin sedang lambat; coba lagi.');
    case 'rate-limit':
      return msg('Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.');
    default:
      return msg('Terjadi gangguan pada server. Silakan coba beberapa saat lagi.');
  }
}
