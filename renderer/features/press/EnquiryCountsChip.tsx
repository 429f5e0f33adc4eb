import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HeaderCountChip } from '../common/HeaderCountChip';

/** Journalists waiting for an answer on the incident's header (amber when a deadline is near, red once one passed); a click opens the press desk. */
export function EnquiryCountsChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.enquiryCounts);
  const load = useStore((s) => s.loadEnquiryCounts);
  return (
    <HeaderCountChip
      incidentId={incidentId}
      load={load}
      hidden={!counts || counts.open === 0}
      late={counts?.overdue ? t('press.overdueCount', { count: counts.overdue }) : null}
      soon={counts?.dueSoon ? t('press.dueSoonCount', { count: counts.dueSoon }) : null}
      open={t('press.openCount', { count: counts?.open ?? 0 })}
      tab="press"
      testId="enquiries"
    />
  );
}
