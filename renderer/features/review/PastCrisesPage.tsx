import { Box, Button, Checkbox, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRISIS_LEVELS, CRISIS_TYPES, type CrisisLevel, type CrisisType } from '../../../shared/domain';
import type { PastCrisis } from '../../../shared/review';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';
import { useErrorText } from '../common/use-error-text';
import { ArchiveImportButton } from './ArchiveButtons';
import { CompareDialog } from './CompareDialog';
import { useReviewFormat } from './review-text';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_v, i) => THIS_YEAR - i);

/** The archive of closed crises: search and filters, key figures per row, comparison, and archive files. */
export function PastCrisesPage() {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const f = useReviewFormat();
  const [filter, setFilter] = useState<{ search: string; level: CrisisLevel | ''; crisisType: CrisisType | ''; year: number | '' }>({ search: '', level: '', crisisType: '', year: '' });
  const [rows, setRows] = useState<PastCrisis[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const year = filter.year === '' ? {} : { closedFrom: new Date(filter.year, 0, 1).getTime(), closedTo: new Date(filter.year + 1, 0, 1).getTime() };
    void call('review.pastCrises', { ...(filter.search.trim() ? { search: filter.search } : {}), ...(filter.level ? { level: filter.level } : {}), ...(filter.crisisType ? { crisisType: filter.crisisType } : {}), ...year }).then(setRows, (err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- notify and errorText are per-render helpers
  }, [filter, reload]);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <Stack spacing={2} data-testid="past-crises">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button onClick={() => navigate({ name: 'incidents' })}>{t('app.back')}</Button>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>{t('pastCrises.title')}</Typography>
        <Button variant="contained" disabled={selected.length < 2} onClick={() => setComparing(true)} data-testid="compare">
          {t('pastCrises.compare', { count: selected.length })}
        </Button>
        <ArchiveImportButton onImported={() => setReload((n) => n + 1)} />
      </Stack>
      <Stack direction="row" spacing={1}>
        <TextField size="small" label={t('pastCrises.search')} value={filter.search} onChange={(e) => setFilter({ ...filter, search: e.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'past-search' } }} />
        <TextField select size="small" label={t('fields.level')} value={filter.level} onChange={(e) => setFilter({ ...filter, level: e.target.value === '' ? '' : (Number(e.target.value) as CrisisLevel) })} sx={{ minWidth: 160 }}>
          <MenuItem value="">{t('incidents.allLevels')}</MenuItem>
          {CRISIS_LEVELS.map((l) => <MenuItem key={l} value={l}>{t(`level.${l}`)}</MenuItem>)}
        </TextField>
        <TextField select size="small" label={t('fields.crisisType')} value={filter.crisisType} onChange={(e) => setFilter({ ...filter, crisisType: e.target.value as CrisisType | '' })} sx={{ minWidth: 200 }}>
          <MenuItem value="">{t('incidents.allTypes')}</MenuItem>
          {CRISIS_TYPES.map((c) => <MenuItem key={c} value={c}>{t(`crisisType.${c}`)}</MenuItem>)}
        </TextField>
        <TextField select size="small" label={t('pastCrises.year')} value={filter.year} onChange={(e) => setFilter({ ...filter, year: e.target.value === '' ? '' : Number(e.target.value) })} sx={{ minWidth: 120 }} data-testid="past-year">
          <MenuItem value="">{t('pastCrises.allYears')}</MenuItem>
          {YEARS.map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
      </Stack>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('pastCrises.empty')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>{t('fields.title')}</TableCell>
                <TableCell>{t('fields.level')}</TableCell>
                <TableCell>{t('pastCrises.closed')}</TableCell>
                <TableCell>{t('pastCrises.duration')}</TableCell>
                <TableCell>{t('review.metric.mentions')}</TableCell>
                <TableCell>{t('review.metric.peakHour')}</TableCell>
                <TableCell>{t('review.negativeShare')}</TableCell>
                <TableCell>{t('review.metric.detectionToAcknowledgement')}</TableCell>
                <TableCell>{t('pastCrises.reviewed')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.incident.id} hover data-testid="past-row">
                  <TableCell padding="checkbox"><Checkbox checked={selected.includes(r.incident.id)} onChange={() => toggle(r.incident.id)} slotProps={{ input: { 'aria-label': r.incident.title } }} /></TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => navigate({ name: 'incident', id: r.incident.id, tab: 'review' })} sx={{ textTransform: 'none' }}>{r.incident.title}</Button>
                  </TableCell>
                  <TableCell title={r.incident.level ? t(`level.${r.incident.level}`) : undefined}>{numbers.number(r.incident.level)}</TableCell>
                  <TableCell>{f.at(r.incident.closedAt)}</TableCell>
                  <TableCell>{f.span(r.durationMs)}</TableCell>
                  <TableCell>{f.n(r.mentions)}</TableCell>
                  <TableCell>{f.n(r.peakHourMentions)}</TableCell>
                  <TableCell>{f.pct(r.negativeShare)}</TableCell>
                  <TableCell>{f.span(r.detectionToAcknowledgementMs)}</TableCell>
                  <TableCell>{r.hasReview ? t('review.yes') : t('review.no')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {comparing && <CompareDialog incidentIds={selected} onClose={() => setComparing(false)} />}
    </Stack>
  );
}
