import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type Task, type TaskEvent, type TaskStatus } from '../../../shared/plan';
import { call } from '../../api/client';
import { formatTime, fromLocalInput, toLocalInput } from '../../format';
import { useStore } from '../../store';
import { ChangeHistory } from '../common/ChangeHistory';
import { useErrorText } from '../common/use-error-text';
import { useRoleName } from '../team/role-text';
import { usePlanText } from './plan-text';
import { DateTimeField } from '../common/DateTimeField';

const FIELD_LABELS: Record<string, string> = {
  title: 'plan.taskTitle', notes: 'plan.notes', ownerPersonId: 'plan.ownerPerson', ownerRoleId: 'plan.ownerRole', dueAt: 'plan.due', status: 'plan.state',
};

/** Adds a task by hand, or edits one (owner, deadline, status, notes) and shows its kept history. */
export function TaskDialog({ incidentId, task, onClose }: { incidentId: string; task?: Task; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const people = useStore((s) => s.people);
  const roles = useStore((s) => s.roles);
  const addTask = useStore((s) => s.addTask);
  const updateTask = useStore((s) => s.updateTask);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  const text = usePlanText();
  const [title, setTitle] = useState(task ? text.task(task) : '');
  const [notes, setNotes] = useState(task?.notes ?? '');
  const [personId, setPersonId] = useState(task?.ownerPersonId ?? '');
  const [roleId, setRoleId] = useState(task?.ownerRoleId ?? '');
  const [due, setDue] = useState(toLocalInput(task?.dueAt ?? null));
  const [status, setStatus] = useState<TaskStatus>(task?.status ?? 'todo');
  const [history, setHistory] = useState<TaskEvent[]>([]);
  useEffect(() => {
    if (task) void call('plan.taskHistory', { id: task.id }).then(setHistory, () => undefined);
  }, [task]);

  const save = () => {
    const fields = { title: title.trim(), notes, ownerPersonId: personId || null, ownerRoleId: roleId || null, dueAt: fromLocalInput(due) };
    // A seeded title left as shown keeps its stored (translatable) text.
    const patch = task && fields.title === text.task(task) ? { ...fields, title: task.title } : fields;
    const done = task ? updateTask(incidentId, task.id, { ...patch, status }) : addTask(incidentId, fields);
    void done.then(onClose, (err: unknown) => notify('error', errorText(err)));
  };
  /** History values as a reader knows them: names, times, statuses, not ids and epochs. */
  const shown = (field: string, value: string | null): string => {
    if (value === null || value === '') return '—';
    if (field === 'status') return t(`plan.status.${value}`);
    if (field === 'dueAt') return formatTime(Number(value), language);
    if (field === 'ownerPersonId') return people.find((p) => p.id === value)?.name ?? value;
    if (field === 'ownerRoleId') return ((r) => (r ? roleName(r) : value))(roles.find((r) => r.id === value));
    return value;
  };
  const none = <MenuItem value="">{t('plan.none')}</MenuItem>;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{task ? t('plan.editTask') : t('plan.addTask')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField size="small" autoFocus label={t('plan.taskTitle')} value={title} onChange={(e) => setTitle(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'task-title', maxLength: 500 } }} />
          <Stack direction="row" spacing={1}>
            <TextField size="small" select fullWidth label={t('plan.ownerPerson')} value={personId} onChange={(e) => setPersonId(e.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'task-person' } as object } }}>
              {none}
              {people.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" select fullWidth label={t('plan.ownerRole')} value={roleId} onChange={(e) => setRoleId(e.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'task-role' } as object } }}>
              {none}
              {roles.map((r) => (
                <MenuItem key={r.id} value={r.id} data-testid={`task-role-${r.id}`}>
                  {roleName(r)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <Stack direction="row" spacing={1}>
            <DateTimeField fullWidth label={t('plan.due')} value={due} onChange={setDue} testId="task-due" />
            {task && (
              <TextField size="small" select fullWidth label={t('plan.state')} value={status} onChange={(e) => setStatus(e.target.value as TaskStatus)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'task-status' } as object } }}>
                {TASK_STATUSES.map((s) => (
                  <MenuItem key={s} value={s} data-testid={`task-status-${s}`}>
                    {t(`plan.status.${s}`)}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Stack>
          <TextField size="small" multiline minRows={2} label={t('plan.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'task-notes' } }} />
          <ChangeHistory changes={history} label={(field) => t(FIELD_LABELS[field] ?? 'plan.notes')} shown={shown} testId="task-history" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!title.trim()} onClick={save} data-testid="task-save">
          {t('form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
