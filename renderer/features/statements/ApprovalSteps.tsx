import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StatementDetail } from '../../../shared/statements';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';
import { useRoleName } from '../team/role-text';

/** The chain of the submitted statement: who holds each step, what they decided, and how long the current step waits. */
export function ApprovalSteps({ statement, now }: { statement: StatementDetail; now: number }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const roles = useStore((s) => s.roles);
  const roleName = useRoleName();
  const numbers = useNumbers();
  const role = (id: string) => ((r) => (r ? roleName(r) : id))(roles.find((r) => r.id === id));
  if (statement.steps.length === 0) return <Typography variant="body2" color="text.secondary">{t('statements.notSubmitted')}</Typography>;
  return (
    <Stack spacing={1} data-testid="approval-steps">
      {statement.steps.map((s) => {
        const d = s.decision;
        const color = d?.decision === 'approved' ? 'success' : d ? 'error' : s.waitingSince !== null ? 'warning' : 'default';
        return (
          <Stack key={s.step} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid={`step-${s.step}`}>
            <Chip size="small" color={color} label={numbers.number(s.step)} />
            <Box sx={{ flex: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {role(s.roleId)}
              </Typography>
              <Typography variant="caption" color={s.holders.length ? 'text.secondary' : 'error'} sx={{ display: 'block' }}>
                {s.holders.length ? s.holders.join(', ') : t('statements.noHolder')}
                {s.backups.length > 0 && ` · ${t('statements.backups', { names: s.backups.map(isolate).join(', ') })}`}
                {s.delegatedTo && ` · ${t('statements.delegatedTo', { name: isolate(s.delegatedTo) })}`}
              </Typography>
              {d && (
                <Typography variant="caption" sx={{ display: 'block' }} data-testid="step-decision">
                  {t(`statements.decision.${d.decision}`)} · {d.person}
                  {d.asBackup ? ` (${t('statements.asBackup')})` : ''} · {formatTime(d.at, language)}
                  {d.reason ? ` — ${d.reason}` : ''}
                </Typography>
              )}
              {s.waitingSince !== null && (
                <Typography variant="caption" color="warning.main" sx={{ display: 'block' }} data-testid="step-waiting">
                  {t('statements.waitingFor', { minutes: Math.max(0, Math.round((now - s.waitingSince) / 60_000)) })}
                </Typography>
              )}
            </Box>
          </Stack>
        );
      })}
      {statement.voided.length > 0 && (
        <Typography variant="caption" color="text.secondary" data-testid="voided">
          {t('statements.voided', { count: statement.voided.length, names: [...new Set(statement.voided.map((v) => v.person))].map(isolate).join(', ') })}
        </Typography>
      )}
    </Stack>
  );
}
