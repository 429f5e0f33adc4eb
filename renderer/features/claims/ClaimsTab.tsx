import { Box, Button, Card, CardActionArea, CardContent, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPREAD_WINDOW_HOURS, type Claim } from '../../../shared/claims';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { ClosedCaption } from '../common/ClosedCaption';
import { useErrorText } from '../common/use-error-text';
import { ClaimDialog } from './ClaimDialog';
import { SpreadBars } from './SpreadBars';
import { VERDICT_COLOR } from './verdict-color';

const STATUS_COLOR = { to_answer: 'warning', answered: 'success', not_answering: 'default' } as const;
const TREND_COLOR = { rising: 'error', steady: 'warning', falling: 'success', quiet: 'default', unseen: 'default' } as const;

/**
 * The claims going around, those to answer first (spreading before quiet): for each, its verdict and the facts, how
 * far it has spread among the mentions, and the one answer the room gives.
 */
export function ClaimsTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const claims = useStore((s) => s.claims);
  const counts = useStore((s) => s.claimCounts);
  const load = useStore((s) => s.loadClaims);
  const loadTeam = useStore((s) => s.loadTeam);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<{ claim?: Claim } | null>(null);

  useEffect(() => {
    void Promise.all([load(incidentId), loadTeam(incidentId)]).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);

  return (
    <Stack spacing={2} data-testid="claims-tab">
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="h6" component="h2" sx={{ flex: 1, minWidth: 240 }}>
              {t('claims.title')}
            </Typography>
            <Button variant="contained" onClick={() => setDialog({})} data-testid="claim-new">
              {t('claims.add')}
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('claims.intro')}
          </Typography>
          {counts && counts.total > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="claims-summary">
              {t('claims.summary', { ...counts })}
            </Typography>
          )}
          {claims.length === 0 && <Typography color="text.secondary" sx={{ py: 2 }}>{t('claims.empty')}</Typography>}
        </CardContent>
      </Card>
      {claims.map((c) => (
        <ClaimCard key={c.id} incidentId={incidentId} claim={c} onOpen={() => setDialog({ claim: c })} />
      ))}
      {dialog && <ClaimDialog incidentId={incidentId} claim={dialog.claim} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function ClaimCard({ incidentId, claim: c, onOpen }: { incidentId: string; claim: Claim; onOpen(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const showMentions = useStore((s) => s.showMentions);
  const open = c.status === 'to_answer';
  const s = c.spread;
  return (
    <Card variant="outlined" data-testid="claim-card" data-status={c.status} data-trend={s.trend}>
      <CardActionArea onClick={onOpen} sx={{ p: 2 }} data-testid="claim-open">
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, mb: 1 }}>
          <Chip size="small" color={VERDICT_COLOR[c.verdict]} label={t(`claims.verdict.${c.verdict}`)} data-testid="claim-verdict" />
          <Chip size="small" variant={open ? 'filled' : 'outlined'} color={STATUS_COLOR[c.status]} label={t(`claims.status.${c.status}`)} data-testid="claim-status" />
          <Tooltip title={t('claims.trendHint', { hours: SPREAD_WINDOW_HOURS })}>
            <Chip size="small" variant="outlined" color={TREND_COLOR[s.trend]} label={t(`claims.trend.${s.trend}`)} data-testid="claim-trend" />
          </Tooltip>
        </Stack>
        <Typography variant="subtitle1" dir="auto" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }} data-testid="claim-text">
          {c.claim}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, my: 1 }}>
          {c.terms.length ? (
            <>
              <SpreadBars spread={s} />
              <Box>
                <Typography variant="body2" data-testid="claim-mentions">
                  {t('claims.mentions', { count: s.total, negative: s.negative })}
                </Typography>
                {s.firstSeen !== null && (
                  <Typography variant="caption" color="text.secondary">
                    {t('claims.seen', { first: formatTime(s.firstSeen, language), last: formatTime(s.lastSeen, language) })}
                  </Typography>
                )}
              </Box>
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">{t('claims.noTerms')}</Typography>
          )}
        </Stack>
        {c.facts && <Labelled label={t('claims.facts')} text={c.facts} testId="claim-facts" />}
        {c.source && <Labelled label={t('claims.source')} text={c.source} testId="claim-source" />}
        <Typography variant="caption" color={c.ownerPersonName || !open ? 'text.secondary' : 'error'} sx={{ display: 'block', mt: 0.5 }}>
          {t('claims.owner')}: {c.ownerPersonName ? isolate(c.ownerPersonName) : t('claims.nobody')}
        </Typography>
        {!open && (
          <Box sx={{ mt: 1 }} data-testid="claim-answer">
            <ClosedCaption record={c} />
            <Typography variant="body2" dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
              {c.answer}
            </Typography>
            {s.afterAnswer && (
              <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="claim-after-answer">
                {t('claims.afterAnswer', s.afterAnswer)}
              </Typography>
            )}
          </Box>
        )}
      </CardActionArea>
      {c.terms.length > 0 && (
        <Box sx={{ px: 2, pb: 1.5 }}>
          <Button size="small" onClick={() => void showMentions(incidentId, { anyOf: c.terms })} data-testid="claim-show-mentions">
            {t('claims.showMentions')}
          </Button>
        </Box>
      )}
    </Card>
  );
}

function Labelled({ label, text, testId }: { label: string; text: string; testId: string }) {
  return (
    <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid={testId}>
      <Typography component="span" variant="body2" color="text.secondary">
        {label}:{' '}
      </Typography>
      <span dir="auto">{text}</span>
    </Typography>
  );
}
