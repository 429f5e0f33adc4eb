import { Chip } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** On every tab: statements waiting for a decision from the person at this laptop. */
export function WaitingForMeChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const waiting = useStore((s) => s.waitingForMe);
  const load = useStore((s) => s.loadWaitingForMe);
  const actor = useStore((s) => s.actor);
  const navigate = useStore((s) => s.navigate);
  useEffect(() => {
    if (actor) void load(incidentId).catch(() => undefined);
  }, [incidentId, load, actor]);
  if (waiting.length === 0 || waiting[0].incidentId !== incidentId) return null;
  return <Chip size="small" color="warning" label={t('statements.waitingForMe', { count: waiting.length })} onClick={() => navigate({ name: 'incident', id: incidentId, tab: 'statements' })} data-testid="waiting-chip" />;
}
