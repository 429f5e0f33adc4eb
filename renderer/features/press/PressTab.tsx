import { Button, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_ENQUIRY_STATUSES, isEnquiryDueSoon, isEnquiryOverdue, type Enquiry } from '../../../shared/enquiries';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { FINISHED_ROW, lateTint } from '../common/row-tints';
import { stackOnPhone } from '../common/stack-on-phone';
import { ClosedCaption } from '../common/ClosedCaption';
import { useErrorText } from '../common/use-error-text';
import { useNow } from '../common/use-now';
import { useOpenMention } from '../mentions/open-mention';
import { EnquiryDialog } from './EnquiryDialog';

const STATUS_COLOR = { new: 'warning', answering: 'info', answered: 'success', declined: 'default' } as const;


/** The press desk: every journalist's enquiry, the most pressing deadline first, who answers it and what was said. */
export function PressTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const enquiries = useStore((s) => s.enquiries);
  const load = useStore((s) => s.loadEnquiries);
  const loadTeam = useStore((s) => s.loadTeam);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<{ enquiry?: Enquiry } | null>(null);
  // Re-read when the list changes too: the ticking clock could be half a minute old when an enquiry was just logged,
  // which said "Due in 21 min" for a deadline 20 minutes away.
  const now = useNow(30_000, enquiries);

  useEffect(() => {
    void Promise.all([load(incidentId), loadTeam(incidentId)]).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);

  return (
    <Stack spacing={2} data-testid="press-tab">
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
              {t('press.title')}
            </Typography>
            <Button variant="contained" onClick={() => setDialog({})} data-testid="enquiry-new">
              {t('press.add')}
            </Button>
          </Stack>
          {enquiries.length === 0 && <Typography color="text.secondary" sx={{ py: 2 }}>{t('press.empty')}</Typography>}
          {enquiries.length > 0 && (
            <Table size="small" sx={stackOnPhone} data-testid="enquiries">
              <TableHead>
                <TableRow>
                  <TableCell>{t('press.outlet')}</TableCell>
                  <TableCell>{t('press.question')}</TableCell>
                  <TableCell>{t('press.deadline')}</TableCell>
                  <TableCell>{t('press.owner')}</TableCell>
                  <TableCell>{t('press.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {enquiries.map((e) => (
                  <EnquiryRow key={e.id} enquiry={e} now={now} language={language} onOpen={() => setDialog({ enquiry: e })} />
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {dialog && <EnquiryDialog incidentId={incidentId} enquiry={dialog.enquiry} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function EnquiryRow({ enquiry: e, now, language, onOpen }: { enquiry: Enquiry; now: number; language: string; onOpen(): void }) {
  const { t } = useTranslation();
  const openMention = useOpenMention();
  const open = OPEN_ENQUIRY_STATUSES.includes(e.status);
  const late = isEnquiryOverdue(e, now);
  const soon = isEnquiryDueSoon(e, now);
  return (
    <TableRow
      hover
      onClick={onOpen}
      sx={{ cursor: 'pointer', verticalAlign: 'top', bgcolor: lateTint(late), ...(!open && FINISHED_ROW) }}
      data-testid="enquiry-row"
      data-status={e.status}
      data-overdue={late ? 'true' : 'false'}
    >
      <TableCell>
        <Typography variant="body2" dir="auto" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="enquiry-outlet">
          {e.outlet}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
          {[e.journalist, t(`press.channel.${e.channel}`), e.contact].filter(Boolean).map(isolate).join(' · ')}
        </Typography>
      </TableCell>
      <TableCell sx={{ maxWidth: 420 }}>
        <Typography variant="body2" dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
          {e.question}
        </Typography>
        {e.mentionId ? (
          <Chip size="small" variant="outlined" color="primary" label={t('timeline.openMention')} onClick={(ev) => (ev.stopPropagation(), void openMention(e.incidentId, e.mentionId!))} data-testid="enquiry-mention" />
        ) : null}
        {!open && (
          <ClosedCaption record={e} testId="enquiry-closed" />
        )}
      </TableCell>
      <TableCell data-label={t('press.deadline')}>
        <Typography variant="body2" color={late ? 'error' : undefined}>
          {e.deadlineAt ? formatTime(e.deadlineAt, language) : t('press.noDeadline')}
        </Typography>
        {late && <Chip size="small" color="error" label={t('press.late')} data-testid="enquiry-late" />}
        {soon && <Chip size="small" color="warning" label={t('press.dueIn', { minutes: Math.ceil((e.deadlineAt! - now) / 60_000) })} data-testid="enquiry-due-soon" />}
      </TableCell>
      <TableCell data-label={t('press.owner')}>
        <Typography variant="body2" color={e.ownerPersonName || !open ? undefined : 'error'}>
          {e.ownerPersonName ?? (open ? t('press.nobody') : '—')}
        </Typography>
      </TableCell>
      <TableCell data-label={t('press.state')}>
        <Chip size="small" variant={open ? 'filled' : 'outlined'} color={STATUS_COLOR[e.status]} label={t(`press.status.${e.status}`)} />
      </TableCell>
    </TableRow>
  );
}
