import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HeaderCountChip } from '../common/HeaderCountChip';

/** Claims spreading with no answer out, on the incident's header (red; none: nothing shown); a click opens the claims. */
export function ClaimCountsChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.claimCounts);
  const load = useStore((s) => s.loadClaimCounts);
  const label = t('claims.spreadingCount', { count: counts?.spreading ?? 0 });
  return <HeaderCountChip incidentId={incidentId} load={load} hidden={!counts?.spreading} late={label} open={label} tab="claims" testId="claims" />;
}
