// The portal's identity provider: OpenID Connect access tokens verified with jose against the provider's JWKS.
// Configuration from the environment (`loadOidcConfig`) and one verifier per configuration (its key cache).
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { envInt } from './env.js';

/** Asymmetric algorithms only: an HMAC "signed" with a public key, or `none`, must never pass (alg confusion). */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface OidcConfig {
  /** The provider's JWKS, e.g. Keycloak's `https://sso…/realms/asn/protocol/openid-connect/certs`. */
  jwksUrl: string;
  /** `iss` of the tokens, exactly (Keycloak: the realm's URL). */
  issuer: string;
  /** `aud` the tokens must carry (one of them). */
  audience: string[];
  /** The claim holding the employee's NIP (`nip` by default). */
  employeeClaim: string;
  /** Accepted clock difference with the provider for `exp`/`nbf`, seconds. */
  clockToleranceS: number;
  /** Least time between two JWKS fetches caused by an unknown `kid` (a flood of made-up kids costs one fetch). */
  cooldownMs: number;
  /** Keys are refetched at the latest after this long (a key the provider dropped stops working). */
  cacheMaxAgeMs: number;
  /** A JWKS fetch slower than this fails (503, not a hanging request). */
  timeoutMs: number;
}

export const OIDC_DEFAULTS = {
  employeeClaim: 'nip',
  clockToleranceS: 60,
  cooldownMs: 30_000,
  cacheMaxAgeMs: 10 * 60_000,
  timeoutMs: 5_000,
} as const;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `ASN_JWKS_URL`, `ASN_JWT_ISSUER`, `ASN_JWT_AUDIENCE` (all three, or none: null), plus the optional
 * `ASN_JWT_EMPLOYEE_CLAIM`, `ASN_JWT_CLOCK_TOLERANCE_S`, `ASN_JWKS_COOLDOWN_S`, `ASN_JWKS_CACHE_MAX_AGE_S`,
 * `ASN_JWKS_TIMEOUT_MS`. Throws a message naming what is missing or wrong.
 */
export function loadOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const names = ['ASN_JWKS_URL', 'ASN_JWT_ISSUER', 'ASN_JWT_AUDIENCE'] as const;
  const [jwksUrl, issuer, audience] = names.map((n) => env[n]?.trim() ?? '');
  const missing = names.filter((_, i) => ![jwksUrl, issuer, audience][i]);
  if (missing.length === names.length) return null;
  if (missing.length > 0) {
    throw new Error(`The identity provider needs ASN_JWKS_URL, ASN_JWT_ISSUER and ASN_JWT_AUDIENCE together; missing: ${missing.join(', ')}`);
  }
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new Error(`ASN_JWKS_URL must be a URL, got "${jwksUrl}"`);
  }
  // Over plain HTTP anyone on the path could hand us their own keys; only a provider on this machine may skip TLS.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error(`ASN_JWKS_URL must be an https:// URL (http:// only for localhost), got "${jwksUrl}"`);
  }
  const employeeClaim = env.ASN_JWT_EMPLOYEE_CLAIM?.trim() || OIDC_DEFAULTS.employeeClaim;
  if (employeeClaim.length > 200) throw new Error('ASN_JWT_EMPLOYEE_CLAIM is too long');
  return {
    jwksUrl: url.href,
    issuer,
    audience: audience.split(',').map((a) => a.trim()).filter(Boolean),
    employeeClaim,
    clockToleranceS: envInt(env, 'ASN_JWT_CLOCK_TOLERANCE_S', OIDC_DEFAULTS.clockToleranceS, 0, 300),
    cooldownMs: envInt(env, 'ASN_JWKS_COOLDOWN_S', OIDC_DEFAULTS.cooldownMs / 1000, 0, 3600) * 1000,
    cacheMaxAgeMs: envInt(env, 'ASN_JWKS_CACHE_MAX_AGE_S', OIDC_DEFAULTS.cacheMaxAgeMs / 1000, 1, 86_400) * 1000,
    timeoutMs: envInt(env, 'ASN_JWKS_TIMEOUT_MS', OIDC_DEFAULTS.timeoutMs, 100, 60_000),
  };
}

/** Why a token was refused: `invalid` → 401 invalid_token; `unavailable` → 503 (the provider's keys could not be had). */
export class OidcError extends Error {
  constructor(
    readonly reason: 'invalid' | 'expired' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

export type OidcVerifier = (token: string) => Promise<JWTPayload>;

/** A verifier with its own key cache; build it once per configuration (`oidcVerifierFor`). */
export function createOidcVerifier(config: OidcConfig): OidcVerifier {
  const keys = createRemoteJWKSet(new URL(config.jwksUrl), {
    cooldownDuration: config.cooldownMs,
    cacheMaxAge: config.cacheMaxAgeMs,
    timeoutDuration: config.timeoutMs,
  });
  const options = {
    algorithms: [...OIDC_ALGORITHMS],
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceS,
    requiredClaims: ['exp'],
  };
  return async (token) => {
    try {
      return (await jwtVerify(token, keys, options)).payload;
    } catch (error) {
      throw toOidcError(error);
    }
  };
}

function toOidcError(error: unknown): OidcError {
  if (error instanceof errors.JWTExpired) return new OidcError('expired', 'The token has expired');
  if (error instanceof errors.JWKSNoMatchingKey) return new OidcError('invalid', 'The token is signed with a key the identity provider does not publish');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const forUs = error.claim === 'iss' || error.claim === 'aud';
    return new OidcError('invalid', forUs ? `The token is not for this API (${error.claim} claim)` : `The token's ${error.claim} claim is missing or invalid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new OidcError('invalid', 'The token is signed with an algorithm this API does not accept (RS256 or ES256)');
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JWKInvalid
  ) {
    return new OidcError('invalid', 'The token is invalid');
  }
  // A timeout, a refused connection, a non-200 or a malformed JWKS: the provider's fault, not the token's.
  console.error('Fetching the identity provider keys failed:', error);
  return new OidcError('unavailable', 'The identity provider keys could not be fetched; try again shortly');
}

const verifiers = new WeakMap<OidcConfig, OidcVerifier>();

/** The verifier of a configuration object, made on first use (so every request shares one key cache). */
export function oidcVerifierFor(config: OidcConfig): OidcVerifier {
  let verifier = verifiers.get(config);
  if (!verifier) {
    verifier = createOidcVerifier(config);
    verifiers.set(config, verifier);
  }
  return verifier;
}
