import { Chip, Tooltip } from '@mui/material';
import type { ReactElement } from 'react';
import { useNow } from '../common/use-now';

/**
 * Hours and minutes of a span, for "due in 1 h 20 min" and "overdue by 0 h 5 min". A part minute counts as one:
 * rounded, a deadline 20 s past read "overdue by 0 h 0 min" in red, as if nothing were late.
 */
function hoursMinutes(ms: number): { h: number; m: number } {
  const total = Math.max(0, Math.ceil(ms / 60_000));
  return { h: Math.floor(total / 60), m: total % 60 };
}

/** A countdown in the incident's header: amber in its last quarter hour, red once overdue. */
export function DeadlineChip(props: { dueAt: number; icon: ReactElement; detail: string; testId: string; label(span: { h: number; m: number }, late: boolean): string }) {
  const now = useNow();
  const left = props.dueAt - now;
  return (
    <Tooltip title={props.detail}>
      <Chip
        size="small"
        icon={props.icon}
        color={left >= 0 ? (left < 15 * 60_000 ? 'warning' : 'default') : 'error'}
        label={props.label(hoursMinutes(Math.abs(left)), left < 0)}
        data-testid={props.testId}
      />
    </Tooltip>
  );
}
