import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ComparedIncident } from '../../../shared/review';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import '../dashboard/chart-setup';
import { useFigures } from './review-text';

const COLORS = ['#c62828', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'];

/** Crises side by side: the report's figures per crisis, and their hourly curves aligned at detection (hour 0). */
export function CompareDialog({ incidentIds, onClose }: { incidentIds: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const figures = useFigures();
  const [compared, setCompared] = useState<ComparedIncident[] | null>(null);
  useEffect(() => {
    void call('review.compare', { incidentIds }).then(setCompared, (err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- notify and errorText are per-render helpers
  }, [incidentIds]);
  const hours = compared ? [...new Set(compared.flatMap((c) => c.curve.map((p) => p.hour)))].sort((a, b) => a - b) : [];
  const table = compared?.map((c) => figures(c.metrics)) ?? [];
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth>
      <DialogTitle>{t('pastCrises.compareTitle')}</DialogTitle>
      <DialogContent>
        {compared && (
          <>
            <Box sx={{ height: 280 }} data-testid="compare-chart">
              <Line
                data={{
                  labels: hours.map(String),
                  datasets: compared.map((c, i) => ({
                    label: c.incident.title,
                    data: hours.map((h) => c.curve.find((p) => p.hour === h)?.mentions ?? null),
                    borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], pointRadius: 0, spanGaps: true,
                  })),
                }}
                options={{ animation: false, maintainAspectRatio: false, scales: { x: { title: { display: true, text: t('pastCrises.hoursSinceDetection') } }, y: { beginAtZero: true } } }}
              />
            </Box>
            <Table size="small" data-testid="compare-table">
              <TableHead>
                <TableRow>
                  <TableCell />
                  {compared.map((c) => <TableCell key={c.incident.id}>{c.incident.title}</TableCell>)}
                </TableRow>
              </TableHead>
              <TableBody>
                {table[0]?.map((row, r) => (
                  <TableRow key={row.key}>
                    <TableCell component="th">{row.label}</TableCell>
                    {table.map((col, c) => <TableCell key={compared[c].incident.id}>{col[r].value}</TableCell>)}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('pastCrises.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
