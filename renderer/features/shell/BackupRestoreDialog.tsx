import { Alert, Box, Button, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupContents, BackupSource } from '../../../shared/api/backup';
import { call, saidKey } from '../../api/client';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { alreadyHere, ConflictDialog } from '../review/ArchiveButtons';

/** The incidents in one backup, each restorable into this laptop's database (through the archive's checks). */
export function BackupRestoreDialog({ source, name, onClose, onRestored }: { source: BackupSource; name: string; onClose(): void; onRestored(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const notify = useStore((s) => s.notify);
  const navigate = useStore((s) => s.navigate);
  const loadIncidents = useStore((s) => s.loadIncidents);
  const errorText = useErrorText();
  const [contents, setContents] = useState<BackupContents | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ incidentId: string; title: string } | null>(null);
  // An encrypted backup another laptop made: asked once, then given with every call about this backup.
  const [passphrase, setPassphrase] = useState<string | undefined>(undefined);
  const [typed, setTyped] = useState('');

  useEffect(() => {
    setFailed(null);
    call('backup.contents', { source, passphrase }).then(setContents, (err: unknown) => setFailed(err ?? new Error('failed')));
  }, [source, passphrase]);
  const locked = ['backupLocked', 'backupPassphrase'].includes(String(saidKey(failed)));

  const restore = async (incidentId: string, onConflict?: 'replace' | 'keep-both') => {
    setBusy(true);
    try {
      const incident = await call('backup.restore', { source, incidentId, passphrase, ...(onConflict ? { onConflict } : {}) });
      setConflict(null);
      notify('success', t('backup.restored', { title: isolate(incident.title) }));
      void loadIncidents().catch(() => undefined);
      onClose();
      onRestored();
      navigate({ name: 'incident', id: incident.id, tab: 'overview' });
    } catch (err) {
      const here = onConflict ? null : alreadyHere(err);
      if (here !== null) {
        setConflict({ incidentId, title: here });
      } else {
        setConflict(null);
        notify('error', errorText(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="backup-contents-title">
      <DialogTitle id="backup-contents-title">{t('backup.contentsTitle', { file: isolate(name) })}</DialogTitle>
      <DialogContent>
        {failed !== null && <Alert severity={locked ? 'info' : 'error'} data-testid="backup-contents-error">{errorText(failed)}</Alert>}
        {locked && (
          <Stack component="form" direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }} onSubmit={(e) => {
            e.preventDefault();
            setPassphrase(typed);
          }}>
            <TextField
              type="password" autoComplete="off" autoFocus size="small" label={t('backup.passphrase')} value={typed}
              onChange={(e) => setTyped(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'backup-unlock-passphrase' } }}
            />
            <Button type="submit" variant="contained" disabled={!typed} data-testid="backup-unlock">{t('backup.open')}</Button>
          </Stack>
        )}
        {failed === null && !contents && <CircularProgress />}
        {contents && (
          <Stack spacing={1}>
            {contents.madeAt !== null && <Typography color="text.secondary">{t('backup.made_at', { time: formatTime(contents.madeAt, language) })}</Typography>}
            {contents.incidents.length === 0 && <Typography>{t('backup.empty')}</Typography>}
            <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
              {contents.incidents.map((incident) => (
                <Stack key={incident.id} component="li" direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }} data-testid="backup-incident">
                  <Box sx={{ flexGrow: 1 }}>
                    <Typography dir="auto">{incident.title}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {t(`status.${incident.status}`)} · {formatTime(incident.openedAt, language)} · {t('backup.mentions', { count: incident.mentions })}
                    </Typography>
                  </Box>
                  {incident.here && <Chip size="small" label={t('backup.alreadyHere')} />}
                  <Button disabled={busy} onClick={() => void restore(incident.id)} data-testid="backup-restore-incident">
                    {t('backup.restoreIncident')}
                  </Button>
                </Stack>
              ))}
            </Box>
          </Stack>
        )}
        {busy && (
          <Box sx={{ mt: 2 }} role="status" data-testid="backup-restoring">
            <Typography variant="body2">{t('backup.restoring')}</Typography>
            <LinearProgress />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('backup.close')}</Button>
      </DialogActions>
      <ConflictDialog
        title={conflict?.title ?? null} from="backup" busy={busy}
        onCancel={() => setConflict(null)}
        onChoose={(choice) => conflict && void restore(conflict.incidentId, choice)}
      />
    </Dialog>
  );
}
