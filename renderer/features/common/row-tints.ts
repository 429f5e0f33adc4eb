/** A table row's tint when its deadline has passed (a task, a journalist's enquiry), in the light and the dark theme. */
// Red words on it stay at 4.6:1 or more (WCAG AA asks 4.5:1; 8% light and 16% dark fell just short).
export const lateTint = (late: boolean) => (late ? (th: { palette: { mode: string } }) => (th.palette.mode === 'dark' ? 'rgba(244,67,54,0.12)' : 'rgba(244,67,54,0.06)') : undefined);

/**
 * A finished row (a task done, an enquiry answered) in grey words rather than faded: fading took every word, and the
 * chips' colours, under the contrast small text needs (WCAG AA 4.5:1).
 */
export const FINISHED_ROW = { '& td, & td .MuiTypography-root': { color: 'text.secondary' } } as const;
