import { Chip, Stack } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Unread, awaiting response, responded, overdue: on the incident's header, on every tab. */
export function TriageCountsBar({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.triageCounts);
  const load = useStore((s) => s.loadTriageCounts);
  const navigate = useStore((s) => s.navigate);
  useEffect(() => {
    void load(incidentId).catch(() => undefined);
  }, [incidentId, load]);
  if (!counts) return null;
  const open = () => navigate({ name: 'incident', id: incidentId, tab: 'triage' });
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="triage-counts">
      <Chip size="small" label={t('triage.unread', { count: counts.unread })} onClick={open} data-testid="count-unread" />
      <Chip size="small" color="warning" variant="outlined" label={t('triage.awaiting', { count: counts.awaiting })} onClick={open} data-testid="count-awaiting" />
      <Chip size="small" color="success" variant="outlined" label={t('triage.responded', { count: counts.responded })} onClick={open} data-testid="count-responded" />
      {counts.overdue > 0 && <Chip size="small" color="error" label={t('triage.overdue', { count: counts.overdue })} onClick={open} data-testid="count-overdue" />}
    </Stack>
  );
}
