import { Box, Button, Card, CardContent, Checkbox, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOverdue, type Task } from '../../../shared/plan';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { stackOnPhone } from '../common/stack-on-phone';
import { FINISHED_ROW, lateTint } from '../common/row-tints';
import { useErrorText } from '../common/use-error-text';
import { useNow } from '../common/use-now';
import { useRoleName } from '../team/role-text';
import { ApplyPlaybookDialog } from './ApplyPlaybookDialog';
import { PlaybookLibraryDialog } from './PlaybookLibraryDialog';
import { PlaybookLessons } from '../review/PlaybookLessons';
import { PlaybookSummary } from './PlaybookSummary';
import { TaskDialog } from './TaskDialog';
import { usePlanText } from './plan-text';

/** The incident's plan: the playbooks in use and how far they are, and every task with its owner and deadline. */
export function PlanTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const incident = useStore((s) => s.current);
  const applied = useStore((s) => s.appliedPlaybooks);
  const tasks = useStore((s) => s.tasks);
  const roles = useStore((s) => s.roles);
  const loadPlan = useStore((s) => s.loadPlan);
  const loadTeam = useStore((s) => s.loadTeam);
  const updateTask = useStore((s) => s.updateTask);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  const text = usePlanText();
  const [dialog, setDialog] = useState<{ kind: 'apply' } | { kind: 'library' } | { kind: 'task'; task?: Task } | null>(null);
  const now = useNow();

  useEffect(() => {
    void Promise.all([loadPlan(incidentId), loadTeam(incidentId)]).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);

  const run = (p: Promise<void>) => void p.catch((err: unknown) => notify('error', errorText(err)));
  const owner = (task: Task) => {
    const role = roles.find((r) => r.id === task.ownerRoleId);
    const parts = [task.ownerPersonName, role && roleName(role)].filter(Boolean).join(' · ');
    const finished = task.status === 'done' || task.status === 'cancelled';
    if (!role || task.ownerPersonName || finished) return <Typography variant="body2">{parts || t('plan.none')}</Typography>;
    return (
      <Stack>
        <Typography variant="body2">{parts}</Typography>
        <Typography variant="caption" color={task.ownerRoleHolders.length ? 'text.secondary' : 'error'} data-testid="task-holders">
          {task.ownerRoleHolders.length ? task.ownerRoleHolders.join(', ') : t('plan.nobody')}
        </Typography>
      </Stack>
    );
  };
  const suggested = incident?.crisisType && !applied.some((a) => a.playbook.crisisType === incident.crisisType);

  return (
    <Stack spacing={2} data-testid="plan-tab">
      {applied.map((a) => (
        <Card key={a.playbook.id} variant="outlined" data-testid={`applied-${a.playbook.id}`}>
          <CardContent>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                {text.name(a.playbook)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('plan.appliedBy', { by: isolate(a.appliedBy), time: formatTime(a.appliedAt, language) })}
              </Typography>
            </Stack>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
              <LinearProgress variant="determinate" value={a.total ? (100 * a.done) / a.total : 0} sx={{ flex: 1, height: 8, borderRadius: 4 }} aria-hidden /* the words beside it say the same */ />
              <Typography variant="body2" data-testid="playbook-progress">
                {t('plan.progress', { done: a.done, total: a.total })}
              </Typography>
            </Stack>
            <PlaybookLessons playbookId={a.playbook.id} />
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={3}>
              <Box sx={{ flex: 1 }}>
                <Typography variant="subtitle2">{t('plan.strategy')}</Typography>
                <Typography variant="body2" dir="auto">
                  {text.strategy(a.playbook)}
                </Typography>
              </Box>
              <Box sx={{ flex: 1 }}>
                <Typography variant="subtitle2">{t('plan.result')}</Typography>
                <Typography variant="body2" dir="auto">
                  {text.result(a.playbook)}
                </Typography>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      ))}
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
              {t('plan.title')}
            </Typography>
            <Button onClick={() => setDialog({ kind: 'library' })} data-testid="open-library">
              {t('plan.library')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'apply' })} data-testid="open-apply">
              {t('plan.apply')}
            </Button>
            <Button variant="contained" onClick={() => setDialog({ kind: 'task' })} data-testid="open-add-task">
              {t('plan.addTask')}
            </Button>
          </Stack>
          {tasks.length === 0 && (
            <Stack spacing={1} sx={{ py: 2 }}>
              <Typography color="text.secondary">{t('plan.empty')}</Typography>
              {suggested && <SuggestedPlaybook crisisType={incident.crisisType!} />}
            </Stack>
          )}
          {tasks.length > 0 && (
            <Table size="small" sx={stackOnPhone} data-testid="tasks">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>{t('plan.taskTitle')}</TableCell>
                  <TableCell>{t('plan.owner')}</TableCell>
                  <TableCell>{t('plan.due')}</TableCell>
                  <TableCell>{t('plan.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {tasks.map((task) => {
                  const late = isOverdue(task, now);
                  const finished = task.status === 'done' || task.status === 'cancelled';
                  return (
                    <TableRow
                      key={task.id}
                      hover
                      onClick={() => setDialog({ kind: 'task', task })}
                      sx={{ cursor: 'pointer', bgcolor: lateTint(late), ...(finished && FINISHED_ROW) }}
                      data-testid="task-row"
                      data-overdue={late ? 'true' : 'false'}
                      data-status={task.status}
                    >
                      <TableCell padding="checkbox" onClick={(e) => e.stopPropagation()}>
                        <Checkbox
                          checked={task.status === 'done'}
                          disabled={task.status === 'cancelled'}
                          onChange={(e) => run(updateTask(incidentId, task.id, { status: e.target.checked ? 'done' : 'todo' }))}
                          slotProps={{ input: { 'aria-label': t('plan.markDone'), 'data-testid': 'task-done' } as object }}
                        />
                      </TableCell>
                      <TableCell>
                        <Typography variant="body2" dir="auto" sx={{ textDecoration: task.status === 'done' ? 'line-through' : 'none', overflowWrap: 'anywhere' }} data-testid="task-title-text">
                          {text.task(task)}
                        </Typography>
                        {task.notes && (
                          <Typography variant="caption" color="text.secondary" dir="auto" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                            {task.notes}
                          </Typography>
                        )}
                        {task.mentionIds.length > 0 && <Chip size="small" variant="outlined" label={t('plan.fromMentions', { count: task.mentionIds.length })} />}
                        {task.doneAt && (
                          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {t('plan.doneBy', { by: isolate(task.doneBy ?? ''), time: formatTime(task.doneAt, language) })}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell data-label={t('plan.owner')}>{owner(task)}</TableCell>
                      <TableCell data-label={t('plan.due')}>
                        <Typography variant="body2" color={late ? 'error' : undefined}>
                          {task.dueAt ? formatTime(task.dueAt, language) : t('plan.noDue')}
                        </Typography>
                        {late && <Chip size="small" color="error" label={t('plan.overdue')} data-testid="task-overdue" />}
                      </TableCell>
                      <TableCell data-label={t('plan.state')}>
                        <Chip size="small" variant={finished ? 'outlined' : 'filled'} color={task.status === 'done' ? 'success' : task.status === 'doing' ? 'info' : 'default'} label={t(`plan.status.${task.status}`)} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {dialog?.kind === 'apply' && <ApplyPlaybookDialog incidentId={incidentId} crisisType={incident?.crisisType ?? null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'library' && <PlaybookLibraryDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'task' && <TaskDialog incidentId={incidentId} task={dialog.task} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** With no tasks yet: the playbook of the incident's crisis type, ready to read. */
function SuggestedPlaybook({ crisisType }: { crisisType: string }) {
  const { t } = useTranslation();
  const playbook = useStore((s) => s.playbooks.find((p) => p.crisisType === crisisType));
  if (!playbook) return null;
  return (
    <Card variant="outlined" sx={{ p: 2 }} data-testid="suggested-playbook">
      <Typography variant="overline">{t('plan.suggested')}</Typography>
      <PlaybookSummary playbook={playbook} />
    </Card>
  );
}
