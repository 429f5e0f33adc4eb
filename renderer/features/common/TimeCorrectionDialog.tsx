import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from './use-error-text';
import { DateTimeField } from './DateTimeField';

/**
 * Back-dating a time (an incident's, a timeline entry's): the new value replaces the old one, which the record
 * keeps with the reason. `allowClear` offers to empty the time (an incident's resolved time, say).
 */
export function TimeCorrectionDialog(props: {
  title: string;
  initial: number | null;
  allowClear?: boolean;
  onSave: (value: number | null, reason: string | undefined) => Promise<unknown>;
  onClose: () => void;
}) {
  const { title, initial, allowClear = false, onSave, onClose } = props;
  const { t } = useTranslation();
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [value, setValue] = useState(toLocalInput(initial));
  const [reason, setReason] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const time = fromLocalInput(value);
    if (time === null && !allowClear) return;
    try {
      await onSave(time, reason.trim() || undefined);
      onClose();
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="time-dialog-title">
      <form onSubmit={submit} data-testid="time-form">
        <DialogTitle id="time-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {t('time.correctHint')}
            </Typography>
            <DateTimeField size="medium" label={t('time.newValue')} value={value} onChange={setValue} testId="time-value" />
            <TextField
              label={t('time.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 2000, dir: 'auto', 'data-testid': 'time-reason' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          {allowClear && <Button onClick={() => setValue('')}>{t('time.clear')}</Button>}
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="time-submit">
            {t('form.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
