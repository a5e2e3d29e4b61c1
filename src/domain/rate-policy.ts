/** Rates a participant may choose. Slower helps comprehension; faster is never allowed. */
export const ALLOWED_RATES = [0.5, 0.75, 1] as const;
export type AllowedRate = (typeof ALLOWED_RATES)[number];
export const MAX_CREDITED_RATE = 1;

export function isAllowedRate(rate: number): rate is AllowedRate {
  return (ALLOWED_RATES as readonly number[]).includes(rate);
}

/**
 * The rate to apply when something asks for `requested`: an allowed rate is kept, anything else
 * (2x, 1.01x, 0, NaN) reverts to the last allowed rate.
 */
export function clampRate(requested: number, lastAllowed: AllowedRate): AllowedRate {
  return isAllowedRate(requested) ? requested : lastAllowed;
}
