import { Chip } from '@mui/material';
import { useEffect } from 'react';
import { useStore } from '../../store';
import type { IncidentTab } from '../../store/route-slice';

type Props = {
  incidentId: string;
  /** Reads the counts into the store. */
  load(incidentId: string): Promise<void>;
  /** Nothing to show (no counts yet, or nothing to say). */
  hidden: boolean;
  /** The late ones' label when some are late (a red chip), else those due soon (amber), else the open ones'. */
  late: string | null;
  soon?: string | null;
  open: string;
  tab: IncidentTab;
  testId: string;
};

/**
 * A count on the incident's header, on every tab: red once something is late, else how many are open; a click opens
 * the tab where they are worked. Deadlines pass without any event, so it is re-read every minute.
 */
export function HeaderCountChip({ incidentId, load, hidden, late, soon = null, open, tab, testId }: Props) {
  const navigate = useStore((s) => s.navigate);
  useEffect(() => {
    void load(incidentId).catch(() => undefined);
    const tick = setInterval(() => void load(incidentId).catch(() => undefined), 60_000);
    return () => clearInterval(tick);
  }, [incidentId, load]);
  if (hidden) return null;
  const go = () => navigate({ name: 'incident', id: incidentId, tab });
  if (late) return <Chip size="small" color="error" label={late} onClick={go} data-testid={`${testId}-overdue`} />;
  if (soon) return <Chip size="small" color="warning" label={soon} onClick={go} data-testid={`${testId}-due-soon`} />;
  return (
    <Chip size="small" variant="outlined" label={open} onClick={go} data-testid={`${testId}-open`} />
  );
}
