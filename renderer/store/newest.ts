/**
 * The newest answer wins. Loads of the same thing follow one another in a burst (the room announces each change, and
 * j opens mention after mention), and the browser answers them over several connections, so an older answer can
 * arrive last: applied, it would put back what the room no longer holds (a mention read again shown as new) until
 * the next change. Each load names what it fills; an answer to a load overtaken by a newer one is dropped.
 */
const started = new Map<string, number>();

/** The answer, or null when a newer load of `what` was started while this one was on its way. */
export async function newest<T>(what: string, answer: Promise<T>): Promise<{ value: T } | null> {
  const mine = (started.get(what) ?? 0) + 1;
  started.set(what, mine);
  const value = await answer;
  return started.get(what) === mine ? { value } : null;
}

/** Applies the answer unless a newer load of `what` overtook it. */
export async function applyNewest<T>(what: string, answer: Promise<T>, apply: (value: T) => void): Promise<void> {
  const got = await newest(what, answer);
  if (got) apply(got.value);
}
