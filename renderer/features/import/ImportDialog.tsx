import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetList } from '../../../shared/api/imports';
import type { ImportOptions, ImportPreview, ImportSummary } from '../../../shared/mentions';
import { call, sourceForFile, type ImportSource } from '../../api/client';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { useFileProblemText } from './problem-text';

type Phase = { name: 'preview' } | { name: 'running'; jobId: string } | { name: 'done' };

/** The strings format the counts in the UI language's digits and grouping ("29,997", "29 997", "۲۹٬۹۹۷"). */
function summaryText(t: ReturnType<typeof useTranslation>['t'], fileProblemText: ReturnType<typeof useFileProblemText>, s: ImportSummary): string {
  if (s.status === 'cancelled') return t('importer.summaryCancelled', { file: isolate(s.file) });
  if (s.status === 'failed') return t('importer.summaryFailed', { file: isolate(s.file), error: fileProblemText(s.problem, s.error ?? '') });
  return t('importer.summary', { file: isolate(s.file), imported: s.imported, duplicates: s.duplicates, rejected: s.rejected });
}

/** How far through a file, in %; undefined while its size is unknown. */
const percentOf = (bytes: number, total: number): number | undefined => (total > 0 ? Math.min(100, (bytes / total) * 100) : undefined);

function JobProgress({ jobId, totalName }: { jobId: string; totalName: string }) {
  const { t } = useTranslation();
  const job = useStore((s) => s.jobs[jobId]);
  const percent = job ? percentOf(job.bytes, job.totalBytes) : undefined;
  return (
    <Stack spacing={1} data-testid="import-progress">
      <Typography>{t('importer.running', { file: isolate(totalName) })}</Typography>
      <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} />
      {job && (
        <Typography variant="body2" color="text.secondary">
          {t('importer.progress', { rows: job.rows })}
          {job.etaMs !== null ? ` · ${t('importer.eta', { seconds: Math.ceil(job.etaMs / 1000) })}` : ''}
        </Typography>
      )}
    </Stack>
  );
}

/** A file on its way to the room server: it can take a while over Wi-Fi. */
function UploadProgress({ bytes, total }: { bytes: number; total: number }) {
  const { t } = useTranslation();
  const percent = percentOf(bytes, total) ?? 0;
  return (
    <Stack spacing={1} data-testid="upload-progress">
      <Typography>{t('importer.sending', { percent: Math.floor(percent), sent: bytes / 1e6, total: total / 1e6 })}</Typography>
      <LinearProgress variant="determinate" value={percent} />
    </Stack>
  );
}

/** Imports the chosen files one by one: preview and adjust, then import with progress, then the next. */
export function ImportDialog({ incidentId, files, onClose }: { incidentId: string; files: File[]; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fileProblemText = useFileProblemText();
  const notify = useStore((s) => s.notify);
  const [index, setIndex] = useState(0);
  const [source, setSource] = useState<ImportSource | null>(null);
  /** How much of the file has gone to the room server (room mode), until it is there. */
  const [sent, setSent] = useState<{ bytes: number; total: number } | null>(null);
  const [options, setOptions] = useState<ImportOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [presets, setPresets] = useState<PresetList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'preview' });
  const [summaries, setSummaries] = useState<ImportSummary[]>([]);
  const [presetName, setPresetName] = useState('');
  /** "Import all remaining": each next file starts as soon as its preview is ready, with what was detected. */
  const [auto, setAuto] = useState(false);
  const file = files[index];
  const runningJob = phase.name === 'running' ? phase.jobId : null;
  const finished = useStore((s) => (runningJob ? s.finished[runningJob] : undefined));

  useEffect(() => {
    void call('import.presets', {}).then(setPresets, () => undefined);
  }, []);

  // A new file: send it (upload in room mode), then preview it with fresh options.
  useEffect(() => {
    if (!file) return;
    setSource(null);
    setPreview(null);
    setOptions({});
    setError(null);
    setSent(null);
    sourceForFile(file, (bytes, total) => setSent({ bytes, total })).then(
      (s) => {
        setSent(null);
        setSource(s);
      },
      (err: unknown) => setError(errorText(err)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per file
  }, [file]);

  useEffect(() => {
    if (!source) return;
    let stale = false;
    call('import.preview', { source, options }).then(
      (p) => {
        if (stale) return;
        setPreview(p);
        setError(null);
      },
      (err: unknown) => {
        if (!stale) setError(errorText(err));
      },
    );
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- preview again when the source or an option changes
  }, [source, options]);

  const next = () => {
    if (index + 1 < files.length) {
      setIndex(index + 1);
      setPhase({ name: 'preview' });
    } else setPhase({ name: 'done' });
  };

  useEffect(() => {
    if (!finished) return;
    setSummaries((s) => [...s, finished]);
    next();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- react to the job's end only
  }, [finished]);

  const start = async () => {
    if (!source) return;
    try {
      const { job } = await call('import.start', { incidentId, source, options });
      setPhase({ name: 'running', jobId: job.jobId });
    } catch (err) {
      setError(errorText(err));
    }
  };

  useEffect(() => {
    if (auto && preview && phase.name === 'preview') void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- start once per loaded preview
  }, [auto, preview]);

  const savePreset = async () => {
    if (!preview || !presetName.trim()) return;
    try {
      setPresets(await call('import.savePreset', { name: presetName.trim(), basePreset: options.preset ?? preview.preset, options: { ...options, mapping: options.mapping ?? preview.mapping } }));
      notify('success', t('importer.presetSaved', { name: isolate(presetName.trim()) }));
      setPresetName('');
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  return (
    <Dialog open fullWidth maxWidth="lg" aria-labelledby="import-title" data-testid="import-dialog">
      <DialogTitle id="import-title">{t('importer.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {summaries.map((s) => (
            <Alert key={s.batchId} severity={s.status === 'complete' ? (s.rejected ? 'warning' : 'success') : 'error'} data-testid="import-summary">
              {summaryText(t, fileProblemText, s)}
            </Alert>
          ))}
          {phase.name !== 'done' && file && (
            <Typography variant="subtitle1" dir="auto">
              {t('importer.fileOf', { index: index + 1, count: files.length, name: isolate(file.name) })}
            </Typography>
          )}
          {error && phase.name === 'preview' && (
            <Alert severity="error" data-testid="import-error">
              {error}
            </Alert>
          )}
          {phase.name === 'preview' && preview && <ImportPreviewPanel preview={preview} options={options} presets={presets} onChange={setOptions} />}
          {phase.name === 'preview' && preview && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField size="small" label={t('importer.presetName')} value={presetName} onChange={(e) => setPresetName(e.target.value)} />
              <Button onClick={savePreset} disabled={!presetName.trim()}>
                {t('importer.savePreset')}
              </Button>
            </Stack>
          )}
          {runningJob && <JobProgress jobId={runningJob} totalName={file?.name ?? ''} />}
          {phase.name === 'preview' && !preview && !error && (sent ? <UploadProgress {...sent} /> : <LinearProgress />)}
        </Stack>
      </DialogContent>
      <DialogActions>
        {phase.name === 'preview' && (
          <>
            {files.length > 1 && <Button onClick={next}>{t('importer.skip')}</Button>}
            {files.length - index > 1 && (
              <Button onClick={() => setAuto(true)} disabled={!preview} data-testid="import-all">
                {t('importer.startAll')}
              </Button>
            )}
            <Box sx={{ flexGrow: 1 }} />
            <Button onClick={onClose}>{t('importer.close')}</Button>
            <Button variant="contained" onClick={start} disabled={!preview} data-testid="import-start">
              {t('importer.start')}
            </Button>
          </>
        )}
        {runningJob && (
          <Button color="warning" onClick={() => void call('import.cancel', { jobId: runningJob })} data-testid="import-cancel">
            {t('importer.cancel')}
          </Button>
        )}
        {phase.name === 'done' && (
          <Button variant="contained" onClick={onClose} data-testid="import-close">
            {t('importer.close')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
