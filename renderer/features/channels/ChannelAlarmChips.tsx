import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HeaderCountChip } from '../common/HeaderCountChip';

const readAbove = () => Promise.resolve();

/**
 * On the incident's header (red; none: nothing shown), opening the channels: the brand's accounts someone else has
 * taken over, and the accounts posing as the brand nobody has reported yet.
 */
export function ChannelAlarmChips({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.channelCounts);
  const load = useStore((s) => s.loadChannelCounts);
  const lost = t('channels.lostCount', { count: counts?.compromised ?? 0 });
  const fakes = t('channels.unreportedCount', { count: counts?.unreported ?? 0 });
  return (
    <>
      <HeaderCountChip incidentId={incidentId} load={load} hidden={!counts?.compromised} late={lost} open={lost} tab="channels" testId="channels-lost" />
      {/* The counts are one call, read by the chip above. */}
      <HeaderCountChip incidentId={incidentId} load={readAbove} hidden={!counts?.unreported} late={fakes} open={fakes} tab="channels" testId="impostors-unreported" />
    </>
  );
}
