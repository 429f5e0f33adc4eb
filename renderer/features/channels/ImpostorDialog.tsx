import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPOSTOR_STATUSES, OWN_PLATFORMS, type Impostor, type ImpostorEvent, type ImpostorStatus, type OwnPlatform } from '../../../shared/own-channels';
import { call } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { ChangeHistory } from '../common/ChangeHistory';
import { changedOnly } from '../common/changed-only';
import { ChoiceField } from '../common/ChoiceField';
import { DateTimeField } from '../common/DateTimeField';
import { useErrorText } from '../common/use-error-text';
import { useGivenTime } from '../common/use-given-time';
import { isBadLink, LinkField } from './LinkField';

const FIELD_LABELS: Record<string, string> = {
  platform: 'channels.platform', handle: 'impostors.handle', url: 'channels.url', reportRef: 'impostors.reportRef', note: 'impostors.note',
  status: 'impostors.statusLabel', reportedAt: 'impostors.reportedAt', removedAt: 'impostors.removedAt',
};
const TIMES = new Set(['reportedAt', 'removedAt']);

/** Logs an account posing as the brand, or works one: reported (with the platform's case number), taken down, and when. */
export function ImpostorDialog({ incidentId, impostor, onClose }: { incidentId: string; impostor?: Impostor; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const addImpostor = useStore((s) => s.addImpostor);
  const updateImpostor = useStore((s) => s.updateImpostor);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [platform, setPlatform] = useState<OwnPlatform>(impostor?.platform ?? 'x');
  const [handle, setHandle] = useState(impostor?.handle ?? '');
  const [url, setUrl] = useState(impostor?.url ?? '');
  const [status, setStatus] = useState<ImpostorStatus>(impostor?.status ?? 'spotted');
  const at = useGivenTime();
  const [reportRef, setReportRef] = useState(impostor?.reportRef ?? '');
  const [note, setNote] = useState(impostor?.note ?? '');
  const [history, setHistory] = useState<ImpostorEvent[]>([]);
  useEffect(() => {
    if (impostor) void call('impostors.history', { id: impostor.id }).then(setHistory, () => undefined);
  }, [impostor]);

  const badUrl = isBadLink(url);
  // New: when it was spotted; a new status: when it was reported or taken down.
  const timed = !impostor || status !== impostor.status;
  const save = () => {
    const time = timed ? at.given() : undefined;
    const fields = { platform, handle: handle.trim(), url: url.trim(), reportRef: reportRef.trim(), note: note.trim() };
    const done = impostor
      ? updateImpostor(incidentId, impostor.id, { ...changedOnly({ ...fields, status }, impostor), ...(time === undefined ? {} : { at: time }) })
      : // Reported already before anyone logged it: logged, then moved on.
        addImpostor(incidentId, { ...fields, ...(time === undefined ? {} : { spottedAt: time }) }).then((added) => (status === 'spotted' ? undefined : updateImpostor(incidentId, added.id, { status })));
    void done.then(onClose, (err: unknown) => notify('error', errorText(err)));
  };
  const shown = (field: string, value: string | null): string => {
    if (value === null || value === '') return '—';
    if (field === 'status') return t(`impostors.status.${value}`);
    if (field === 'platform') return t(`statements.channel.${value}`);
    if (TIMES.has(field)) return formatTime(Number(value), language);
    return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{impostor ? t('impostors.edit') : t('impostors.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1}>
            <ChoiceField label="channels.platform" value={platform} onChange={setPlatform} options={OWN_PLATFORMS} words="statements.channel" testId="impostor-platform" />
            <TextField size="small" fullWidth required label={t('impostors.handle')} value={handle} onChange={(e) => setHandle(e.target.value)} helperText={t('impostors.handleHint')} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'impostor-handle-input', maxLength: 200 } }} />
          </Stack>
          <LinkField value={url} onChange={setUrl} testId="impostor-url-input" />
          <Stack direction="row" spacing={1}>
            <ChoiceField label="impostors.statusLabel" value={status} onChange={setStatus} options={IMPOSTOR_STATUSES} words="impostors.status" testId="impostor-status-select" />
            {timed ? <DateTimeField fullWidth label={t(impostor ? 'impostors.at' : 'impostors.spottedAt')} value={at.input} onChange={at.setInput} testId="impostor-at" /> : <span style={{ width: '100%' }} />}
          </Stack>
          <TextField size="small" fullWidth label={t('impostors.reportRef')} value={reportRef} onChange={(e) => setReportRef(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'impostor-ref-input', maxLength: 300 } }} />
          <TextField size="small" fullWidth multiline minRows={2} label={t('impostors.note')} value={note} onChange={(e) => setNote(e.target.value)} helperText={t('impostors.noteHint')} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'impostor-note-input', maxLength: 5000 } }} />
          <ChangeHistory changes={history} label={(f) => t(FIELD_LABELS[f] ?? 'impostors.note')} shown={shown} testId="impostor-history" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!handle.trim() || badUrl} onClick={save} data-testid="impostor-save">
          {t('form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
