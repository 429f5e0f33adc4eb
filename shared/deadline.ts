/** Something owed by a time (an outlet's deadline, a stakeholder to inform): late once it passed while still owed. */
export function isPastDeadline(deadlineAt: number | null, owed: boolean, now: number): boolean {
  return owed && deadlineAt !== null && deadlineAt < now;
}

/** Still owed, not yet late, and due within `soonMs`: time to have the words approved and ready. */
export function isDeadlineNear(deadlineAt: number | null, owed: boolean, now: number, soonMs: number): boolean {
  return owed && deadlineAt !== null && deadlineAt >= now && deadlineAt - now <= soonMs;
}
