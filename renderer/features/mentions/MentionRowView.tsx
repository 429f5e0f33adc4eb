import { Box, Checkbox, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Mention } from '../../../shared/mentions';
import { sentimentName } from '../../../shared/sentiment';
import { formatTime } from '../../format';
import { shownSource } from './SentimentCorrection';

const COLOR = { negative: 'error', neutral: 'default', positive: 'success' } as const;

/** One line of the explorer. Text from outside is rendered as text, in its own direction. */
export function MentionRowView({ mention, language, selected, onClick, checked, onCheck }: { mention: Mention; language: string; selected: boolean; onClick: () => void; checked: boolean; onCheck: (on: boolean) => void }) {
  const { t } = useTranslation();
  const shown = sentimentName(mention.sentiment);
  const source = shownSource(mention);
  // The tick box sits beside the row's button, not inside it: one control inside another is lost to screen readers.
  return (
    <Box
      data-testid="mention-row"
      sx={{ display: 'flex', alignItems: 'flex-start', height: '100%', borderBottom: 1, borderColor: 'divider', bgcolor: selected ? 'action.selected' : undefined, '&:hover': { bgcolor: 'action.hover' }, overflow: 'hidden' }}
    >
      <Checkbox size="small" sx={{ p: 0, mt: 1, ml: 1.5 }} checked={checked} onChange={(e) => onCheck(e.target.checked)} slotProps={{ input: { 'aria-label': t('sentiment.select'), 'data-testid': 'mention-check' } as object }} />
      <Box
        role="button"
        tabIndex={0}
        onClick={onClick}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onClick()}
        sx={{ pl: 1, pr: 1.5, py: 1, flex: 1, minWidth: 0, height: '100%', cursor: 'pointer' }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
          <Chip size="small" label={mention.platform} variant="outlined" />
          <Typography variant="body2" sx={{ fontWeight: 600 }} dir="auto" noWrap>
            {mention.author ?? '—'}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap>
            {formatTime(mention.publishedAt, language)}
          </Typography>
          {shown && source && (
            <Tooltip describeChild title={t(`sentiment.source.${source}`)}>
              <Chip size="small" color={COLOR[shown]} variant={source === 'analyst' ? 'filled' : 'outlined'} label={t(`explorer.sentimentValue.${shown}`)} data-testid="row-sentiment" />
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
    </Box>
  );
}
