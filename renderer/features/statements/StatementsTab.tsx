import { Alert, Box, Button, Card, CardContent, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementSummary } from '../../../shared/statements';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useNow } from '../common/use-now';
import { useRoleName } from '../team/role-text';
import { AuditDialog } from './AuditDialog';
import { ChainsDialog } from './ChainsDialog';
import { KeyMessagesDialog } from './KeyMessagesDialog';
import { NewStatementDialog } from './NewStatementDialog';
import { StatementDetailPane } from './StatementDetailPane';
import { StateChip } from './StateChip';

type Dialog = 'new' | 'keys' | 'chains' | 'audit' | null;

/** Statements of the incident: the list (what waits for whom), the open statement, and the room's tools around them. */
export function StatementsTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const statements = useStore((s) => s.statements);
  const open = useStore((s) => s.statement);
  const waiting = useStore((s) => s.waitingForMe);
  const roles = useStore((s) => s.roles);
  const load = useStore((s) => s.loadStatements);
  const loadLibrary = useStore((s) => s.loadStatementLibrary);
  const loadTeam = useStore((s) => s.loadTeam);
  const openStatement = useStore((s) => s.openStatement);
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const roleName = useRoleName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const now = useNow();

  useEffect(() => {
    void Promise.all([load(incidentId), loadLibrary(), loadTeam(incidentId)]).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);

  const waitingLine = (s: StatementSummary) => {
    if (!s.waiting) return null;
    const role = roles.find((r) => r.id === s.waiting!.roleId);
    const minutes = Math.max(0, Math.round((now - s.waiting.since) / 60_000));
    return t('statements.waitingOn', { role: role ? roleName(role) : s.waiting.roleId, names: s.waiting.holders.map(isolate).join(', ') || '—', minutes });
  };
  const current = open?.incidentId === incidentId ? open : null;

  return (
    <Stack spacing={2} data-testid="statements-tab">
      {waiting.length > 0 && (
        <Alert severity="warning" data-testid="waiting-for-me">
          {t('statements.waitingForMe', { count: waiting.length })}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="contained" onClick={() => setDialog('new')} data-testid="statement-new">
          {t('statements.new')}
        </Button>
        <Button onClick={() => setDialog('keys')} data-testid="open-key-messages">
          {t('statements.keyMessages')}
        </Button>
        <Button onClick={() => setDialog('chains')} data-testid="open-chains">
          {t('statements.chains')}
        </Button>
        <Button onClick={() => navigate({ name: 'print-pack', id: incidentId })} data-testid="open-press-pack">
          {t('statements.pressPack')}
        </Button>
        <Button onClick={() => setDialog('audit')} data-testid="open-audit">
          {t('statements.audit')}
        </Button>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Card variant="outlined" sx={{ width: { xs: '100%', md: 380 }, flexShrink: 0 }}>
          <CardContent>
            {statements.length === 0 && <Typography color="text.secondary">{t('statements.empty')}</Typography>}
            <List dense data-testid="statement-list">
              {statements.map((s) => (
                <ListItem key={s.id} disablePadding>
                  <ListItemButton selected={current?.id === s.id} onClick={() => void openStatement(s.id).catch((err: unknown) => notify('error', errorText(err)))} data-testid="statement-item">
                    <ListItemText
                      primary={<span dir="auto">{s.title}</span>}
                      secondary={
                        <Box component="span" sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, mt: 0.5 }}>
                          <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                            <StateChip state={s.state} />
                            <span>
                              {t(`statements.kind.${s.kind}`)} · {t('statements.versionTag', { version: s.version })}
                            </span>
                          </Box>
                          {s.waiting && <span data-testid="statement-waiting">{waitingLine(s)}</span>}
                        </Box>
                      }
                      slotProps={{ secondary: { component: 'span' } }}
                    />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          </CardContent>
        </Card>
        <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          {current ? <StatementDetailPane statement={current} /> : <Typography color="text.secondary">{t('statements.pick')}</Typography>}
        </Box>
      </Stack>
      {dialog === 'new' && <NewStatementDialog incidentId={incidentId} onClose={() => setDialog(null)} />}
      {dialog === 'keys' && <KeyMessagesDialog incidentId={incidentId} onClose={() => setDialog(null)} />}
      {dialog === 'chains' && <ChainsDialog onClose={() => setDialog(null)} />}
      {dialog === 'audit' && <AuditDialog incidentId={incidentId} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
