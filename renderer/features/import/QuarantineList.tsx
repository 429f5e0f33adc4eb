import { Box, Button, Card, CardActions, CardContent, Grid, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuarantinedRow } from '../../../shared/mentions';
import { ApiCallError, call, downloadText } from '../../api/client';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { QUARANTINE_PAGE } from '../../store/imports-slice';
import { useErrorText } from '../common/use-error-text';
import { rowProblemOf, useRowProblemText } from './problem-text';

function QuarantineCard({ row, incidentId }: { row: QuarantinedRow; incidentId: string }) {
  const { t } = useTranslation();
  const retry = useStore((s) => s.retryQuarantined);
  const dismiss = useStore((s) => s.dismissQuarantined);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const problemText = useRowProblemText();
  const [editing, setEditing] = useState(false);
  const [record, setRecord] = useState<Record<string, string>>(typeof row.raw === 'object' ? row.raw : {});
  const run = async (action: () => Promise<void>, done?: string) => {
    try {
      await action();
      if (done) notify('success', done);
    } catch (err) {
      const problem = err instanceof ApiCallError ? rowProblemOf(err.error.details) : null;
      notify('error', problem ? t('quarantine.stillBad', { row: row.rowNumber, reason: problemText(problem, '') }) : errorText(err));
    }
  };
  return (
    <Card variant="outlined" data-testid="quarantine-row">
      <CardContent>
        <Typography variant="subtitle2">
          {t('quarantine.row', { file: isolate(row.fileName), row: row.rowNumber })}
        </Typography>
        <Typography color="error" variant="body2" data-testid="quarantine-reason">
          {problemText(row.problem, row.reason)}
        </Typography>
        {typeof row.raw === 'string' ? (
          <Box component="pre" dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 160, overflow: 'auto', fontSize: 12 }}>
            {row.raw.slice(0, 5000)}
          </Box>
        ) : editing ? (
          <Grid container spacing={1} sx={{ mt: 1 }}>
            {Object.keys(record).map((column) => (
              <Grid key={column} size={{ xs: 12, sm: 6 }}>
                <TextField fullWidth size="small" label={column} value={record[column]} onChange={(e) => setRecord({ ...record, [column]: e.target.value })} slotProps={{ htmlInput: { 'data-testid': `quarantine-field-${column}`, dir: 'auto' } }} />
              </Grid>
            ))}
          </Grid>
        ) : (
          <Typography variant="body2" color="text.secondary" dir="auto" sx={{ overflowWrap: 'anywhere' }}>
            {Object.entries(row.raw)
              .map(([k, v]) => `${k}: ${v.slice(0, 200)}`)
              .join(' · ')}
          </Typography>
        )}
      </CardContent>
      <CardActions>
        {typeof row.raw === 'object' && !editing && (
          <Button size="small" onClick={() => setEditing(true)} data-testid="quarantine-fix">
            {t('quarantine.fix')}
          </Button>
        )}
        {editing && (
          <Button size="small" variant="contained" onClick={() => void run(() => retry(row.id, record, incidentId), t('quarantine.fixed'))} data-testid="quarantine-retry">
            {t('quarantine.retry')}
          </Button>
        )}
        <Button size="small" onClick={() => void run(() => dismiss(row.id, incidentId))} data-testid="quarantine-dismiss">
          {t('quarantine.dismiss')}
        </Button>
      </CardActions>
    </Card>
  );
}

/** Rows an import could not read: nothing is dropped, each can be fixed, dismissed or exported. */
export function QuarantineList({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const quarantine = useStore((s) => s.quarantine);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const top = useRef<HTMLDivElement>(null);
  const exportCsv = async () => {
    try {
      const { fileName, csv } = await call('quarantine.export', { incidentId });
      downloadText(fileName, csv);
    } catch (err) {
      notify('error', errorText(err));
    }
  };
  return (
    <Stack spacing={1} data-testid="quarantine" ref={top}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          {t('quarantine.title')} ({quarantine.total.toLocaleString(language)})
        </Typography>
        <Button onClick={() => void exportCsv()} disabled={quarantine.total === 0}>
          {t('quarantine.export')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('quarantine.hint')}
      </Typography>
      <QuarantinePager incidentId={incidentId} />
      {quarantine.rows.length === 0 ? <Typography color="text.secondary">{t('quarantine.empty')}</Typography> : quarantine.rows.map((r) => <QuarantineCard key={r.id} row={r} incidentId={incidentId} />)}
      {quarantine.rows.length > 20 && <QuarantinePager incidentId={incidentId} onPaged={() => top.current?.scrollIntoView({ block: 'start' })} />}
    </Stack>
  );
}

/** Which rows are on screen, and the pages before and after: a broken file can leave thousands of rows. */
function QuarantinePager({ incidentId, onPaged }: { incidentId: string; onPaged?: () => void }) {
  const { t } = useTranslation();
  const { rows, total, offset } = useStore((s) => s.quarantine);
  const loadQuarantine = useStore((s) => s.loadQuarantine);
  // The pager under the list takes the reader back up to the new page's first row.
  const load = (from: number) => loadQuarantine(incidentId, from).then(onPaged);
  if (total <= QUARANTINE_PAGE) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="quarantine-pager">
      <Typography variant="body2" data-testid="quarantine-shown">
        {t('quarantine.shown', { from: offset + 1, to: offset + rows.length, total })}
      </Typography>
      <Button size="small" disabled={offset === 0} onClick={() => void load(Math.max(0, offset - QUARANTINE_PAGE))} data-testid="quarantine-previous">
        {t('quarantine.previous')}
      </Button>
      <Button size="small" disabled={offset + rows.length >= total} onClick={() => void load(offset + QUARANTINE_PAGE)} data-testid="quarantine-next">
        {t('quarantine.next')}
      </Button>
    </Stack>
  );
}
