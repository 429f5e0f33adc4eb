import CloseIcon from '@mui/icons-material/Close';
import { Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../shared/team';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { AssignDialog } from './AssignDialog';
import { PeopleDialog } from './PeopleDialog';
import { RolesDialog } from './RolesDialog';
import { useRoleDuties, useRoleName } from './role-text';

/** Who holds which role now, who comes on shift next, and which required roles have nobody: the room's roster. */
export function TeamTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const roster = useStore((s) => s.roster);
  const load = useStore((s) => s.loadTeam);
  const end = useStore((s) => s.endAssignment);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  const roleDuties = useRoleDuties();
  const [dialog, setDialog] = useState<{ kind: 'assign'; roleId?: string } | { kind: 'people' } | { kind: 'roles' } | null>(null);

  useEffect(() => {
    void load(incidentId).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);

  const shift = (a: Assignment) =>
    a.shiftStart === null && a.shiftEnd === null ? '' : `${a.shiftStart ? formatTime(a.shiftStart, language) : '…'} – ${a.shiftEnd ? formatTime(a.shiftEnd, language) : '…'}`;
  const holder = (a: Assignment, endable: boolean) => (
    // describeChild: the shift is said after the name, not instead of it.
    <Tooltip key={a.id} describeChild title={[shift(a), a.handover].filter(Boolean).join(' · ')}>
      <Chip
        size="small"
        color={a.rank === 'primary' ? 'primary' : 'default'}
        variant={a.rank === 'primary' ? 'filled' : 'outlined'}
        label={`${a.personName} (${t(`team.rank.${a.rank}`)})`}
        onDelete={endable ? () => void end(incidentId, a.id).catch((err: unknown) => notify('error', errorText(err))) : undefined}
        deleteIcon={endable ? <CloseIcon aria-label={t('team.end')} data-testid="assignment-end" /> : undefined}
        sx={{ m: 0.25 }}
        data-testid="assignment"
      />
    </Tooltip>
  );

  const gaps = roster.filter((r) => r.gap).length;
  return (
    <Card variant="outlined" data-testid="team-tab">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
            {t('team.roster')}
          </Typography>
          {gaps > 0 && <Chip color="error" label={t('team.gaps', { count: gaps })} data-testid="roster-gaps" />}
          <Button onClick={() => setDialog({ kind: 'roles' })} data-testid="open-roles">
            {t('team.roles')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'people' })} data-testid="open-people">
            {t('team.people')}
          </Button>
          <Button variant="contained" onClick={() => setDialog({ kind: 'assign' })} data-testid="open-assign">
            {t('team.assign')}
          </Button>
        </Stack>
        <Table size="small" data-testid="roster">
          <TableHead>
            <TableRow>
              <TableCell>{t('team.role')}</TableCell>
              <TableCell>{t('team.now')}</TableCell>
              <TableCell>{t('team.next')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {roster.map((r) => (
              <TableRow key={r.role.id} data-testid={`roster-${r.role.id}`}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {roleName(r.role)}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {roleDuties(r.role)}
                  </Typography>
                </TableCell>
                <TableCell>
                  {r.now.map((a) => holder(a, true))}
                  {r.gap && <Chip size="small" color="error" variant="outlined" label={t('team.gap')} data-testid="roster-gap" />}
                </TableCell>
                <TableCell>{r.next.map((a) => holder(a, true))}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setDialog({ kind: 'assign', roleId: r.role.id })}>
                    {t('team.assignShort')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
      {dialog?.kind === 'assign' && <AssignDialog incidentId={incidentId} roleId={dialog.roleId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'people' && <PeopleDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && <RolesDialog incidentId={incidentId} onClose={() => setDialog(null)} />}
    </Card>
  );
}
