/**
 * Imported FIRST by `create-client.ts`, before any schema is parsed.
 *
 * Zod compiles object parsers with `new Function(...)` for speed and, to find out whether it may, probes
 * `new Function` once. On a government portal whose Content-Security-Policy has no `'unsafe-eval'` that probe
 * is itself a CSP violation: the browser reports it (console error, `securitypolicyviolation` event, report-uri)
 * even though zod then falls back. `jitless: true` makes zod skip the probe and the compiled parsers entirely,
 * so embedding the SDK never trips a strict CSP. The parsers we run are small; the speed difference is moot.
 *
 * Note: `z.config` is global to the zod instance, so a host page that shares our zod copy also becomes jitless.
 */
import { z } from 'zod/mini';

z.config({ jitless: true });

export const zodJitless = true;
