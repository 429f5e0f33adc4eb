import { Alert as MuiAlert, Button, Stack } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/analytics';
import { alertWords } from '../../../shared/timeline-words';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useWording } from '../common/use-wording';

const PRIORITY: Alert['kind'][] = ['volume', 'negative_share', 'new_term', 'influencer'];

/** One line per alert kind, localised from the alert's own figures. */
export function useAlertText(): (a: Alert) => string {
  const wording = useWording();
  return (a) => alertWords(a, wording);
}

/** Unacknowledged alerts on every tab of the incident: acknowledge (who, when) or open the mentions behind them. */
export function AlertBanner({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const alerts = useStore((s) => s.alerts);
  const loadAlerts = useStore((s) => s.loadAlerts);
  const acknowledge = useStore((s) => s.acknowledgeAlert);
  const showMentions = useStore((s) => s.showMentions);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const text = useAlertText();
  useEffect(() => {
    void loadAlerts(incidentId).catch(() => undefined);
  }, [incidentId, loadAlerts]);
  // Spikes before single big accounts: they say the fire is spreading.
  const open = alerts
    .filter((a) => a.incidentId === incidentId && a.acknowledgedAt === null)
    .sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.windowStart - a.windowStart);
  if (!open.length) return null;
  return (
    <Stack spacing={1} data-testid="alert-banner">
      {open.slice(0, 3).map((a) => (
        <MuiAlert
          key={a.id}
          severity={a.kind === 'influencer' ? 'warning' : 'error'}
          data-testid={`alert-${a.kind}`}
          // On a phone (the room's QR code) the buttons go under the text instead of squeezing it into a column.
          sx={{ flexWrap: { xs: 'wrap', sm: 'nowrap' }, '& .MuiAlert-action': { width: { xs: '100%', sm: 'auto' }, justifyContent: 'flex-end' } }}
          action={
            <Stack direction="row" spacing={1}>
              <Button color="inherit" size="small" onClick={() => void showMentions(incidentId, a.filter)} data-testid="alert-show">
                {t('alerts.show')}
              </Button>
              <Button color="inherit" size="small" variant="outlined" onClick={() => void acknowledge(a.id).catch((err: unknown) => notify('error', errorText(err)))} data-testid="alert-ack">
                {t('alerts.acknowledge')}
              </Button>
            </Stack>
          }
        >
          <span dir="auto">{text(a)}</span>
        </MuiAlert>
      ))}
      {open.length > 3 && <MuiAlert severity="info">{t('alerts.more', { count: open.length - 3 })}</MuiAlert>}
    </Stack>
  );
}
