import { Button, Card, CardContent, Checkbox, FormControlLabel, List, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../../shared/analytics';
import { useStore } from '../../store';
import { TimeCorrectionDialog } from '../common/TimeCorrectionDialog';
import { useErrorText } from '../common/use-error-text';
import { TimelineEntryRow } from './TimelineEntryRow';

const SYSTEM_KINDS = ['import.finished', 'alert.raised', 'alert.acknowledged', 'incident.status', 'incident.level', 'incident.crisisType', 'role.assigned', 'role.ended', 'enquiry.received', 'enquiry.answered', 'enquiry.declined', 'stakeholder.informed', 'stakeholder.not_needed', 'claim.logged', 'claim.answered', 'claim.not_answering', 'channel.paused', 'channel.as_usual', 'channel.compromised', 'impostor.spotted', 'impostor.reported', 'impostor.removed'];

/**
 * The incident's single record, newest first: the team writes observations, decisions, actions and public updates
 * (press T anywhere in the incident, type, Enter); Firebreak adds imports, alerts and status changes.
 */
export function TimelineCard({ incidentId, compact = false }: { incidentId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const entries = useStore((s) => s.timeline);
  const facets = useStore((s) => s.timelineFacets);
  const load = useStore((s) => s.loadTimeline);
  const addEntry = useStore((s) => s.addTimelineEntry);
  const update = useStore((s) => s.updateTimelineEntry);
  const filter = useStore((s) => s.timelineFilter);
  const setFilter = useStore((s) => s.setTimelineFilter);
  const language = useStore((s) => s.language); // a search also matches Firebreak's own lines as this language words them
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<TimelineKind>('observation');
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [correcting, setCorrecting] = useState<TimelineEntry | null>(null);

  useEffect(() => {
    void load(incidentId).catch(() => undefined);
  }, [incidentId, filter, language, load]);

  // One keystroke to write: T anywhere in the incident (outside a text field) puts the cursor here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== 't' || e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, [contenteditable], [role="dialog"]')) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = () => {
    if (!text.trim()) return;
    const tagList = tags.split(',').map((s) => s.trim().replace(/^#/, '')).filter(Boolean);
    void addEntry({ incidentId, kind, text: text.trim(), tags: tagList }).then(
      () => {
        setText('');
        setTags('');
      },
      (err: unknown) => notify('error', errorText(err)),
    );
  };

  return (
    <Card variant="outlined" data-testid="timeline-card">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('timeline.title')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <TextField size="small" select label={t('timeline.kindLabel')} value={kind} onChange={(e) => setKind(e.target.value as TimelineKind)} sx={{ minWidth: 150 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'timeline-kind' } as object } }}>
            {TIMELINE_KINDS.map((k) => (
              <MenuItem key={k} value={k} data-testid={`timeline-kind-${k}`}>
                {t(`timeline.kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            inputRef={input}
            label={t('timeline.write')}
            placeholder={t('timeline.writeHint')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && (e.preventDefault(), submit())}
            sx={{ flex: 1, minWidth: 240 }}
            slotProps={{ htmlInput: { 'data-testid': 'timeline-input', dir: 'auto' } }}
          />
          <TextField size="small" label={t('timeline.tags')} value={tags} onChange={(e) => setTags(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), submit())} sx={{ width: 160 }} slotProps={{ htmlInput: { 'data-testid': 'timeline-tags', dir: 'auto' } }} />
          <Button variant="contained" onClick={submit} disabled={!text.trim()} data-testid="timeline-add">
            {t('timeline.add')}
          </Button>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
          <TextField size="small" select label={t('timeline.filterKind')} value={filter.kinds ?? []} onChange={(e) => setFilter({ ...filter, kinds: (e.target.value as unknown as string[]).filter(Boolean) })} sx={{ minWidth: 150 }} slotProps={{ select: { multiple: true } }}>
            {[...TIMELINE_KINDS, ...SYSTEM_KINDS].map((k) => (
              <MenuItem key={k} value={k}>
                {t(`timeline.kind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" select label={t('timeline.author')} value={filter.author ?? ''} onChange={(e) => setFilter({ ...filter, author: e.target.value || undefined })} sx={{ minWidth: 130 }}>
            <MenuItem value="">{t('explorer.any')}</MenuItem>
            {facets.authors.map((a) => (
              <MenuItem key={a} value={a}>
                {a}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" select label={t('timeline.tag')} value={filter.tag ?? ''} onChange={(e) => setFilter({ ...filter, tag: e.target.value || undefined })} sx={{ minWidth: 110 }}>
            <MenuItem value="">{t('explorer.any')}</MenuItem>
            {facets.tags.map((tag) => (
              <MenuItem key={tag} value={tag}>
                #{tag}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" label={t('timeline.search')} value={filter.query ?? ''} onChange={(e) => setFilter({ ...filter, query: e.target.value || undefined })} slotProps={{ htmlInput: { 'data-testid': 'timeline-search', dir: 'auto', type: 'search' } }} />
          <FormControlLabel control={<Checkbox checked={filter.keyOnly === true} onChange={(e) => setFilter({ ...filter, keyOnly: e.target.checked || undefined })} />} label={t('timeline.keyOnly')} />
        </Stack>
        {entries.length === 0 && <Typography color="text.secondary">{t('timeline.empty')}</Typography>}
        {/* Beside a chart the list scrolls within the chart's height instead of stretching the row. */}
        <List dense data-testid="timeline" sx={compact ? { maxHeight: 260, overflow: 'auto' } : undefined}>
          {entries.map((e) => (
            <TimelineEntryRow
              key={e.id}
              entry={e}
              onToggleKey={() => void update(e.id, { keyEvent: !e.keyEvent }).catch((err: unknown) => notify('error', errorText(err)))}
              onCorrectTime={() => setCorrecting(e)}
            />
          ))}
        </List>
      </CardContent>
      {correcting && (
        // The first time stays on the entry, the change and its reason in the entry's record.
        <TimeCorrectionDialog
          title={t('timeline.correctTime')}
          initial={correcting.occurredAt}
          onSave={(occurredAt, reason) => update(correcting.id, { occurredAt: occurredAt!, reason })}
          onClose={() => setCorrecting(null)}
        />
      )}
    </Card>
  );
}

