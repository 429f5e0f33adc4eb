import { Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStakeholderDueSoon, isStakeholderOverdue, type Stakeholder } from '../../../shared/stakeholders';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { FINISHED_ROW, lateTint } from '../common/row-tints';
import { stackOnPhone } from '../common/stack-on-phone';
import { ClosedCaption } from '../common/ClosedCaption';
import { useErrorText } from '../common/use-error-text';
import { useNow } from '../common/use-now';
import { StakeholderDialog } from './StakeholderDialog';
import { useStakeholderName } from './stakeholder-name';

const STATUS_COLOR = { to_inform: 'warning', informed: 'success', not_needed: 'default' } as const;

/**
 * Who must hear about the crisis from the brand: those still to inform first, the soonest due first; who informs
 * them, what they were told, and whether they heard it before the public did.
 */
export function StakeholdersTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const stakeholders = useStore((s) => s.stakeholders);
  const counts = useStore((s) => s.stakeholderCounts);
  const load = useStore((s) => s.loadStakeholders);
  const addUsual = useStore((s) => s.addUsualStakeholders);
  const loadTeam = useStore((s) => s.loadTeam);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<{ stakeholder?: Stakeholder } | null>(null);
  const now = useNow(30_000, stakeholders);

  useEffect(() => {
    void Promise.all([load(incidentId), loadTeam(incidentId)]).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);

  const addTheUsual = () =>
    void addUsual(incidentId).then(
      (added) => notify('success', added ? t('stakeholders.addedUsual', { count: added }) : t('stakeholders.allListed')),
      (err: unknown) => notify('error', errorText(err)),
    );

  return (
    <Stack spacing={2} data-testid="stakeholders-tab">
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
            {/* On a phone the title keeps a line of its own and the buttons wrap under it. */}
            <Typography variant="h6" component="h2" sx={{ flex: 1, minWidth: 240 }}>
              {t('stakeholders.title')}
            </Typography>
            <Button variant="outlined" onClick={addTheUsual} data-testid="stakeholders-add-usual">
              {t('stakeholders.addUsual')}
            </Button>
            <Button variant="contained" onClick={() => setDialog({})} data-testid="stakeholder-new">
              {t('stakeholders.add')}
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('stakeholders.intro')}
          </Typography>
          {counts && counts.total > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="stakeholders-summary">
              {t('stakeholders.summary', { informed: counts.informed, total: counts.total, before: counts.beforePublic })}
            </Typography>
          )}
          {stakeholders.length === 0 && <Typography color="text.secondary" sx={{ py: 2 }}>{t('stakeholders.empty')}</Typography>}
          {stakeholders.length > 0 && (
            <Table size="small" sx={stackOnPhone} data-testid="stakeholders">
              <TableHead>
                <TableRow>
                  <TableCell>{t('stakeholders.name')}</TableCell>
                  <TableCell>{t('stakeholders.due')}</TableCell>
                  <TableCell>{t('stakeholders.owner')}</TableCell>
                  <TableCell>{t('stakeholders.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {stakeholders.map((s) => (
                  <StakeholderRow key={s.id} stakeholder={s} now={now} language={language} onOpen={() => setDialog({ stakeholder: s })} />
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {dialog && <StakeholderDialog incidentId={incidentId} stakeholder={dialog.stakeholder} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function StakeholderRow({ stakeholder: s, now, language, onOpen }: { stakeholder: Stakeholder; now: number; language: string; onOpen(): void }) {
  const { t } = useTranslation();
  const nameOf = useStakeholderName();
  const open = s.status === 'to_inform';
  const late = isStakeholderOverdue(s, now);
  const soon = isStakeholderDueSoon(s, now);
  return (
    <TableRow
      hover
      onClick={onOpen}
      sx={{ cursor: 'pointer', verticalAlign: 'top', bgcolor: lateTint(late), ...(!open && FINISHED_ROW) }}
      data-testid="stakeholder-row"
      data-status={s.status}
      data-overdue={late ? 'true' : 'false'}
    >
      <TableCell>
        <Typography variant="body2" dir="auto" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="stakeholder-name-cell">
          {nameOf(s)}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
          {[t(`stakeholders.group.${s.group}`), t(`stakeholders.channel.${s.channel}`), s.contact && isolate(s.contact)].filter(Boolean).join(' · ')}
        </Typography>
      </TableCell>
      <TableCell data-label={t('stakeholders.due')}>
        <Typography variant="body2" color={late ? 'error' : undefined}>
          {s.dueAt ? formatTime(s.dueAt, language) : t('stakeholders.noDue')}
        </Typography>
        {late && <Chip size="small" color="error" label={t('stakeholders.late')} data-testid="stakeholder-late" />}
        {soon && <Chip size="small" color="warning" label={t('stakeholders.dueIn', { minutes: Math.ceil((s.dueAt! - now) / 60_000) })} data-testid="stakeholder-due-soon" />}
      </TableCell>
      <TableCell data-label={t('stakeholders.owner')}>
        <Typography variant="body2" color={s.ownerPersonName || !open ? undefined : 'error'}>
          {s.ownerPersonName ?? (open ? t('stakeholders.nobody') : '—')}
        </Typography>
      </TableCell>
      <TableCell data-label={t('stakeholders.state')} sx={{ maxWidth: 420 }}>
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
          <Chip size="small" variant={open ? 'filled' : 'outlined'} color={STATUS_COLOR[s.status]} label={t(`stakeholders.status.${s.status}`)} />
          {s.beforePublic !== null && (
            <Tooltip title={t('stakeholders.beforePublicHint')}>
              <Chip size="small" variant="outlined" color={s.beforePublic ? 'success' : 'default'} label={t(s.beforePublic ? 'stakeholders.beforePublic' : 'stakeholders.afterPublic')} data-testid="stakeholder-public" data-before={s.beforePublic ? 'true' : 'false'} />
            </Tooltip>
          )}
        </Stack>
        {!open && (
          <ClosedCaption record={s} testId="stakeholder-closed" />
        )}
        {s.message && (
          <Typography variant="body2" dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }} data-testid="stakeholder-message-cell">
            {s.message}
          </Typography>
        )}
      </TableCell>
    </TableRow>
  );
}
