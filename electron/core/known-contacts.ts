/**
 * People the room dealt with before (journalists, stakeholders), one per key from rows read newest first: the newest
 * row, how many rows there were, and the newest contact given (a later row without one does not blank it).
 */
export function latestPerKey<R extends { contact: string }>(rows: Iterable<R>, keyOf: (r: R) => string, limit: number): { row: R; count: number; contact: string }[] {
  const byKey = new Map<string, { row: R; count: number; contact: string }>();
  for (const row of rows) {
    const key = keyOf(row);
    const known = byKey.get(key);
    if (!known) {
      if (byKey.size < limit) byKey.set(key, { row, count: 1, contact: row.contact });
      continue;
    }
    known.count += 1;
    if (!known.contact.trim()) known.contact = row.contact;
  }
  return [...byKey.values()];
}
