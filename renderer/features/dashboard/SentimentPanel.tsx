import { Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceForFile } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** The engine per language: labels, the last training's figures against the lexicon, which one is in use. */
export function SentimentPanel() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const status = useStore((s) => s.sentimentStatus);
  const load = useStore((s) => s.loadSentimentStatus);
  const train = useStore((s) => s.trainSentiment);
  const importLabels = useStore((s) => s.importLabels);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      notify('success', await work());
    } catch (err) {
      notify('error', errorText(err));
    } finally {
      setBusy(false);
    }
  };
  if (!status) return null;
  return (
    <Card variant="outlined" data-testid="sentiment-panel">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ flex: 1 }}>
            {t('sentiment.title')}
          </Typography>
          <Button size="small" disabled={busy} onClick={() => void run(async () => t('sentiment.trained', { count: (await train()).filter((o) => o.model?.active).length }))} data-testid="sentiment-train">
            {t('sentiment.train')}
          </Button>
          <Button size="small" disabled={busy} onClick={() => fileInput.current?.click()} data-testid="sentiment-import-labels">
            {t('sentiment.importLabels')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".csv,.tsv,.txt,.jsonl,.ndjson,.xlsx"
            data-testid="labels-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void run(async () => t('sentiment.labelsImported', { count: (await importLabels(await sourceForFile(file))).rows }));
            }}
          />
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {t('sentiment.rule')}
        </Typography>
        {(busy || status.job) && <LinearProgress variant={status.job?.total ? 'determinate' : 'indeterminate'} value={status.job?.total ? (100 * status.job.done) / status.job.total : 0} />}
        <Table size="small" data-testid="sentiment-models">
          <TableHead>
            <TableRow>
              <TableCell>{t('sentiment.lang')}</TableCell>
              <TableCell align="right">{t('sentiment.labels')}</TableCell>
              <TableCell align="right">{t('sentiment.modelF1')}</TableCell>
              <TableCell align="right">{t('sentiment.lexiconF1')}</TableCell>
              <TableCell>{t('sentiment.inUse')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {status.langs.map((l) => (
              <TableRow key={l.lang} data-testid={`sentiment-lang-${l.lang}`}>
                <TableCell>{l.lang}</TableCell>
                <TableCell align="right">{(l.analystLabels + l.fileLabels).toLocaleString(language)}</TableCell>
                <TableCell align="right">{l.model ? pct(l.model.model.macroF1) : '—'}</TableCell>
                <TableCell align="right">{l.model ? pct(l.model.lexicon.macroF1) : '—'}</TableCell>
                <TableCell title={l.model ? formatTime(l.model.trainedAt, language) : undefined}>
                  {l.model?.active ? t('sentiment.useModel', { version: l.model.version }) : l.hasLexicon ? t('sentiment.useLexicon') : t('sentiment.useNone')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
