import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OWN_PLATFORMS, POSTING_STATES, type OwnChannel, type OwnChannelEvent, type OwnPlatform, type PostingState } from '../../../shared/own-channels';
import { call } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { ChangeHistory } from '../common/ChangeHistory';
import { changedOnly } from '../common/changed-only';
import { ChoiceField } from '../common/ChoiceField';
import { DateTimeField } from '../common/DateTimeField';
import { PersonSelect } from '../common/PersonSelect';
import { useErrorText } from '../common/use-error-text';
import { useGivenTime } from '../common/use-given-time';
import { isBadLink, LinkField } from './LinkField';

const FIELD_LABELS: Record<string, string> = {
  platform: 'channels.platform', name: 'channels.name', url: 'channels.url', keeperPersonId: 'channels.keeper', note: 'channels.note',
  posting: 'channels.postingLabel', postingSince: 'channels.since',
};

/**
 * Adds one of the brand's channels, or edits one: who holds its keys, its posting and since when, a note. `posting`:
 * opened to move it there (taken over), the note and the time still to say.
 */
export function ChannelDialog({ incidentId, channel, posting: moveTo, onClose }: { incidentId: string; channel?: OwnChannel; posting?: PostingState; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const people = useStore((s) => s.people);
  const addChannel = useStore((s) => s.addChannel);
  const updateChannel = useStore((s) => s.updateChannel);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [platform, setPlatform] = useState<OwnPlatform>(channel?.platform ?? 'x');
  const [name, setName] = useState(channel?.name ?? '');
  const [url, setUrl] = useState(channel?.url ?? '');
  const [keeper, setKeeper] = useState(channel?.keeperPersonId ?? '');
  const [posting, setPosting] = useState<PostingState>(moveTo ?? channel?.posting ?? 'as_usual');
  // When the posting changed: now unless told otherwise (never the time of the state it leaves).
  const since = useGivenTime();
  const [note, setNote] = useState(channel?.note ?? '');
  const [history, setHistory] = useState<OwnChannelEvent[]>([]);
  useEffect(() => {
    if (channel) void call('channels.history', { id: channel.id }).then(setHistory, () => undefined);
  }, [channel]);

  const badUrl = isBadLink(url);
  const moved = posting !== (channel?.posting ?? 'as_usual');
  const save = () => {
    const given = moved ? since.given() : undefined;
    const postingSince = given === undefined ? {} : { postingSince: given };
    const fields = { platform, name: name.trim(), url: url.trim(), keeperPersonId: keeper || null, note: note.trim(), posting };
    const done = channel ? updateChannel(incidentId, channel.id, { ...changedOnly(fields, channel), ...postingSince }) : addChannel(incidentId, { ...fields, ...postingSince });
    void done.then(onClose, (err: unknown) => notify('error', errorText(err)));
  };
  /** History values as a reader knows them: names, times, states, not ids and epochs. */
  const shown = (field: string, value: string | null): string => {
    if (value === null || value === '') return '—';
    if (field === 'posting') return t(`channels.posting.${value}`);
    if (field === 'platform') return t(`statements.channel.${value}`);
    if (field === 'postingSince') return formatTime(Number(value), language);
    if (field === 'keeperPersonId') return people.find((p) => p.id === value)?.name ?? value;
    return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{channel ? t('channels.edit') : t('channels.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1}>
            <ChoiceField label="channels.platform" value={platform} onChange={setPlatform} options={OWN_PLATFORMS} words="statements.channel" testId="channel-platform" />
            <TextField size="small" fullWidth required label={t('channels.name')} value={name} onChange={(e) => setName(e.target.value)} helperText={t('channels.nameHint')} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'channel-name-input', maxLength: 200 } }} />
          </Stack>
          <LinkField value={url} onChange={setUrl} testId="channel-url-input" />
          <PersonSelect label="channels.keeper" nobody="channels.nobody" value={keeper} onChange={setKeeper} testId="channel-keeper" />
          <Stack direction="row" spacing={1}>
            <ChoiceField label="channels.postingLabel" value={posting} onChange={setPosting} options={POSTING_STATES} words="channels.posting" testId="channel-posting-select" />
            {moved ? <DateTimeField fullWidth label={t('channels.since')} value={since.input} onChange={since.setInput} testId="channel-since" /> : <span style={{ width: '100%' }} />}
          </Stack>
          {posting === 'compromised' && <Alert severity="error">{t('channels.lostSteps')}</Alert>}
          <TextField size="small" fullWidth multiline minRows={2} label={t('channels.note')} value={note} onChange={(e) => setNote(e.target.value)} helperText={t('channels.noteHint')} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'channel-note-input', maxLength: 5000 } }} />
          <ChangeHistory changes={history} label={(f) => t(FIELD_LABELS[f] ?? 'channels.note')} shown={shown} testId="channel-history" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!name.trim() || badUrl} onClick={save} data-testid="channel-save">
          {t('form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
