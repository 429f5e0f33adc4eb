import { Alert, Box, Button, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupContents, BackupSource } from '../../../shared/api/backup';
import { ApiCallError, call } from '../../api/client';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { ConflictDialog } from '../review/ArchiveButtons';

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

  useEffect(() => {
    call('backup.contents', { source }).then(setContents, (err: unknown) => setFailed(err ?? new Error('failed')));
  }, [source]);

  const restore = async (incidentId: string, onConflict?: 'replace' | 'keep-both') => {
    setBusy(true);
    try {
      const incident = await call('backup.restore', { source, incidentId, ...(onConflict ? { onConflict } : {}) });
      setConflict(null);
      notify('success', t('backup.restored', { title: isolate(incident.title) }));
      void loadIncidents().catch(() => undefined);
      onClose();
      onRestored();
      navigate({ name: 'incident', id: incident.id, tab: 'overview' });
    } catch (err) {
      if (err instanceof ApiCallError && err.error.code === 'CONFLICT' && !onConflict) {
        setConflict({ incidentId, title: String((err.error.details as { title?: string } | undefined)?.title ?? '') });
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
        {failed !== null && <Alert severity="error" data-testid="backup-contents-error">{errorText(failed)}</Alert>}
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
        title={conflict?.title ?? null} from="backup"
        onCancel={() => setConflict(null)}
        onChoose={(choice) => conflict && void restore(conflict.incidentId, choice)}
      />
    </Dialog>
  );
}
