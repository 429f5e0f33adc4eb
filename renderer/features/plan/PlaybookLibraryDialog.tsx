import DeleteIcon from '@mui/icons-material/Delete';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRISIS_TYPES, type CrisisType } from '../../../shared/domain';
import type { Playbook, PlaybookStep } from '../../../shared/plan';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useRoleName } from '../team/role-text';
import { usePlanText } from './plan-text';
import { NumberField } from '../common/NumberField';

type Draft = { id?: string; name: string; crisisType: CrisisType | null; strategy: string; result: string; steps: PlaybookStep[] };

/** The library: every playbook editable (strategy, aimed result, checklist with role and target time), new ones added. */
export function PlaybookLibraryDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const playbooks = useStore((s) => s.playbooks);
  const roles = useStore((s) => s.roles);
  const save = useStore((s) => s.savePlaybook);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  const text = usePlanText();
  const [draft, setDraft] = useState<Draft | null>(null);

  // The editor starts from the text the reader sees; an untouched seeded step keeps its key (and so its translations).
  const edit = (p: Playbook) =>
    setDraft({ id: p.id, name: text.name(p), crisisType: p.crisisType, strategy: text.strategy(p), result: text.result(p), steps: p.steps.map((s) => ({ ...s, action: text.step(s) })) });
  const original = draft?.id ? playbooks.find((p) => p.id === draft.id) : undefined;
  const submit = () => {
    if (!draft) return;
    const unchanged = (shown: string, stored: string, seededShown: string) => (shown === seededShown ? stored : shown);
    const { id, ...body } = draft;
    const playbook = original
      ? {
          ...body,
          name: unchanged(body.name, original.name, text.name(original)),
          strategy: unchanged(body.strategy, original.strategy, text.strategy(original)),
          result: unchanged(body.result, original.result, text.result(original)),
          steps: body.steps.map((s) => {
            const before = original.steps.find((o) => o.seedKey !== null && o.seedKey === s.seedKey);
            return before && s.action === text.step(before) ? { ...s, action: before.action } : { ...s, seedKey: null };
          }),
        }
      : body;
    void save(playbook, id).then(() => setDraft(null), (err: unknown) => notify('error', errorText(err)));
  };
  const setStep = (i: number, patch: Partial<PlaybookStep>) => draft && setDraft({ ...draft, steps: draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{draft ? (draft.id ? t('plan.editPlaybook') : t('plan.newPlaybook')) : t('plan.library')}</DialogTitle>
      <DialogContent>
        {draft ? (
          <Stack spacing={2} sx={{ pt: 1 }} data-testid="playbook-editor">
            <Stack direction="row" spacing={1}>
              <TextField size="small" fullWidth label={t('plan.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'playbook-name' } }} />
              <TextField size="small" select sx={{ minWidth: 220 }} label={t('plan.crisisType')} value={draft.crisisType ?? ''} onChange={(e) => setDraft({ ...draft, crisisType: (e.target.value || null) as CrisisType | null })}>
                <MenuItem value="">{t('plan.anyType')}</MenuItem>
                {CRISIS_TYPES.map((c) => (
                  <MenuItem key={c} value={c}>
                    {t(`crisisType.${c}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <TextField size="small" multiline label={t('plan.strategy')} value={draft.strategy} onChange={(e) => setDraft({ ...draft, strategy: e.target.value })} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'playbook-strategy' } }} />
            <TextField size="small" multiline label={t('plan.result')} value={draft.result} onChange={(e) => setDraft({ ...draft, result: e.target.value })} slotProps={{ htmlInput: { dir: 'auto' } }} />
            <Typography variant="subtitle2">{t('plan.checklist')}</Typography>
            {draft.steps.map((s, i) => (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="playbook-step">
                <TextField size="small" sx={{ flex: 3 }} label={t('plan.action')} value={s.action} onChange={(e) => setStep(i, { action: e.target.value })} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'step-action' } }} />
                <TextField size="small" select sx={{ flex: 2 }} label={t('plan.ownerRole')} value={s.roleId ?? ''} onChange={(e) => setStep(i, { roleId: e.target.value || null })}>
                  <MenuItem value="">{t('plan.none')}</MenuItem>
                  {roles.map((r) => (
                    <MenuItem key={r.id} value={r.id}>
                      {roleName(r)}
                    </MenuItem>
                  ))}
                </TextField>
                <NumberField integer min={0} sx={{ flex: 1 }} label={t('plan.minutes')} value={s.dueMinutes} onChange={(dueMinutes) => setStep(i, { dueMinutes })} testId="step-minutes" />
                <IconButton aria-label={t('plan.removeStep')} onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_s, j) => j !== i) })}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Stack>
            ))}
            <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setDraft({ ...draft, steps: [...draft.steps, { action: '', roleId: null, dueMinutes: 60, seedKey: null }] })} data-testid="step-add">
              {t('plan.addStep')}
            </Button>
          </Stack>
        ) : (
          <Stack spacing={0.5}>
            {playbooks.map((p) => (
              <Button key={p.id} onClick={() => edit(p)} sx={{ justifyContent: 'flex-start', textTransform: 'none' }} data-testid={`playbook-edit-${p.id}`}>
                {text.name(p)}
                {p.crisisType ? ` · ${t(`crisisType.${p.crisisType}`)}` : ''}
              </Button>
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {draft ? (
          <>
            <Button onClick={() => setDraft(null)}>{t('form.cancel')}</Button>
            <Button variant="contained" disabled={!draft.name.trim() || draft.steps.some((s) => !s.action.trim())} onClick={submit} data-testid="playbook-save">
              {t('form.save')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => setDraft({ name: '', crisisType: null, strategy: '', result: '', steps: [] })} data-testid="playbook-new">
              {t('plan.newPlaybook')}
            </Button>
            <Button onClick={onClose}>{t('team.close')}</Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
