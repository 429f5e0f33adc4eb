import BackupIcon from '@mui/icons-material/Backup';
import LockIcon from '@mui/icons-material/Lock';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton, LinearProgress, Stack, Switch, TextField, Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings, BackupSource, BackupStatus } from '../../../shared/api/backup';
import { call, sourceForFile } from '../../api/client';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { BackupRestoreDialog } from './BackupRestoreDialog';
import { NumberField } from '../common/NumberField';

/** One line on where the backups stand: failing, running, the last one, the next one. */
function statusLines(backup: BackupStatus, t: (key: string, o?: Record<string, unknown>) => string, language: string): { severity: 'error' | 'info' | 'success'; lines: string[] } {
  const lines: string[] = [];
  if (backup.failure) {
    lines.push(t('backup.failed', { time: formatTime(backup.failure.at, language), why: t(`backup.why.${backup.failure.problem}`) }));
  }
  lines.push(backup.lastAt === null ? t('backup.none') : t('backup.last', { time: formatTime(backup.lastAt, language) }));
  if (!backup.settings.enabled) lines.push(t('backup.off'));
  else if (!backup.changed) lines.push(t('backup.unchanged'));
  else if (backup.nextAt !== null) lines.push(t('backup.next', { time: formatTime(backup.nextAt, language) }));
  return { severity: backup.failure ? 'error' : backup.lastAt === null ? 'info' : 'success', lines };
}

/**
 * "Backups": on the laptop that keeps the room (the desktop app, or its own browser on `firebreak serve`), where the
 * automatic copies of the database go, how often, the copies made, and restoring an incident from one. A failing
 * backup turns the button red, so nobody finds out only when the laptop has died.
 */
export function BackupButton() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const backup = useStore((s) => s.backup);
  const loadBackup = useStore((s) => s.loadBackup);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void loadBackup().catch(() => undefined);
  }, [loadBackup]);
  if (!backup?.canBackUp) return null;

  const { severity, lines } = statusLines(backup, t, language);
  return (
    <>
      {/* An icon with its state in the tooltip: the title bar has no room for another word in Russian or Greek. */}
      <Tooltip title={`${t('backup.button')}: ${lines.join(' ')}`}>
        <IconButton
          color={backup.failure ? 'error' : 'inherit'}
          aria-label={t('backup.button')}
          onClick={() => {
            setOpen(true);
            void loadBackup().catch(() => undefined);
          }}
          data-testid="backup-button"
        >
          {backup.failure ? <SyncProblemIcon /> : <BackupIcon />}
        </IconButton>
      </Tooltip>
      {open && <BackupDialog backup={backup} severity={severity} lines={lines} onClose={() => setOpen(false)} />}
    </>
  );
}

function BackupDialog({ backup, severity, lines, onClose }: { backup: BackupStatus; severity: 'error' | 'info' | 'success'; lines: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const setBackup = useStore((s) => s.setBackup);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [form, setForm] = useState({ ...backup.settings, folder: backup.settings.folder ?? '', passphrase: '' });
  const [changingPassphrase, setChangingPassphrase] = useState(false);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<{ source: BackupSource; name: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<BackupStatus>, done: string) => {
    setBusy(true);
    try {
      setBackup(await work());
      notify('success', done);
    } catch (err) {
      notify('error', errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const settings = (): BackupSettings & { passphrase?: string } => {
    const { passphrase, ...rest } = form;
    return { ...rest, folder: form.folder.trim() || null, ...(form.encrypted && passphrase ? { passphrase } : {}) };
  };
  const save = async () => {
    await run(() => call('backup.configure', settings()), t('backup.saved'));
    setForm((f) => ({ ...f, passphrase: '' }));
    setChangingPassphrase(false);
  };
  const askPassphrase = form.encrypted && (!backup.passphraseSet || changingPassphrase);
  const chooseFolder = window.firebreak?.chooseFolder;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="backup-title">
      <DialogTitle id="backup-title">{t('backup.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography>{t('backup.intro')}</Typography>
          <Alert severity={severity} data-testid="backup-status">
            {lines.map((line) => <div key={line}>{line}</div>)}
          </Alert>
          {backup.running && (
            <Box>
              <Typography variant="body2">{t('backup.running')}</Typography>
              <LinearProgress />
            </Box>
          )}
          <FormControlLabel
            control={<Switch checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} data-testid="backup-enabled" />}
            label={t('backup.enabled')}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
            <TextField
              label={t('backup.folder')} value={form.folder} placeholder={backup.folder} fullWidth
              helperText={t('backup.folderHint')} onChange={(e) => setForm({ ...form, folder: e.target.value })}
              slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': 'backup-folder' } }}
            />
            {chooseFolder && (
              <Button sx={{ mt: 1, flexShrink: 0 }} onClick={() => void chooseFolder().then((folder) => folder && setForm({ ...form, folder }))}>
                {t('backup.chooseFolder')}
              </Button>
            )}
          </Stack>
          <Stack direction="row" spacing={2}>
            <NumberField integer min={1} max={1440} empty={1} size="medium" label={t('backup.every')} value={form.everyMinutes} sx={{ width: 160 }} onChange={(v) => setForm({ ...form, everyMinutes: v ?? 1 })} testId="backup-every" />
            <NumberField integer min={1} max={500} empty={1} size="medium" label={t('backup.keep')} value={form.keep} sx={{ width: 160 }} onChange={(v) => setForm({ ...form, keep: v ?? 1 })} testId="backup-keep" />
          </Stack>
          <FormControlLabel
            control={<Switch checked={form.encrypted} onChange={(e) => setForm({ ...form, encrypted: e.target.checked })} data-testid="backup-encrypted" />}
            label={t('backup.encrypt')}
          />
          {form.encrypted && (
            <Stack spacing={1}>
              {askPassphrase ? (
                <TextField
                  type="password" autoComplete="new-password" value={form.passphrase} sx={{ maxWidth: 360 }}
                  label={backup.passphraseSet ? t('backup.newPassphrase') : t('backup.passphrase')}
                  onChange={(e) => setForm({ ...form, passphrase: e.target.value })}
                  slotProps={{ htmlInput: { 'data-testid': 'backup-passphrase' } }}
                />
              ) : (
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="body2">{t('backup.passphraseIsSet')}</Typography>
                  <Button size="small" sx={{ flexShrink: 0 }} onClick={() => setChangingPassphrase(true)} data-testid="backup-change-passphrase">
                    {t('backup.changePassphrase')}
                  </Button>
                </Stack>
              )}
              <Typography variant="body2" color="text.secondary">{t('backup.passphraseHint')}</Typography>
            </Stack>
          )}
          <Box>
            <Button variant="outlined" disabled={busy} onClick={() => void save()} data-testid="backup-save">
              {t('backup.save')}
            </Button>
          </Box>
          {backup.settings.folder === null && <Alert severity="warning">{t('backup.onThisDisk')}</Alert>}
          <Typography variant="subtitle2">{t('backup.files')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }} data-testid="backup-where">
            {isolate(backup.folder)}
          </Typography>
          {backup.files.length === 0 && <Typography color="text.secondary">{t('backup.noFiles')}</Typography>}
          <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="backup-files">
            {backup.files.map((file) => (
              <Stack key={file.name} component="li" direction="row" spacing={2} sx={{ alignItems: 'center', py: 0.5 }} data-testid="backup-file">
                <Typography sx={{ minWidth: 180 }}>{formatTime(file.at, language)}</Typography>
                <Typography color="text.secondary" sx={{ minWidth: 90 }}>{t('backup.size', { mb: Math.round(file.bytes / 1e5) / 10 })}</Typography>
                {file.encrypted && (
                  <Tooltip title={t('backup.encryptedFile')}>
                    <LockIcon fontSize="small" color="action" aria-label={t('backup.encryptedFile')} />
                  </Tooltip>
                )}
                <Typography variant="body2" color="text.secondary" dir="ltr" sx={{ flexGrow: 1, fontFamily: 'monospace', display: { xs: 'none', md: 'block' } }}>
                  {file.name}
                </Typography>
                <Button size="small" onClick={() => setRestoring({ source: { backup: file.name }, name: file.name })} data-testid="backup-restore">
                  {t('backup.restore')}
                </Button>
              </Stack>
            ))}
          </Box>
          <Typography variant="body2" color="text.secondary">{t('backup.restoreHint')}</Typography>
        </Stack>
        <input
          ref={fileInput} type="file" hidden data-testid="backup-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void sourceForFile(file).then((source) => setRestoring({ source, name: file.name }), (err: unknown) => notify('error', errorText(err)));
          }}
        />
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={() => fileInput.current?.click()} data-testid="backup-restore-file">{t('backup.restoreFile')}</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button onClick={onClose}>{t('backup.close')}</Button>
        <Button variant="contained" disabled={busy || backup.running} onClick={() => void run(() => call('backup.now', {}), t('backup.made'))} data-testid="backup-now">
          {t('backup.now')}
        </Button>
      </DialogActions>
      {restoring && <BackupRestoreDialog source={restoring.source} name={restoring.name} onClose={() => setRestoring(null)} onRestored={onClose} />}
    </Dialog>
  );
}
