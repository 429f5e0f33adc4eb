import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useRoleName } from '../team/role-text';

const LEVELS = [0, 1, 2, 3, 4] as const;

/** Who approves, in order, per crisis level; statements already submitted keep the chain they were submitted with. */
export function ChainsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const chains = useStore((s) => s.chains);
  const roles = useStore((s) => s.roles);
  const setChain = useStore((s) => s.setChain);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  const [adding, setAdding] = useState<Record<number, string>>({});
  const name = (id: string) => ((r) => (r ? roleName(r) : id))(roles.find((r) => r.id === id));
  const save = (level: (typeof LEVELS)[number], next: string[]) => void setChain(level, next).catch((err: unknown) => notify('error', errorText(err)));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('statements.chains')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('statements.chainsHint')}
        </Typography>
        <Stack spacing={2}>
          {LEVELS.map((level) => {
            const chain = chains[String(level)] ?? [];
            return (
              <Stack key={level} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }} data-testid={`chain-${level}`}>
                <Typography sx={{ width: 200 }}>{level === 0 ? t('level.none') : t(`level.${level}`)}</Typography>
                {chain.map((roleId, i) => (
                  <Chip key={roleId} label={`${i + 1}. ${name(roleId)}`} onDelete={chain.length > 1 ? () => save(level, chain.filter((r) => r !== roleId)) : undefined} />
                ))}
                <TextField size="small" select sx={{ minWidth: 180 }} label={t('statements.addStep')} value={adding[level] ?? ''} onChange={(e) => {
                  setAdding({ ...adding, [level]: '' });
                  save(level, [...chain, e.target.value]);
                }}>
                  {roles.filter((r) => !chain.includes(r.id)).map((r) => (
                    <MenuItem key={r.id} value={r.id}>
                      {roleName(r)}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
            );
          })}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('team.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
