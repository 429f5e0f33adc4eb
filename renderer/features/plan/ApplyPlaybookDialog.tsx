import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, List, ListItem, ListItemButton, ListItemText, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisType } from '../../../shared/domain';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { PlaybookSummary } from './PlaybookSummary';
import { usePlanText } from './plan-text';

/** Pick a playbook (the one for the incident's crisis type first), see its checklist, and turn it into tasks. */
export function ApplyPlaybookDialog({ incidentId, crisisType, onClose }: { incidentId: string; crisisType: CrisisType | null; onClose(): void }) {
  const { t } = useTranslation();
  const playbooks = useStore((s) => s.playbooks);
  const applied = useStore((s) => s.appliedPlaybooks);
  const apply = useStore((s) => s.applyPlaybook);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const text = usePlanText();
  const isApplied = (id: string) => applied.some((a) => a.playbook.id === id);
  const ordered = [...playbooks].sort((a, b) => Number(b.crisisType === crisisType && crisisType !== null) - Number(a.crisisType === crisisType && crisisType !== null));
  // Until one is picked, the suggestion: made once the playbooks are here (the dialog may open before they arrive),
  // then kept. Another laptop applying it meanwhile shows it applied here; it must not quietly become the next
  // playbook in the list, which a click on Apply would then apply.
  const [picked, setSelected] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<string | null>(null);
  if (suggested === null && playbooks.length > 0) setSuggested(ordered.find((p) => !isApplied(p.id))?.id ?? '');
  const selected = picked ?? suggested ?? '';
  const [from, setFrom] = useState<'opened' | 'now'>('opened');
  const playbook = playbooks.find((p) => p.id === selected);
  const save = () => void apply(incidentId, selected, from).then(onClose, (err: unknown) => notify('error', errorText(err)));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('plan.applyTitle')}</DialogTitle>
      <DialogContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <List dense sx={{ minWidth: 260 }}>
            {ordered.map((p) => (
              <ListItem key={p.id} disablePadding>
                <ListItemButton selected={p.id === selected} disabled={isApplied(p.id)} onClick={() => setSelected(p.id)} data-testid={`apply-pick-${p.id}`}>
                  <ListItemText primary={text.name(p)} secondary={p.crisisType === crisisType && crisisType !== null ? t('plan.suggested') : undefined} />
                  {isApplied(p.id) && <Chip size="small" label={t('plan.alreadyApplied')} />}
                </ListItemButton>
              </ListItem>
            ))}
          </List>
          {playbook && (
            <Stack spacing={1} sx={{ flex: 1 }}>
              <PlaybookSummary playbook={playbook} />
              <RadioGroup value={from} onChange={(e) => setFrom(e.target.value as 'opened' | 'now')}>
                <FormControlLabel value="opened" control={<Radio size="small" />} label={t('plan.fromOpened')} />
                <FormControlLabel value="now" control={<Radio size="small" data-testid="apply-from-now" />} label={t('plan.fromNow')} />
              </RadioGroup>
            </Stack>
          )}
          {!playbook && <Typography color="text.secondary">{t('plan.none')}</Typography>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!playbook || isApplied(selected)} onClick={save} data-testid="apply-confirm">
          {t('plan.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
