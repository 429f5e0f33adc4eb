import EditCalendarIcon from '@mui/icons-material/EditCalendar';
import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import { Chip, IconButton, ListItem, ListItemText, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../shared/analytics';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useEntryText } from './entry-text';
import { useOpenMention } from '../mentions/open-mention';

/** A line in the UI's language runs in the UI's direction; a person's text in its own. */
function EntryText({ translated, written }: { translated: string | null; written: string }) {
  return translated === null ? <span dir="auto">{written}</span> : <span>{translated}</span>;
}

export function TimelineEntryRow({ entry, onToggleKey, onCorrectTime }: { entry: TimelineEntry; onToggleKey(): void; onCorrectTime(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const alerts = useStore((s) => s.alerts);
  const translate = useEntryText();
  const navigate = useStore((s) => s.navigate);
  const openMention = useOpenMention();
  const showStatement = useStore((s) => s.openStatement);
  const openStatement = async (incidentId: string, id: string) => {
    navigate({ name: 'incident', id: incidentId, tab: 'statements' });
    await showStatement(id);
  };
  const kindLabel = t(`timeline.kind.${entry.kind}`, { defaultValue: entry.kind });
  return (
    <ListItem disableGutters data-testid={`timeline-${entry.kind}`} sx={{ alignItems: 'flex-start' }}>
      <Tooltip title={entry.keyEvent ? t('timeline.unmarkKey') : t('timeline.markKey')}>
        <IconButton size="small" onClick={onToggleKey} aria-pressed={entry.keyEvent} aria-label={t('timeline.markKey')} data-testid="timeline-key">
          {entry.keyEvent ? <StarIcon fontSize="small" color="warning" /> : <StarBorderIcon fontSize="small" />}
        </IconButton>
      </Tooltip>
      <ListItemText
        primary={<EntryText translated={translate(entry, alerts)} written={entry.text} />}
        secondary={
          <Stack component="span" direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography component="span" variant="caption" data-testid="timeline-time">
              {formatTime(entry.occurredAt, language)}
              {entry.originalOccurredAt !== null && ` (${t('timeline.originally', { time: formatTime(entry.originalOccurredAt, language) })})`}
            </Typography>
            <Chip component="span" size="small" variant="outlined" label={kindLabel} />
            <Typography component="span" variant="caption" dir="auto">
              {entry.author}
              {entry.role && ` · ${entry.role}`}
            </Typography>
            {entry.tags.map((tag) => (
              <Chip key={tag} component="span" size="small" label={`#${tag}`} dir="auto" />
            ))}
            {entry.ref?.mentionIds?.length ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openMention')} onClick={() => void openMention(entry.incidentId, entry.ref!.mentionIds![0])} data-testid="timeline-mention" />
            ) : null}
            {entry.ref?.statementId ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openStatement')} onClick={() => void openStatement(entry.incidentId, entry.ref!.statementId!)} data-testid="timeline-statement" />
            ) : null}
            {entry.ref?.taskId ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openTask')} onClick={() => navigate({ name: 'incident', id: entry.incidentId, tab: 'plan' })} data-testid="timeline-task" />
            ) : null}
            {entry.ref?.enquiryId ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openEnquiry')} onClick={() => navigate({ name: 'incident', id: entry.incidentId, tab: 'press' })} data-testid="timeline-enquiry" />
            ) : null}
            {entry.ref?.stakeholderId ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openStakeholder')} onClick={() => navigate({ name: 'incident', id: entry.incidentId, tab: 'stakeholders' })} data-testid="timeline-stakeholder" />
            ) : null}
            {entry.ref?.claimId ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openClaim')} onClick={() => navigate({ name: 'incident', id: entry.incidentId, tab: 'claims' })} data-testid="timeline-claim" />
            ) : null}
            {entry.ref?.impostorId ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openImpostor')} onClick={() => navigate({ name: 'incident', id: entry.incidentId, tab: 'channels' })} data-testid="timeline-impostor" />
            ) : null}
            {entry.ref?.ownChannelId ? (
              <Chip component="span" size="small" color="primary" variant="outlined" label={t('timeline.openChannel')} onClick={() => navigate({ name: 'incident', id: entry.incidentId, tab: 'channels' })} data-testid="timeline-channel" />
            ) : null}
          </Stack>
        }
      />
      <Tooltip title={t('timeline.correctTime')}>
        <IconButton size="small" onClick={onCorrectTime} aria-label={t('timeline.correctTime')} data-testid="timeline-correct-time">
          <EditCalendarIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </ListItem>
  );
}
