import TimerIcon from '@mui/icons-material/Timer';
import { Chip, Tooltip } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useNow } from '../common/use-now';

function minutesText(ms: number): { h: number; m: number } {
  const total = Math.max(0, Math.round(ms / 60_000));
  return { h: Math.floor(total / 60), m: total % 60 };
}

/** "Next public update due in ..." on every tab of a live incident; red once overdue. A public update resets it. */
export function UpdateTimerChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const timer = useStore((s) => s.updateTimer);
  const load = useStore((s) => s.loadUpdateTimer);
  const now = useNow();
  useEffect(() => {
    void load(incidentId).catch(() => undefined);
  }, [incidentId, load]);
  if (!timer) return null;
  const left = timer.dueAt - now;
  const { h, m } = minutesText(Math.abs(left));
  const label = left >= 0 ? t('updateTimer.dueIn', { h, m }) : t('updateTimer.overdue', { h, m });
  const detail = t('updateTimer.detail', {
    cadence: timer.cadenceMinutes,
    last: timer.lastUpdateAt ? formatTime(timer.lastUpdateAt, language) : t('updateTimer.none'),
    due: formatTime(timer.dueAt, language),
  });
  return (
    <Tooltip title={detail}>
      <Chip size="small" icon={<TimerIcon />} color={left >= 0 ? (left < 15 * 60_000 ? 'warning' : 'default') : 'error'} label={label} data-testid="update-timer" />
    </Tooltip>
  );
}
