import SummarizeIcon from '@mui/icons-material/Summarize';
import TimerIcon from '@mui/icons-material/Timer';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { DeadlineChip } from './DeadlineChip';

/**
 * "Next public update due in ..." on every tab of a live incident, and "Next situation report due in ..." when the
 * incident has a schedule for them; red once overdue. A public update, or a report marked as sent, resets its own.
 */
export function UpdateTimerChips({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const update = useStore((s) => s.updateTimer);
  const sitrep = useStore((s) => s.sitrepTimer);
  const load = useStore((s) => s.loadTimers);
  useEffect(() => {
    void load(incidentId).catch(() => undefined);
  }, [incidentId, load]);
  const at = (ms: number | null) => (ms ? formatTime(ms, language) : t('updateTimer.none'));
  return (
    <>
      {update && (
        <DeadlineChip
          dueAt={update.dueAt}
          icon={<TimerIcon />}
          testId="update-timer"
          label={(span, late) => t(late ? 'updateTimer.overdue' : 'updateTimer.dueIn', span)}
          detail={t('updateTimer.detail', { cadence: update.cadenceMinutes, last: at(update.lastUpdateAt), due: at(update.dueAt) })}
        />
      )}
      {sitrep && (
        <DeadlineChip
          dueAt={sitrep.dueAt}
          icon={<SummarizeIcon />}
          testId="sitrep-timer"
          label={(span, late) => t(late ? 'sitrep.timerOverdue' : 'sitrep.timerDueIn', span)}
          detail={t('sitrep.timerDetail', { every: t(`sitrep.every.${sitrep.everyMinutes}`), last: at(sitrep.lastSentAt), due: at(sitrep.dueAt) })}
        />
      )}
    </>
  );
}
