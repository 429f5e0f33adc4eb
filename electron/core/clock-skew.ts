/**
 * A time people give (a call received, a stakeholder told) may be a little ahead of this laptop's clock: another
 * laptop's clock runs fast. Tomorrow is a typo.
 */
const CLOCK_SKEW_MS = 5 * 60_000;

export function isInFuture(at: number, now: number): boolean {
  return at > now + CLOCK_SKEW_MS;
}
