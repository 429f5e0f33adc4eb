/** A verdict's colour wherever a claim shows: false in red, misleading in amber, true in blue. */
export const VERDICT_COLOR = { false: 'error', misleading: 'warning', unverified: 'default', true: 'info' } as const;
