import { Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call, downloadPrepared, sourceForFile, type ImportSource } from '../../api/client';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** Writes the incident's `.firebreak` archive and hands it to the browser (or Electron) to save. */
export function ArchiveExportButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    void call('archive.export', { incidentId })
      .then((prepared) => {
        downloadPrepared(prepared);
        notify('success', t('pastCrises.exported', { file: isolate(prepared.fileName) }));
      }, (err: unknown) => notify('error', errorText(err)))
      .finally(() => setBusy(false));
  };
  return (
    <Button variant="outlined" disabled={busy} onClick={run} data-testid="archive-export">
      {t('pastCrises.exportArchive')}
    </Button>
  );
}

/**
 * The title of the incident a restore found already on this laptop (it asks: replace, or keep both); null for any
 * other refusal, said as it is (a restore under way, an import being written, a newer backup).
 */
export function alreadyHere(err: unknown): string | null {
  if (!(err instanceof ApiCallError) || err.error.code !== 'CONFLICT') return null;
  const details = err.error.details as { incidentId?: string; title?: string } | undefined;
  return details?.incidentId ? String(details.title ?? '') : null;
}

/** Picks a `.firebreak` file and restores it; an incident already here asks: replace, or keep both. */
export function ArchiveImportButton({ onImported }: { onImported(incidentId: string): void }) {
  const { t } = useTranslation();
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [conflict, setConflict] = useState<{ source: ImportSource; title: string } | null>(null);
  // A large crisis takes minutes: the button says it is at work, and cannot start a second restore meanwhile.
  const [busy, setBusy] = useState(false);
  const restore = (source: ImportSource, onConflict?: 'replace' | 'keep-both') => {
    setBusy(true);
    return call('archive.import', { source, ...(onConflict ? { onConflict } : {}) }).then(
      async (incident) => {
        setConflict(null);
        const report = await call('review.get', { incidentId: incident.id });
        notify('success', t('pastCrises.imported', { title: isolate(incident.title), mentions: report.metrics.mentions }));
        onImported(incident.id);
      },
      (err: unknown) => {
        const here = alreadyHere(err);
        if (here !== null) setConflict({ source, title: here });
        else notify('error', errorText(err));
      },
    ).finally(() => setBusy(false));
  };
  return (
    <>
      <Button
        variant="outlined" disabled={busy} onClick={() => input.current?.click()} data-testid="archive-import"
        startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
      >
        {busy ? t('pastCrises.restoringArchive') : t('pastCrises.importArchive')}
      </Button>
      <input
        ref={input} type="file" accept=".firebreak" hidden data-testid="archive-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true); // the upload comes first, and a large file takes a while
          void sourceForFile(file).then((source) => restore(source), (err: unknown) => {
            setBusy(false);
            notify('error', errorText(err));
          });
        }}
      />
      <ConflictDialog
        title={conflict?.title ?? null} busy={busy}
        onCancel={() => setConflict(null)}
        onChoose={(choice) => conflict && void restore(conflict.source, choice)}
      />
    </>
  );
}

/**
 * An incident being restored (from an archive or a backup) is already on this laptop: replace the local copy, or
 * keep both (the restored one gets new ids). Open while `title` is not null.
 */
export function ConflictDialog({ title, from = 'archive', busy = false, onCancel, onChoose }: {
  title: string | null; from?: 'archive' | 'backup'; busy?: boolean; onCancel(): void; onChoose(choice: 'replace' | 'keep-both'): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={title !== null} onClose={onCancel}>
      <DialogTitle>{t('pastCrises.conflictTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t(from === 'backup' ? 'backup.conflictText' : 'pastCrises.conflictText', { title: isolate(title ?? '') })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        <Button disabled={busy} onClick={() => onChoose('keep-both')} data-testid="archive-keep-both">{t('pastCrises.keepBoth')}</Button>
        <Button disabled={busy} color="warning" variant="contained" onClick={() => onChoose('replace')} data-testid="archive-replace">{t('pastCrises.replace')}</Button>
      </DialogActions>
    </Dialog>
  );
}
