import { Alert, Box, Chip, Grid, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ENCODINGS, MAPPABLE_FIELDS, type DateOrder, type Delimiter, type Encoding, type ImportOptions, type ImportPreview, type MappableField } from '../../../shared/mentions';
import type { PresetList } from '../../../shared/api/imports';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useRowProblemText } from './problem-text';

const DELIMITER_NAMES: Record<Delimiter, 'comma' | 'semicolon' | 'tab' | 'pipe'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** What the importer detected in a file, every guess overridable, and the first rows as they will land. */
export function ImportPreviewPanel({ preview, options, presets, onChange }: { preview: ImportPreview; options: ImportOptions; presets: PresetList | null; onChange: (o: ImportOptions) => void }) {
  const { t } = useTranslation();
  const problemText = useRowProblemText();
  // A built-in preset in the reader's language; a saved one under the name the team gave it.
  const presetName = (id: string, label: string) => (presets?.builtIn.some((p) => p.id === id) ? t(`presets.${id}`, { defaultValue: label }) : label);
  const language = useStore((s) => s.language);
  const set = (patch: ImportOptions) => onChange({ ...options, ...patch });
  const setMapping = (field: MappableField, column: string) => {
    const mapping = { ...preview.mapping, ...options.mapping };
    if (column) mapping[field] = column;
    else delete mapping[field];
    set({ mapping });
  };
  const tabular = preview.columns !== null;
  return (
    <Stack spacing={2} data-testid="import-preview">
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        <Typography variant="subtitle2">{t('importer.detected')}:</Typography>
        <Chip size="small" label={`${t('importer.format')}: ${preview.format.toUpperCase()}`} data-testid="preview-format" />
        {preview.encoding && <Chip size="small" label={`${t('importer.encoding')}: ${preview.encoding}`} data-testid="preview-encoding" />}
        <Chip size="small" color="primary" label={`${t('importer.tool')}: ${presetName(preview.preset, preview.presetLabel)}`} data-testid="preview-preset" />
        {preview.skippedLines > 0 && <Chip size="small" variant="outlined" label={t('importer.skipped', { count: preview.skippedLines })} />}
      </Stack>
      <Grid container spacing={2}>
        {presets && (
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TextField select fullWidth size="small" label={t('importer.tool')} value={options.preset ?? preview.preset} onChange={(e) => onChange({ ...options, preset: e.target.value, mapping: undefined })}>
              {presets.builtIn.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {presetName(p.id, p.label)}
                </MenuItem>
              ))}
              {presets.saved.map((p) => (
                <MenuItem key={`saved:${p.name}`} value={p.name}>
                  ★ {p.name}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
        )}
        {preview.encoding && (
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TextField select fullWidth size="small" label={t('importer.encoding')} value={options.encoding ?? preview.encoding} onChange={(e) => set({ encoding: e.target.value as Encoding })} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'encoding-select' } as object } }}>
              {ENCODINGS.map((e) => (
                <MenuItem key={e} value={e} data-testid={`encoding-${e}`}>
                  {e}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
        )}
        {preview.delimiter && (
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>
            <TextField select fullWidth size="small" label={t('importer.delimiter')} value={options.delimiter ?? preview.delimiter} onChange={(e) => set({ delimiter: e.target.value as Delimiter })}>
              {Object.entries(DELIMITER_NAMES).map(([d, name]) => (
                <MenuItem key={d} value={d}>
                  {t(`importer.delimiters.${name}`)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
        )}
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TextField select fullWidth size="small" label={t('importer.dateOrder')} value={options.dateOrder ?? preview.dateOrder} onChange={(e) => set({ dateOrder: e.target.value as DateOrder })}>
            <MenuItem value="day-first">{t('importer.dayFirst')}</MenuItem>
            <MenuItem value="month-first">{t('importer.monthFirst')}</MenuItem>
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <TextField fullWidth size="small" label={t('importer.timezone')} value={options.timezone ?? preview.timezone} onChange={(e) => set({ timezone: e.target.value })} slotProps={{ htmlInput: { list: 'firebreak-timezones' } }} />
          <datalist id="firebreak-timezones">
            {(Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone').map((z) => <option key={z} value={z} />)}
          </datalist>
        </Grid>
      </Grid>
      {tabular && (
        <Box>
          <Typography variant="subtitle2" gutterBottom>
            {t('importer.mapping')}
          </Typography>
          <Grid container spacing={1}>
            {MAPPABLE_FIELDS.map((field) => (
              <Grid key={field} size={{ xs: 6, sm: 4, md: 3 }}>
                <TextField select fullWidth size="small" label={t(`mappable.${field}`)} value={(options.mapping ?? preview.mapping)[field] ?? ''} onChange={(e) => setMapping(field, e.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': `map-${field}` } as object } }}>
                  <MenuItem value="">{t('importer.notMapped')}</MenuItem>
                  {preview.columns!.map((c) => (
                    <MenuItem key={c} value={c}>
                      {c}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
            ))}
          </Grid>
        </Box>
      )}
      <Box>
        <Typography variant="subtitle2" gutterBottom>
          {t('importer.sample')}
        </Typography>
        <Table size="small" data-testid="preview-sample">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{t('mention.published')}</TableCell>
              <TableCell>{t('mappable.author')}</TableCell>
              <TableCell>{t('mappable.platform')}</TableCell>
              <TableCell>{t('mappable.text')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.sample.map((r) =>
              r.mention ? (
                <TableRow key={r.rowNumber}>
                  <TableCell>{r.rowNumber}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTime(r.mention.publishedAt ?? null, language)}</TableCell>
                  <TableCell dir="auto">{r.mention.author}</TableCell>
                  <TableCell>{r.mention.platform}</TableCell>
                  <TableCell dir="auto" sx={{ maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {r.mention.text}
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={r.rowNumber}>
                  <TableCell colSpan={5}>
                    <Alert severity="warning" sx={{ py: 0 }}>
                      {t('importer.rowError', { row: r.rowNumber, reason: problemText(r.problem, r.error ?? '') })}
                    </Alert>
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      </Box>
    </Stack>
  );
}
