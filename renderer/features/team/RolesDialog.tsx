import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/team';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useRoleDuties, useRoleName } from './role-text';

type Draft = { id?: string; name: string; duties: string; required: boolean };

/** The role catalogue: rename, describe, mark as required (a gap when empty), or add the team's own roles. */
export function RolesDialog({ incidentId, onClose }: { incidentId: string; onClose(): void }) {
  const { t } = useTranslation();
  const roles = useStore((s) => s.roles);
  const saveRole = useStore((s) => s.saveRole);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  const roleDuties = useRoleDuties();
  const [editing, setEditing] = useState<Draft | null>(null);
  const edit = (r: Role) => setEditing({ id: r.id, name: roleName(r), duties: roleDuties(r), required: r.required });
  const save = () => {
    if (!editing) return;
    const { id, ...role } = editing;
    void saveRole(incidentId, role, id).then(() => setEditing(null), (err: unknown) => notify('error', errorText(err)));
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('team.roles')}</DialogTitle>
      <DialogContent>
        {editing ? (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField size="small" label={t('team.role')} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'role-name' } }} />
            <TextField size="small" multiline minRows={2} label={t('team.duties')} value={editing.duties} onChange={(e) => setEditing({ ...editing, duties: e.target.value })} slotProps={{ htmlInput: { dir: 'auto' } }} />
            <FormControlLabel control={<Checkbox checked={editing.required} onChange={(e) => setEditing({ ...editing, required: e.target.checked })} data-testid="role-required" />} label={t('team.required')} />
          </Stack>
        ) : (
          <Stack spacing={0.5}>
            {roles.map((r) => (
              <Button key={r.id} onClick={() => edit(r)} sx={{ justifyContent: 'flex-start', textTransform: 'none' }} data-testid={`role-edit-${r.id}`}>
                {roleName(r)}
                {r.required ? ' *' : ''}
              </Button>
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {editing ? (
          <>
            <Button onClick={() => setEditing(null)}>{t('form.cancel')}</Button>
            <Button variant="contained" disabled={!editing.name.trim()} onClick={save} data-testid="role-save">
              {t('form.save')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => setEditing({ name: '', duties: '', required: false })} data-testid="role-new">
              {t('team.addRole')}
            </Button>
            <Button onClick={onClose}>{t('team.close')}</Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
