/**
 * The fields typed in a dialog whose value differs from the record it opened: only those are sent, since another
 * laptop may have changed the rest since the dialog opened (the owner, the status).
 */
export function changedOnly<T extends object>(typed: T, record: object): Partial<T> {
  return Object.fromEntries(Object.entries(typed).filter(([key, value]) => value !== (record as Record<string, unknown>)[key])) as Partial<T>;
}
