// Reading settings from the environment: one rule for every whole-number variable (server/config.ts, server/oidc.ts).

/** `env[name]` as a whole number within [min, max], `fallback` when unset or blank; anything else throws, naming the variable. */
export function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}
