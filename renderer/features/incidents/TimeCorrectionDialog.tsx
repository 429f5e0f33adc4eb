import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentTimeField } from '../../../shared/domain';
import { fromLocalInput, toLocalInput } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** Back-dating a time: the new value replaces the old one, which the history keeps with the reason. */
export function TimeCorrectionDialog({ incident, field, onClose }: { incident: Incident; field: IncidentTimeField; onClose: () => void }) {
  const { t } = useTranslation();
  const setTime = useStore((s) => s.setTime);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [value, setValue] = useState(toLocalInput(incident[field]));
  const [reason, setReason] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await setTime(incident.id, field, fromLocalInput(value), reason.trim() || undefined);
      onClose();
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="time-dialog-title">
      <form onSubmit={submit} data-testid="time-form">
        <DialogTitle id="time-dialog-title">{t('time.correctTitle', { field: t(`fields.${field}`) })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {t('time.correctHint')}
            </Typography>
            <TextField
              type="datetime-local"
              label={t('time.newValue')}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'time-value' } }}
            />
            <TextField
              label={t('time.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'time-reason' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setValue('')}>{t('time.clear')}</Button>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="time-submit">
            {t('form.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
