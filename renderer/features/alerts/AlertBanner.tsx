import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Alert as MuiAlert, Box, Button, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/analytics';
import { alertWords } from '../../../shared/timeline-words';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useWording } from '../common/use-wording';

const PRIORITY: Alert['kind'][] = ['volume', 'negative_share', 'copies', 'new_term', 'influencer'];
/** Unfolded, the banner lists this many; the rest are on the timeline. */
const UNFOLDED = 6;

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
  // Folded, only the most pressing alert shows (with how many others wait): three full banners on every tab pushed
  // the tab's own work below the fold of a laptop screen. Unfolding stays while this incident is open (keyed by it).
  const [unfolded, setUnfolded] = useState(false);
  if (!open.length) return null;
  const shown = open.slice(0, unfolded ? UNFOLDED : 1);
  return (
    <Stack spacing={0.5} data-testid="alert-banner">
      {shown.map((a) => (
        <MuiAlert
          key={a.id}
          severity={a.kind === 'influencer' ? 'warning' : 'error'}
          data-testid={`alert-${a.kind}`}
          // Dense, and on a phone (the room's QR code) the buttons go under the text instead of squeezing it into a column.
          sx={{ py: 0, flexWrap: { xs: 'wrap', sm: 'nowrap' }, '& .MuiAlert-action': { pt: 0, alignItems: 'center', width: { xs: '100%', sm: 'auto' }, justifyContent: 'flex-end' } }}
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
      {open.length > 1 && (
        <Box>
          <Button size="small" color="inherit" onClick={() => setUnfolded(!unfolded)} aria-expanded={unfolded} startIcon={unfolded ? <ExpandLessIcon /> : <ExpandMoreIcon />} data-testid="alert-fold">
            {unfolded ? t('alerts.fewer') : t('alerts.others', { count: open.length - 1 })}
          </Button>
          {unfolded && open.length > UNFOLDED && (
            <Box component="span" sx={{ mx: 1, typography: 'body2', color: 'text.secondary' }} data-testid="alert-more">
              {t('alerts.more', { count: open.length - UNFOLDED })}
            </Box>
          )}
        </Box>
      )}
    </Stack>
  );
}
