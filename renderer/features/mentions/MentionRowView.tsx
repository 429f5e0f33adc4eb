import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Mention } from '../../../shared/mentions';
import { formatTime } from '../../format';

const band = (s: number) => (s < -0.05 ? 'negative' : s > 0.05 ? 'positive' : 'neutral');
const COLOR = { negative: 'error', neutral: 'default', positive: 'success' } as const;

/** One line of the explorer. Text from outside is rendered as text, in its own direction. */
export function MentionRowView({ mention, language, selected, onClick }: { mention: Mention; language: string; selected: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Box
      role="button"
      tabIndex={0}
      onClick={onClick}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onClick()}
      data-testid="mention-row"
      sx={{ px: 1.5, py: 1, height: '100%', borderBottom: 1, borderColor: 'divider', cursor: 'pointer', bgcolor: selected ? 'action.selected' : undefined, '&:hover': { bgcolor: 'action.hover' }, overflow: 'hidden' }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Chip size="small" label={mention.platform} variant="outlined" />
        <Typography variant="body2" sx={{ fontWeight: 600 }} dir="auto" noWrap>
          {mention.author ?? '—'}
        </Typography>
        <Typography variant="caption" color="text.secondary" noWrap>
          {formatTime(mention.publishedAt, language)}
        </Typography>
        {mention.sourceSentiment !== null && (
          <Tooltip title={mention.sourceSentimentRaw ?? ''}>
            <Chip size="small" color={COLOR[band(mention.sourceSentiment)]} label={t(`explorer.sentimentValue.${band(mention.sourceSentiment)}`)} />
          </Tooltip>
        )}
        {mention.reach !== null && (
          <Typography variant="caption" color="text.secondary">
            ◉ {mention.reach.toLocaleString(language)}
          </Typography>
        )}
      </Stack>
      <Typography variant="body2" dir="auto" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}>
        {mention.title ? `${mention.title} — ` : ''}
        {mention.text}
      </Typography>
    </Box>
  );
}
