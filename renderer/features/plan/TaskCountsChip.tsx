import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HeaderCountChip } from '../common/HeaderCountChip';

/** Open and overdue tasks on the incident's header; a click opens the plan. */
export function TaskCountsChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.taskCounts);
  const load = useStore((s) => s.loadTaskCounts);
  return (
    <HeaderCountChip
      incidentId={incidentId}
      load={load}
      hidden={!counts || counts.total === 0}
      late={counts?.overdue ? t('plan.overdueCount', { count: counts.overdue }) : null}
      open={t('plan.openCount', { count: counts?.open ?? 0 })}
      tab="plan"
      testId="tasks"
    />
  );
}
