import type { Said } from '../../shared/errors';
import { saidError } from './said-error';

/**
 * A time people give (a call received, a stakeholder told) may be a little ahead of this laptop's clock: another
 * laptop's clock runs fast. Tomorrow is a typo.
 */
const CLOCK_SKEW_MS = 5 * 60_000;

export function isInFuture(at: number, now: number): boolean {
  return at > now + CLOCK_SKEW_MS;
}

/** When something happened: the time people gave (refused, saying `future`, when it is ahead of the clock), else now. */
export function givenTime(given: number | undefined, now: number, future: Said['key']): number {
  if (given !== undefined && isInFuture(given, now)) throw saidError('BAD_REQUEST', future, {});
  return given ?? now;
}
