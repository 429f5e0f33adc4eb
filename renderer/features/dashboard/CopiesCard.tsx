import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MIN_COPY_ACCOUNTS, type Copies } from '../../../shared/analytics';
import { useStore } from '../../store';
import { useReviewFormat } from '../review/review-text';

/**
 * The texts several accounts posted word for word: a copy-paste campaign or bots, which the room answers (or reports
 * to the platform) as one thing, not one post at a time. A click lists every copy in the explorer.
 */
export function CopiesCard({ incidentId, copies }: { incidentId: string; copies: Copies }) {
  const { t } = useTranslation();
  const filter = useStore((s) => s.filter);
  const showMentions = useStore((s) => s.showMentions);
  // Spans worded as the after-action review words them ("1 h 51 min").
  const { span } = useReviewFormat();
  return (
    <Card variant="outlined" data-testid="copies-card">
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {t('dashboard.copiesTitle')}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p">
          {t('dashboard.copiesNote', { min: MIN_COPY_ACCOUNTS })}
          {copies.sampled && ` · ${t('dashboard.copiesSampled', { count: copies.sample })}`}
        </Typography>
        {copies.groups.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="copies-none">
            {t('dashboard.copiesNone', { min: MIN_COPY_ACCOUNTS })}
          </Typography>
        )}
        <Stack spacing={1} sx={{ mt: 1 }}>
          {copies.groups.map((g) => (
            <Card key={g.mentionId} variant="outlined" data-testid="copy-group">
              <CardActionArea onClick={() => void showMentions(incidentId, { ...filter, copyOf: g.mentionId })} sx={{ p: 1 }}>
                <Typography variant="body2" dir="auto" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }} data-testid="copy-text">
                  {g.text}
                </Typography>
                <Typography variant="caption" color="text.secondary" data-testid="copy-figures">
                  {t('dashboard.copiesLine', { accounts: g.accounts, mentions: g.mentions, span: span(g.last - g.first) })}
                  {' · '}
                  <bdi>{g.platforms.join(', ')}</bdi>
                  {g.medianFollowers !== null && ` · ${t('dashboard.copiesFollowers', { count: g.medianFollowers })}`}
                </Typography>
              </CardActionArea>
            </Card>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
