/** A channel's posting state on a chip: taken over is the emergency, held posts a deliberate caution. */
export const POSTING_COLOR = { as_usual: 'default', paused: 'warning', compromised: 'error' } as const;
