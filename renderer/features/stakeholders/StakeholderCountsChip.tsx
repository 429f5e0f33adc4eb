import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HeaderCountChip } from '../common/HeaderCountChip';

/** Stakeholders still to inform on the incident's header (amber when one is due within the hour, red once one is past due); a click opens the list. */
export function StakeholderCountsChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.stakeholderCounts);
  const load = useStore((s) => s.loadStakeholderCounts);
  return (
    <HeaderCountChip
      incidentId={incidentId}
      load={load}
      hidden={!counts || counts.open === 0}
      late={counts?.overdue ? t('stakeholders.overdueCount', { count: counts.overdue }) : null}
      soon={counts?.dueSoon ? t('stakeholders.dueSoonCount', { count: counts.dueSoon }) : null}
      open={t('stakeholders.openCount', { count: counts?.open ?? 0 })}
      tab="stakeholders"
      testId="stakeholders"
    />
  );
}
