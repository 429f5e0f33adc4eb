import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionExportFormat } from '../../../shared/mentions';
import { call, downloadPrepared } from '../../api/client';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** What a person picks from: a workbook for Excel in any locale, or CSV for any other spreadsheet or a script. */
const FORMATS: { format: MentionExportFormat; label: string; hint: string }[] = [
  { format: 'xlsx', label: 'explorer.exportXlsx', hint: 'explorer.exportXlsxHint' },
  { format: 'csv', label: 'explorer.exportCsv', hint: 'explorer.exportCsvHint' },
];

/**
 * Saves the mentions the explorer shows (its filter, its order) as a workbook or a CSV: for legal, head office or the
 * agency, who need the mentions themselves, not a chart of them. Each time is given in UTC and in this laptop's time
 * zone. With `ids`, only those (the ticked ones: "send legal these five posts").
 */
export function ExportMentionsButton({ incidentId, ids }: { incidentId: string; ids?: readonly number[] }) {
  const { t } = useTranslation();
  const filter = useStore((s) => s.filter);
  const sort = useStore((s) => s.sort);
  const total = useStore((s) => s.total);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  // Not crypto.randomUUID: a room joined over the Wi-Fi is plain http, where browsers leave it out.
  const [progressId] = useState(() => `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  const share = useStore((s) => s.exportProgress[progressId]);
  const beginExport = useStore((s) => s.beginExport);
  const forgetExport = useStore((s) => s.forgetExport);
  const [busy, setBusy] = useState(false);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const run = (format: MentionExportFormat) => {
    setMenu(null);
    setBusy(true);
    beginExport(progressId);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    void call('mentions.export', { filter: { ...filter, incidentId }, sort, format, timeZone, progressId, ...(ids ? { ids: [...ids] } : {}) })
      .then((prepared) => {
        downloadPrepared(prepared);
        notify('success', t('explorer.exported', { count: prepared.rows, file: isolate(prepared.fileName) }));
      }, (err: unknown) => notify('error', errorText(err)))
      .finally(() => {
        setBusy(false);
        forgetExport(progressId);
      });
  };
  return (
    <>
      <Button
        size="small"
        sx={{ whiteSpace: 'nowrap' }}
        disabled={busy || total === 0}
        onClick={(e) => setMenu(e.currentTarget)}
        startIcon={busy ? <CircularProgress size={16} variant={share ? 'determinate' : 'indeterminate'} value={(share ?? 0) * 100} /> : <DownloadIcon />}
        aria-haspopup="menu"
        data-testid={ids ? 'bulk-export' : 'mentions-export'}
      >
        {busy ? t('explorer.exporting', { percent: Math.floor((share ?? 0) * 100) }) : ids ? t('explorer.exportSelected') : t('explorer.export')}
      </Button>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        {FORMATS.map(({ format, label, hint }) => (
          <MenuItem key={format} onClick={() => run(format)} data-testid={`export-${format}`}>
            <ListItemText primary={t(label)} secondary={t(hint)} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
