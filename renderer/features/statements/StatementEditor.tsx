import { Alert, Autocomplete, Button, Chip, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type StatementContent } from '../../../shared/statements';
import { isolate } from '../../bidi';

/** Title, text, languages and channels of a new version; saving makes the version (the old ones stay). */
export function StatementEditor({ initial, warnVoid, savedMeanwhile, onSave, onCancel }: {
  initial: StatementContent;
  warnVoid: boolean;
  /** Someone else saved a version since this editor opened (the room's live updates said so). */
  savedMeanwhile: { author: string; current: number } | null;
  onSave(c: StatementContent): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [c, setC] = useState(initial);
  const [langs, setLangs] = useState(initial.languages.join(', '));
  const save = () => void onSave({ ...c, languages: langs.split(',').map((l) => l.trim()).filter(Boolean) });
  return (
    <Stack spacing={2} data-testid="statement-editor">
      <TextField size="small" label={t('statements.title')} value={c.title} onChange={(e) => setC({ ...c, title: e.target.value })} slotProps={{ htmlInput: { dir: 'auto', maxLength: 300, 'data-testid': 'statement-title' } }} />
      <TextField multiline minRows={8} label={t('statements.body')} value={c.body} onChange={(e) => setC({ ...c, body: e.target.value })} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'statement-body' } }} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <TextField size="small" sx={{ minWidth: 160 }} label={t('statements.languages')} value={langs} onChange={(e) => setLangs(e.target.value)} helperText={t('statements.languagesHint')} />
        <Autocomplete
          multiple
          freeSolo
          size="small"
          sx={{ flex: 1 }}
          options={[...CHANNELS]}
          value={c.channels}
          onChange={(_e, value) => setC({ ...c, channels: value })}
          getOptionLabel={(o) => t(`statements.channel.${o}`, { defaultValue: o })}
          renderValue={(value, getItemProps) => value.map((o, index) => <Chip size="small" label={t(`statements.channel.${o}`, { defaultValue: o })} {...getItemProps({ index })} key={o} />)}
          renderInput={(params) => <TextField {...params} label={t('statements.channels')} />}
        />
      </Stack>
      {warnVoid && <Chip color="warning" variant="outlined" label={t('statements.editVoids')} />}
      {savedMeanwhile && (
        <Alert severity="warning" data-testid="statement-saved-meanwhile">
          {t('statements.changedWhileEditing', { author: isolate(savedMeanwhile.author), current: savedMeanwhile.current })}
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={!c.title.trim()} onClick={save} data-testid="statement-save">
          {t('statements.saveVersion')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
      </Stack>
    </Stack>
  );
}
