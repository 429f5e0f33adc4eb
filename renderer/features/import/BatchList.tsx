import { Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../shared/mentions';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';
import { useErrorText } from '../common/use-error-text';
import { useFileProblemText } from './problem-text';

const COLORS = { running: 'info', complete: 'success', failed: 'error', cancelled: 'default', undone: 'default' } as const;

/** Every import of the incident: what file, by whom, what it added, and an undo for each. */
export function BatchList({ incidentId, batches }: { incidentId: string; batches: ImportBatch[] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const numbers = useNumbers();
  const undoBatch = useStore((s) => s.undoBatch);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const problemText = useFileProblemText();
  if (batches.length === 0) return <Typography color="text.secondary">{t('batches.empty')}</Typography>;

  const undo = async (b: ImportBatch) => {
    if (!window.confirm(t('batches.undoConfirm', { count: b.imported }))) return;
    try {
      await undoBatch(b.id, incidentId);
      notify('success', t('batches.undone'));
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  return (
    <Table size="small" data-testid="batch-list">
      <TableHead>
        <TableRow>
          <TableCell>{t('batches.file')}</TableCell>
          <TableCell>{t('batches.when')}</TableCell>
          <TableCell>{t('batches.who')}</TableCell>
          <TableCell>{t('batches.counts')}</TableCell>
          <TableCell>{t('batches.status')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {batches.map((b) => (
          <TableRow key={b.id} data-testid="batch-row">
            <TableCell dir="auto">
              <Tooltip title={`SHA-256 ${b.sha256 || '—'} · ${numbers.number(Math.round(b.fileSize / 102.4) / 10)} KB · ${b.format.toUpperCase()} · ${b.preset ?? ''} · ${b.encoding ?? ''}`}>
                <span>{b.fileName}</span>
              </Tooltip>
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(b.startedAt, language)}</TableCell>
            <TableCell dir="auto">{b.createdBy}</TableCell>
            <TableCell data-testid="batch-counts">
              {[b.imported, b.duplicates, b.rejected].map(numbers.number).join(' / ')}
            </TableCell>
            <TableCell>
              <Tooltip title={problemText(b.problem, b.error ?? '')}>
                <Chip size="small" color={COLORS[b.status]} label={t(`batches.statusValue.${b.status}`)} data-testid="batch-status" />
              </Tooltip>
            </TableCell>
            <TableCell>
              {b.status === 'complete' && (
                <Button size="small" color="warning" onClick={() => void undo(b)} data-testid="batch-undo">
                  {t('batches.undo')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
