import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HeaderCountChip } from '../common/HeaderCountChip';

/** The brand's accounts someone else has taken over, on the incident's header (red; none: nothing shown). */
export function ChannelsLostChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.channelCounts);
  const load = useStore((s) => s.loadChannelCounts);
  const label = t('channels.lostCount', { count: counts?.compromised ?? 0 });
  return <HeaderCountChip incidentId={incidentId} load={load} hidden={!counts?.compromised} late={label} open={label} tab="channels" testId="channels-lost" />;
}
