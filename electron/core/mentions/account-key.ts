/**
 * One account of a platform, as Firebreak tells accounts apart: its handle, else its name (an export may give
 * either); null when the export names nobody. The same handle on two platforms is two accounts.
 */
export function accountKey(m: { platform: string; handle: string | null; author: string | null }): string | null {
  const account = m.handle ?? m.author;
  return account === null ? null : `${m.platform}\u0000${account}`;
}
