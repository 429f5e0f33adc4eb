import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useAlertText } from '../alerts/AlertBanner';

/** The incident's record, newest first. System entries for now; the team's own entries come with the war room. */
export function TimelineCard({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const entries = useStore((s) => s.timeline);
  const alerts = useStore((s) => s.alerts);
  const loadTimeline = useStore((s) => s.loadTimeline);
  const alertText = useAlertText();
  useEffect(() => {
    void loadTimeline(incidentId).catch(() => undefined);
  }, [incidentId, loadTimeline]);
  const describe = (text: string, alertId?: number) => {
    const alert = alertId ? alerts.find((a) => a.id === alertId) : undefined;
    return alert ? alertText(alert) : text;
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('timeline.title')}
        </Typography>
        {entries.length === 0 && <Typography color="text.secondary">{t('timeline.empty')}</Typography>}
        <List dense data-testid="timeline">
          {entries.map((e) => (
            <ListItem key={e.id} disableGutters data-testid={`timeline-${e.kind}`}>
              <ListItemText
                primary={<span dir="auto">{describe(e.text, e.ref?.alertId)}</span>}
                secondary={`${formatTime(e.occurredAt, language)} · ${t(`timeline.kind.${e.kind}`, { defaultValue: e.kind })} · ${e.author}`}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}
