/**
 * Wraps text quoted inside a translated line (a file name, a person's note, a value from an export) in Unicode
 * isolates (U+2068 … U+2069): it keeps its own direction, and neither reorders the sentence around it nor takes a
 * neighbouring number with it ("report.csv: ۱ جدید" would otherwise show the ۱ beside the file name). Numbers pass
 * as they are, for the string to format.
 */
export function isolate<T extends string | number>(value: T): T {
  return (typeof value === 'string' ? `\u2068${value}\u2069` : value) as T;
}

/** Every value a translated line quotes (the figures and names of a problem, a refusal, a timeline line), isolated. */
export function isolateAll(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isolate(v)]));
}
