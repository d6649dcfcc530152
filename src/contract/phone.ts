/**
 * Indonesian mobile numbers. Accepts `08…`, `628…`, `+628…` (spaces, dots, dashes and brackets ignored) and
 * gives E.164 `+628…`. Mobile numbers are `+628[1-35-9]` followed by 7–10 digits.
 */
const MOBILE_E164 = /^\+628[1-35-9]\d{7,10}$/;

/** Returns the E.164 form, or null when the input is not an Indonesian mobile number. */
export function normalizeIndonesianMobile(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  let e164: string;
  if (compact.startsWith('+62')) e164 = compact;
  else if (compact.startsWith('62')) e164 = `+${compact}`;
  else if (compact.startsWith('0')) e164 = `+62${compact.slice(1)}`;
  else return null;
  return MOBILE_E164.test(e164) ? e164 : null;
}
