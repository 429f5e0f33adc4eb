import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RANKS, type Rank } from '../../../shared/team';
import { fromLocalInput } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { PersonForm } from './PeopleDialog';
import { useRoleName } from './role-text';
import { DateTimeField } from '../common/DateTimeField';

/** Puts a person (from the directory, or added here) in a role, as primary or backup, optionally for a shift. */
export function AssignDialog({ incidentId, roleId, onClose }: { incidentId: string; roleId?: string; onClose(): void }) {
  const { t } = useTranslation();
  const people = useStore((s) => s.people);
  const roles = useStore((s) => s.roles);
  const assign = useStore((s) => s.assignRole);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  // Until picked, the defaults: also once the team arrives, if the dialog opened before it did (a slow room server).
  const [personPick, setPersonId] = useState<string | null>(null);
  const [rolePick, setRole] = useState<string | null>(null);
  const personId = personPick ?? people[0]?.id ?? '';
  const role = rolePick ?? roleId ?? roles[0]?.id ?? '';
  const [rank, setRank] = useState<Rank>('primary');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [handover, setHandover] = useState('');
  // A new person's form when the directory is empty; the roles (never empty) say it has been read.
  const [addingPick, setAdding] = useState<boolean | null>(null);
  const adding = addingPick ?? (roles.length > 0 && people.length === 0);
  const save = () =>
    void assign({ incidentId, personId, roleId: role, rank, shiftStart: fromLocalInput(start), shiftEnd: fromLocalInput(end), handover }).then(onClose, (err: unknown) =>
      notify('error', errorText(err)),
    );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{t('team.assign')}</DialogTitle>
      <DialogContent>
        {adding ? (
          <PersonForm
            onSaved={(p) => {
              setPersonId(p.id);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField size="small" select fullWidth label={t('team.person')} value={personId} onChange={(e) => setPersonId(e.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'assign-person' } as object } }}>
                {people.map((p) => (
                  <MenuItem key={p.id} value={p.id} data-testid="assign-person-option">
                    {p.name}
                  </MenuItem>
                ))}
              </TextField>
              <Button size="small" onClick={() => setAdding(true)} data-testid="assign-new-person">
                {t('team.newPerson')}
              </Button>
            </Stack>
            <TextField size="small" select label={t('team.role')} value={role} onChange={(e) => setRole(e.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'assign-role' } as object } }}>
              {roles.map((r) => (
                <MenuItem key={r.id} value={r.id} data-testid={`assign-role-${r.id}`}>
                  {roleName(r)}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" select label={t('team.rankLabel')} value={rank} onChange={(e) => setRank(e.target.value as Rank)}>
              {RANKS.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`team.rank.${r}`)}
                </MenuItem>
              ))}
            </TextField>
            <Stack direction="row" spacing={1}>
              <DateTimeField label={t('team.shiftStart')} value={start} onChange={setStart} />
              <DateTimeField label={t('team.shiftEnd')} value={end} onChange={setEnd} />
            </Stack>
            <TextField size="small" multiline minRows={2} label={t('team.handover')} value={handover} onChange={(e) => setHandover(e.target.value)} slotProps={{ htmlInput: { dir: 'auto' } }} />
          </Stack>
        )}
      </DialogContent>
      {!adding && (
        <DialogActions>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button variant="contained" disabled={!personId || !role} onClick={save} data-testid="assign-save">
            {t('team.assign')}
          </Button>
        </DialogActions>
      )}
    </Dialog>
  );
}
