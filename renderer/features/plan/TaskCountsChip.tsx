import { Chip } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Open and overdue tasks on the incident's header, on every tab; a click opens the plan. */
export function TaskCountsChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.taskCounts);
  const load = useStore((s) => s.loadTaskCounts);
  const navigate = useStore((s) => s.navigate);
  useEffect(() => {
    void load(incidentId).catch(() => undefined);
    // Deadlines pass without any event: re-count every minute.
    const tick = setInterval(() => void load(incidentId).catch(() => undefined), 60_000);
    return () => clearInterval(tick);
  }, [incidentId, load]);
  if (!counts || counts.total === 0) return null;
  const open = () => navigate({ name: 'incident', id: incidentId, tab: 'plan' });
  return counts.overdue > 0 ? (
    <Chip size="small" color="error" label={t('plan.overdueCount', { count: counts.overdue })} onClick={open} data-testid="tasks-overdue" />
  ) : (
    <Chip size="small" variant="outlined" label={t('plan.openCount', { count: counts.open })} onClick={open} data-testid="tasks-open" />
  );
}
