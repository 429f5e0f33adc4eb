import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Asks once who is at this laptop; every change in the record carries that name. */
export function FirstRunDialog() {
  const { t } = useTranslation();
  const actor = useStore((s) => s.actor);
  const signIn = useStore((s) => s.signIn);
  const [name, setName] = useState(actor?.name ?? '');
  const [role, setRole] = useState(actor?.role ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) signIn({ name: name.trim(), role: role.trim() });
  };

  return (
    <Dialog open aria-labelledby="first-run-title" data-testid="first-run">
      <form onSubmit={submit}>
        <DialogTitle id="first-run-title">{t('firstRun.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography>{t('firstRun.intro')}</Typography>
            <TextField
              autoFocus
              required
              label={t('firstRun.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'first-run-name' } }}
            />
            <TextField
              label={t('firstRun.role')}
              placeholder={t('firstRun.rolePlaceholder')}
              value={role}
              onChange={(e) => setRole(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'first-run-role' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button type="submit" variant="contained" disabled={!name.trim()} data-testid="first-run-start">
            {t('firstRun.start')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
