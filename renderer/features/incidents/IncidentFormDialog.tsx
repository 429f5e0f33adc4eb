import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CRISIS_LEVELS, CRISIS_TYPES, PHASES, type CrisisLevel, type CrisisType, type Incident, type Phase } from '../../../shared/domain';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

type Draft = {
  title: string;
  organisation: string;
  description: string;
  level: CrisisLevel | null;
  crisisType: CrisisType | null;
  phase: Phase;
  owner: string;
  status: 'monitoring' | 'active';
};

const draftOf = (i: Incident | null): Draft => ({
  title: i?.title ?? '',
  organisation: i?.organisation ?? '',
  description: i?.description ?? '',
  level: i?.level ?? null,
  crisisType: i?.crisisType ?? null,
  phase: i?.phase ?? 'during',
  owner: i?.owner ?? '',
  status: 'active',
});

/** Create a new incident, or edit the plain fields of an existing one (status and times have their own actions). */
export function IncidentFormDialog({ incident, onClose }: { incident: Incident | null; onClose: (saved?: Incident) => void }) {
  const { t } = useTranslation();
  const createIncident = useStore((s) => s.createIncident);
  const updateIncident = useStore((s) => s.updateIncident);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(incident));
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft.title.trim()) return;
    setBusy(true);
    try {
      const { status, ...fields } = draft;
      if (incident) {
        await updateIncident(incident.id, fields);
        onClose(incident);
      } else {
        onClose(await createIncident({ ...fields, status }));
      }
    } catch (err) {
      notify('error', errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={() => onClose()} fullWidth maxWidth="sm" aria-labelledby="incident-form-title">
      <form onSubmit={submit} data-testid="incident-form">
        <DialogTitle id="incident-form-title">{incident ? t('form.editTitle') : t('form.createTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              autoFocus
              required
              label={t('fields.title')}
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
              slotProps={{ htmlInput: { maxLength: 300, 'data-testid': 'field-title' } }}
            />
            <TextField
              label={t('fields.organisation')}
              value={draft.organisation}
              onChange={(e) => set('organisation', e.target.value)}
              slotProps={{ htmlInput: { maxLength: 300, 'data-testid': 'field-organisation' } }}
            />
            <TextField
              label={t('fields.description')}
              value={draft.description}
              multiline
              minRows={3}
              onChange={(e) => set('description', e.target.value)}
              slotProps={{ htmlInput: { maxLength: 20000, 'data-testid': 'field-description' } }}
            />
            <TextField
              select
              label={t('fields.level')}
              value={draft.level ?? ''}
              onChange={(e) => set('level', e.target.value === '' ? null : (Number(e.target.value) as CrisisLevel))}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'field-level' } as object } }}
            >
              <MenuItem value="">{t('level.none')}</MenuItem>
              {CRISIS_LEVELS.map((l) => (
                <MenuItem key={l} value={l} data-testid={`level-option-${l}`}>
                  {t(`level.${l}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('fields.crisisType')}
              value={draft.crisisType ?? ''}
              onChange={(e) => set('crisisType', e.target.value === '' ? null : (e.target.value as CrisisType))}
            >
              <MenuItem value="">{t('crisisType.none')}</MenuItem>
              {CRISIS_TYPES.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`crisisType.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label={t('fields.phase')} value={draft.phase} onChange={(e) => set('phase', e.target.value as Phase)}>
              {PHASES.map((p) => (
                <MenuItem key={p} value={p}>
                  {t(`phase.${p}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('fields.owner')}
              value={draft.owner}
              onChange={(e) => set('owner', e.target.value)}
              slotProps={{ htmlInput: { maxLength: 300 } }}
            />
            {!incident && (
              <TextField
                select
                label={t('form.startAs')}
                value={draft.status}
                onChange={(e) => set('status', e.target.value as Draft['status'])}
              >
                <MenuItem value="active">{t('status.active')}</MenuItem>
                <MenuItem value="monitoring">{t('status.monitoring')}</MenuItem>
              </TextField>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose()}>{t('form.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !draft.title.trim()} data-testid="incident-form-submit">
            {incident ? t('form.save') : t('form.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
