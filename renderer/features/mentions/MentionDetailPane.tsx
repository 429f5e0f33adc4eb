import CloseIcon from '@mui/icons-material/Close';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import PostAddIcon from '@mui/icons-material/PostAdd';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { Box, Button, Card, CardContent, IconButton, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionDetail } from '../../../shared/mentions';
import { isSafeExternalUrl } from '../../../shared/security';
import { openExternal } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';
import { EnquiryDialog, type EnquirySeed } from '../press/EnquiryDialog';
import { MentionClaims } from '../claims/MentionClaims';
import { CopiesButton } from './CopiesButton';
import { FromAuthorButton } from './FromAuthorButton';
import { SentimentCorrection } from './SentimentCorrection';

function rawPairs(raw: MentionDetail['raw']): [string, string][] {
  if (raw.columns && Array.isArray(raw.values)) return raw.columns.map((c, i) => [c, String((raw.values as unknown[])[i] ?? '')]);
  return [['json', JSON.stringify(raw.values, null, 2)]];
}

/** Every canonical field, where it came from, the row exactly as exported, and the original link. */
export function MentionDetailPane({ mention }: { mention: MentionDetail }) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const language = useStore((s) => s.language);
  const close = useStore((s) => s.selectMention);
  const addEntry = useStore((s) => s.addTimelineEntry);
  const notify = useStore((s) => s.notify);
  const loadTeam = useStore((s) => s.loadTeam);
  const [enquiry, setEnquiry] = useState<EnquirySeed | null>(null);
  // A journalist asking in public: logged on the press desk from the post, linked to it, received when it was published.
  const toPressDesk = () => {
    const handle = mention.authorHandle ? `@${mention.authorHandle.replace(/^@/, '')}` : '';
    void loadTeam(mention.incidentId).catch(() => undefined);
    setEnquiry({
      outlet: mention.author ?? handle, journalist: [mention.author, handle].filter(Boolean).join(' '), contact: [handle, mention.platform].filter(Boolean).join(' · '),
      channel: 'message', question: mention.text.slice(0, 10_000), receivedAt: mention.publishedAt, mentionId: mention.id,
    });
  };
  // An observation on the timeline quoting the mention and linked to it, at the time it was published.
  const toTimeline = () => {
    const who = [mention.author, mention.platform].filter(Boolean).join(', ');
    const quote = mention.text.length > 280 ? `${mention.text.slice(0, 279)}…` : mention.text;
    void addEntry({ incidentId: mention.incidentId, kind: 'observation', text: `${who}: ${quote}`, occurredAt: mention.publishedAt, mentionIds: [mention.id] }).then(
      () => notify('success', t('timeline.addedFromMention')),
      (err: unknown) => notify('error', String((err as Error).message)),
    );
  };
  const n = numbers.number;
  const fields: [string, string][] = [
    [t('mappable.platform'), mention.platform],
    [t('mappable.author'), [mention.author, mention.authorHandle && mention.authorHandle !== mention.author ? `@${mention.authorHandle}` : null].filter(Boolean).join(' ') || '—'],
    [t('mention.published'), formatTime(mention.publishedAt, language)],
    [t('mention.publishedRaw'), mention.publishedRaw ?? '—'],
    [t('mappable.sentiment'), mention.sourceSentimentRaw ? `${mention.sourceSentimentRaw} (${mention.sourceSentiment})` : '—'],
    [t('mappable.authorFollowers'), n(mention.authorFollowers)],
    [t('mappable.reach'), n(mention.reach)],
    [t('mappable.engagement'), n(mention.engagement)],
    [t('mappable.likes'), n(mention.likes)],
    [t('mappable.comments'), n(mention.comments)],
    [t('mappable.shares'), n(mention.shares)],
    [t('mappable.views'), n(mention.views)],
    [t('mappable.lang'), mention.lang ? `${mention.lang}${mention.langDetected ? ` (${t('sentiment.detected')})` : ''}` : '—'],
    [t('mappable.country'), mention.country ?? '—'],
    [t('mappable.nativeId'), mention.nativeId ?? '—'],
    [t('mention.file'), `${mention.batch.fileName} (${mention.batch.preset ?? mention.batch.format})`],
  ];
  return (
    <Card variant="outlined" data-testid="mention-detail" sx={{ height: '100%', overflow: 'auto' }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1" dir="auto" sx={{ fontWeight: 600 }}>
            {mention.title ?? mention.author ?? mention.platform}
          </Typography>
          <IconButton size="small" onClick={() => void close(null)} aria-label={t('explorer.closeDetail')}>
            <CloseIcon />
          </IconButton>
        </Stack>
        <Typography dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', my: 1 }} data-testid="mention-text">
          {mention.text}
        </Typography>
        <MentionClaims mentionId={mention.id} />
        <SentimentCorrection mention={mention} />
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {mention.url && isSafeExternalUrl(mention.url) && (
            <Button size="small" startIcon={<OpenInNewIcon />} onClick={() => void openExternal(mention.url!)} data-testid="open-original">
              {t('explorer.openOriginal')}
            </Button>
          )}
          <Button size="small" startIcon={<PostAddIcon />} onClick={toTimeline} data-testid="mention-to-timeline">
            {t('timeline.fromMention')}
          </Button>
          <Button size="small" startIcon={<RecordVoiceOverIcon />} onClick={toPressDesk} data-testid="mention-to-press">
            {t('press.fromMention')}
          </Button>
          <FromAuthorButton mention={mention} testId="mention-from-author" />
          <CopiesButton mentionId={mention.id} testId="mention-copies" />
        </Stack>
        {enquiry && (
          <EnquiryDialog
            incidentId={mention.incidentId}
            from={enquiry}
            onClose={() => setEnquiry(null)}
            onSaved={() => notify('success', t('press.loggedFromMention'))}
          />
        )}
        <Typography variant="overline" component="h3">
          {t('explorer.fields')}
        </Typography>
        <Table size="small">
          <TableBody>
            {fields.map(([k, v]) => (
              <TableRow key={k}>
                <TableCell sx={{ color: 'text.secondary', width: '40%' }}>{k}</TableCell>
                <TableCell dir="auto" sx={{ overflowWrap: 'anywhere' }}>
                  {v}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="overline" component="h3">
          {t('explorer.rawRow')}
        </Typography>
        <Box data-testid="mention-raw">
          <Table size="small">
            <TableBody>
              {rawPairs(mention.raw).map(([k, v], i) => (
                <TableRow key={`${k}-${i}`}>
                  <TableCell sx={{ color: 'text.secondary', width: '40%', overflowWrap: 'anywhere' }}>{k}</TableCell>
                  <TableCell dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: k === 'json' ? 'monospace' : undefined, fontSize: 12 }}>
                    {v}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
}
