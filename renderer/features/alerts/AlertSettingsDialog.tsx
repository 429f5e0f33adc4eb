import { Button, Checkbox, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SENSITIVITIES, type AlertSettings, type Sensitivity } from '../../../shared/analytics';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { NumberField } from '../common/NumberField';

/**
 * Per-incident thresholds, read when the dialog opens (this incident's, as they are now in the room: a form filled
 * from settings not read yet, or from the incident seen before, would save those over the real ones); saving re-checks
 * the stream with them.
 */
export function AlertSettingsDialog({ incidentId, onClose }: { incidentId: string; onClose(): void }) {
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [current, setCurrent] = useState<AlertSettings | null>(null);
  useEffect(() => {
    let open = true;
    call('alerts.settings', { incidentId }).then(
      (settings) => open && setCurrent(settings),
      (err: unknown) => notify('error', errorText(err)),
    );
    return () => {
      open = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- notify and errorText are per-render helpers
  }, [incidentId]);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      {current ? <SettingsForm incidentId={incidentId} initial={current} onClose={onClose} /> : <CircularProgress sx={{ m: 4, alignSelf: 'center' }} data-testid="alert-settings-loading" />}
    </Dialog>
  );
}

function SettingsForm({ incidentId, initial, onClose }: { incidentId: string; initial: AlertSettings; onClose(): void }) {
  const { t } = useTranslation();
  const save = useStore((s) => s.saveAlertSettings);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [s, setS] = useState<AlertSettings>(initial);
  const num = (key: keyof AlertSettings, label: string, step = 1) => (
    <NumberField integer min={step} step={step} empty={step} label={label} value={s[key] as number} onChange={(v) => setS({ ...s, [key]: v ?? step })} testId={`alert-${key}`} />
  );
  return (
    <>
      <DialogTitle>{t('alerts.settings')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField size="small" select label={t('alerts.sensitivity')} value={s.sensitivity} onChange={(e) => setS({ ...s, sensitivity: e.target.value as Sensitivity })} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'alert-sensitivity' } as object } }}>
            {SENSITIVITIES.map((v) => (
              <MenuItem key={v} value={v} data-testid={`sensitivity-${v}`}>
                {t(`alerts.sensitivityValue.${v}`)}
              </MenuItem>
            ))}
          </TextField>
          {num('minCount', t('alerts.minCount'))}
          {num('windowMinutes', t('alerts.windowMinutes'), 5)}
          {num('baselineWindows', t('alerts.baselineWindows'))}
          {num('followerThreshold', t('alerts.followerThreshold'))}
          <FormControlLabel control={<Checkbox checked={s.newTerms} onChange={(e) => setS({ ...s, newTerms: e.target.checked })} />} label={t('alerts.newTerms')} />
          <FormControlLabel control={<Checkbox checked={s.copies} onChange={(e) => setS({ ...s, copies: e.target.checked })} data-testid="alert-copies" />} label={t('alerts.copies')} />
          {s.copies && <NumberField integer min={3} step={1} empty={3} label={t('alerts.copyAccounts')} value={s.copyAccounts} onChange={(v) => setS({ ...s, copyAccounts: v ?? 3 })} testId="alert-copyAccounts" />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" data-testid="alert-settings-save" onClick={() => void save(incidentId, s).then(onClose, (err: unknown) => notify('error', errorText(err)))}>
          {t('form.save')}
        </Button>
      </DialogActions>
    </>
  );
}
