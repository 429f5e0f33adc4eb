/** A table row's tint when its deadline has passed (a task, a journalist's enquiry), in the light and the dark theme. */
export const lateTint = (late: boolean) => (late ? (th: { palette: { mode: string } }) => (th.palette.mode === 'dark' ? 'rgba(244,67,54,0.16)' : 'rgba(244,67,54,0.08)') : undefined);
