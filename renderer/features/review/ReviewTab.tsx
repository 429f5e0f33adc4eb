import { Box, Button, Card, CardContent, Grid, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AfterActionReport, SentimentWindow } from '../../../shared/review';
import type { Role } from '../../../shared/team';
import { call, downloadText } from '../../api/client';
import { fromLocalInput } from '../../format';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';
import { useErrorText } from '../common/use-error-text';
import { useRoleName } from '../team/role-text';
import { ArchiveExportButton } from './ArchiveButtons';
import { ReviewChart } from './ReviewChart';
import { ReviewForm } from './ReviewForm';
import { useFigures, useReviewFormat } from './review-text';
import { DateTimeField } from '../common/DateTimeField';

/** The after-action review of an incident: figures from the record, the chart, what the team writes, action items. */
export function ReviewTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const report = useStore((s) => s.report);
  const loadReview = useStore((s) => s.loadReview);
  const saveReview = useStore((s) => s.saveReview);
  const loadPlan = useStore((s) => s.loadPlan);
  const loadTeam = useStore((s) => s.loadTeam);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  useEffect(() => {
    void Promise.all([loadReview(incidentId), loadPlan(incidentId), loadTeam(incidentId)]).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);
  if (!report || report.incident.id !== incidentId) return null;
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="review-tab">
      <ExportBar incidentId={incidentId} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 5 }}>
          <KeyFigures report={report} />
        </Grid>
        <Grid size={{ xs: 12, md: 7 }}>
          <ReviewChart series={report.series} events={report.events} />
          <DetailFigures report={report} />
        </Grid>
      </Grid>
      <ReviewForm
        key={`${incidentId}-${report.review.updatedAt ?? 0}`}
        review={report.review}
        onSave={(input) => saveReview(incidentId, input).then(() => notify('success', t('review.saved')), (err: unknown) => notify('error', errorText(err)))}
      />
      <ActionItems report={report} />
    </Stack>
  );
}

function ExportBar({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const save = (format: 'html' | 'json') =>
    void call('review.render', { incidentId, format, lang: language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }).then(
      (r) => downloadText(r.fileName, r.content, r.type),
      (err: unknown) => notify('error', errorText(err)),
    );
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="h6" component="h2" sx={{ flex: 1 }}>{t('review.title')}</Typography>
      <Button variant="outlined" onClick={() => navigate({ name: 'print-review', id: incidentId })} data-testid="review-pdf">{t('review.exportPdf')}</Button>
      <Button variant="outlined" onClick={() => save('html')} data-testid="review-html">{t('review.exportHtml')}</Button>
      <Button variant="outlined" onClick={() => save('json')} data-testid="review-json">{t('review.exportJson')}</Button>
      <ArchiveExportButton incidentId={incidentId} />
    </Stack>
  );
}

function KeyFigures({ report }: { report: AfterActionReport }) {
  const { t } = useTranslation();
  const figures = useFigures();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3">{t('review.figures')}</Typography>
        <Table size="small" data-testid="review-figures">
          <TableBody>
            {figures(report.metrics).map((f) => (
              <TableRow key={f.key} data-testid={`figure-${f.key}`}>
                <TableCell component="th">{f.label}</TableCell>
                <TableCell>{f.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}

function DetailFigures({ report }: { report: AfterActionReport }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const f = useReviewFormat();
  const roleName = useRoleName();
  const roles = useStore((s) => s.roles);
  const m = report.metrics;
  const row = (name: string, w: SentimentWindow | null) => (
    <TableRow key={name}>
      <TableCell component="th">{name}</TableCell>
      <TableCell>{w ? f.n(w.mentions) : '—'}</TableCell>
      <TableCell>{w ? f.pct(w.negativeShare) : '—'}</TableCell>
      <TableCell>{w ? f.signed(w.net) : '—'}</TableCell>
    </TableRow>
  );
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Stack spacing={2}>
          <Box>
            <Typography variant="subtitle2">{t('review.sentiment')}</Typography>
            <Table size="small" data-testid="review-sentiment">
              <TableHead><TableRow><TableCell /><TableCell>{t('review.metric.mentions')}</TableCell><TableCell>{t('review.negativeShare')}</TableCell><TableCell>{t('review.netSentiment')}</TableCell></TableRow></TableHead>
              <TableBody>{[row(t('review.before'), m.sentiment.before), row(t('review.during'), m.sentiment.during), row(t('review.after'), m.sentiment.after)]}</TableBody>
            </Table>
          </Box>
          {m.shareOfVoice && (
            <Typography variant="body2" data-testid="review-voice">
              {t('review.shareOfVoice')}: {t('review.before')} {f.pct(m.shareOfVoice.before)} → {t('review.after')} {f.pct(m.shareOfVoice.after)}
            </Typography>
          )}
          <Box>
            <Typography variant="subtitle2">{t('review.waits')}</Typography>
            {m.approvalWaits.map((w) => (
              <Typography key={`${w.step}-${w.roleId}`} variant="body2">
                {numbers.number(w.step)}. {roleLabel(roles, w.roleId, roleName, w.roleName)}: {t('review.waitValue', { median: f.span(w.medianMs), max: f.span(w.maxMs), count: w.decisions })}
              </Typography>
            ))}
          </Box>
          <Box>
            <Typography variant="subtitle2">{t('review.phases')}</Typography>
            <Typography variant="body2">{m.phases.map((p) => `${t(`status.${p.status}`)}: ${f.span(p.ms)}`).join(' · ')}</Typography>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
}

function ActionItems({ report }: { report: AfterActionReport }) {
  const { t } = useTranslation();
  const f = useReviewFormat();
  const roleName = useRoleName();
  const roles = useStore((s) => s.roles);
  const loadReview = useStore((s) => s.loadReview);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [draft, setDraft] = useState({ title: '', roleId: '', due: '' });
  const add = () =>
    void call('review.addActionItem', { incidentId: report.incident.id, task: { title: draft.title, ownerRoleId: draft.roleId || null, dueAt: fromLocalInput(draft.due) } }).then(
      () => {
        setDraft({ title: '', roleId: '', due: '' });
        return loadReview(report.incident.id);
      },
      (err: unknown) => notify('error', errorText(err)),
    );
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3">{t('review.actionItems')}</Typography>
        <Table size="small" data-testid="review-actions">
          <TableBody>
            {report.actionItems.map((task) => (
              <TableRow key={task.id}>
                <TableCell>{task.title}</TableCell>
                <TableCell>{task.ownerPersonName ?? (task.ownerRoleId ? roleLabel(roles, task.ownerRoleId, roleName) : '—')}</TableCell>
                <TableCell>{f.at(task.dueAt)}</TableCell>
                <TableCell>{t(`plan.status.${task.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <TextField size="small" label={t('review.addActionItem')} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'action-title' } }} />
          <TextField select size="small" label={t('review.owner')} value={draft.roleId} onChange={(e) => setDraft({ ...draft, roleId: e.target.value })} sx={{ minWidth: 180 }}>
            <MenuItem value="">—</MenuItem>
            {roles.map((r) => <MenuItem key={r.id} value={r.id}>{roleName(r)}</MenuItem>)}
          </TextField>
          <DateTimeField label={t('review.due')} value={draft.due} onChange={(due) => setDraft({ ...draft, due })} />
          <Button variant="contained" disabled={!draft.title.trim()} onClick={add} data-testid="action-add">{t('review.add')}</Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** A role by id in the reader's language, or the name the record kept when this laptop does not know it. */
function roleLabel(roles: readonly Role[], id: string, name: (r: Role) => string, fallback = id): string {
  const r = roles.find((x) => x.id === id);
  return r ? name(r) : fallback;
}
