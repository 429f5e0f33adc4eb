import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/statements';
import { call } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** The incident's audit trail, newest first, and a check that its hash chain is unbroken. */
export function AuditDialog({ incidentId, onClose }: { incidentId: string; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const check = useStore((s) => s.auditCheck);
  const verify = useStore((s) => s.verifyAudit);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => {
    void call('audit.list', { incidentId }).then((list) => setEntries(list.reverse()), (err: unknown) => notify('error', errorText(err)));
    useStore.setState({ auditCheck: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per incident
  }, [incidentId]);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg">
      <DialogTitle>{t('statements.audit')}</DialogTitle>
      <DialogContent>
        {check && (
          <Alert severity={check.ok ? 'success' : 'error'} sx={{ mb: 2 }} data-testid="audit-result">
            {check.ok ? t('statements.auditOk', { count: check.entries }) : t('statements.auditBroken', { seq: check.firstBroken!.seq, reason: t(`statements.auditWhy.${check.firstBroken!.code}`, check.firstBroken!.params) })}
          </Alert>
        )}
        <Table size="small" data-testid="audit-entries">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{t('statements.when')}</TableCell>
              <TableCell>{t('statements.who')}</TableCell>
              <TableCell>{t('statements.what')}</TableCell>
              <TableCell>SHA-256</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.seq}>
                <TableCell>{e.seq}</TableCell>
                <TableCell>{formatTime(e.at, language)}</TableCell>
                <TableCell dir="auto">{e.actor}</TableCell>
                <TableCell>
                  {t(`statements.action.${e.action}`, { defaultValue: e.action })}
                  {typeof e.payload.version === 'number' ? ` · ${t('statements.versionTag', { version: e.payload.version })}` : ''}
                  {typeof e.payload.reason === 'string' ? ` — ${e.payload.reason}` : ''}
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{e.hash.slice(0, 12)}…</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={() => void verify(incidentId).catch((err: unknown) => notify('error', errorText(err)))} data-testid="audit-verify">
          {t('statements.verify')}
        </Button>
        <Button onClick={onClose}>{t('team.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
