import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/team';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

const EMPTY = { name: '', title: '', organisation: '', phone: '', email: '', languages: [] as string[], notes: '' };
type Draft = typeof EMPTY;

/** A form for one person of the directory; used on its own (new person) and in the directory (edit). */
export function PersonForm({ initial, onSaved, onCancel }: { initial?: Person; onSaved(p: Person): void; onCancel(): void }) {
  const { t } = useTranslation();
  const savePerson = useStore((s) => s.savePerson);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(initial ? { ...initial } : EMPTY);
  const [languages, setLanguages] = useState((initial?.languages ?? []).join(', '));
  const field = (key: keyof Omit<Draft, 'languages'>, label: string, extra: object = {}) => (
    <TextField size="small" label={label} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': `person-${key}` } }} {...extra} />
  );
  const save = () =>
    void savePerson({ ...draft, languages: languages.split(',').map((s) => s.trim()).filter(Boolean) }, initial?.id).then(onSaved, (err: unknown) => notify('error', errorText(err)));
  return (
    <Stack spacing={1.5} sx={{ pt: 1 }}>
      {field('name', t('team.name'), { required: true })}
      {field('title', t('team.title'))}
      {field('organisation', t('team.organisation'))}
      <Stack direction="row" spacing={1}>
        {field('phone', t('team.phone'))}
        {field('email', t('team.email'))}
      </Stack>
      <TextField size="small" label={t('team.languages')} value={languages} onChange={(e) => setLanguages(e.target.value)} helperText={t('team.languagesHint')} />
      {field('notes', t('team.notes'), { multiline: true, minRows: 2 })}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!draft.name.trim()} onClick={save} data-testid="person-save">
          {t('form.save')}
        </Button>
      </Stack>
    </Stack>
  );
}

/** The people directory, kept on this laptop: who can be called into the room, and how to reach them. */
export function PeopleDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const people = useStore((s) => s.people);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('team.people')}</DialogTitle>
      <DialogContent>
        {editing ? (
          <PersonForm initial={editing === 'new' ? undefined : editing} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />
        ) : (
          <>
            {people.length === 0 && <Typography color="text.secondary">{t('team.noPeople')}</Typography>}
            <List dense data-testid="people-list">
              {people.map((p) => (
                <ListItem key={p.id} disablePadding>
                  <ListItemButton onClick={() => setEditing(p)}>
                    <ListItemText
                      primary={<span dir="auto">{p.name}</span>}
                      secondary={<span dir="auto">{[p.title, p.organisation, p.phone, p.email, p.languages.join(' ')].filter(Boolean).join(' · ')}</span>}
                    />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {!editing && (
          <Button onClick={() => setEditing('new')} data-testid="person-new">
            {t('team.addPerson')}
          </Button>
        )}
        <Button onClick={onClose}>{t('team.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
