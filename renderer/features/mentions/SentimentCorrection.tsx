import { Button, ButtonGroup, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Mention } from '../../../shared/mentions';
import { SENTIMENT_LABELS, sentimentName, type SentimentLabelName } from '../../../shared/sentiment';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useNumbers } from '../common/use-numbers';

/** Which of the three sentiments is shown: the analyst's, else the tool's, else the engine's. */
export function shownSource(m: Mention): 'analyst' | 'tool' | 'engine' | null {
  return m.analystSentiment !== null ? 'analyst' : m.sourceSentiment !== null ? 'tool' : m.engineSentiment !== null ? 'engine' : null;
}

/** The three sentiments side by side, and the analyst's correction (which always wins). */
export function SentimentCorrection({ mention }: { mention: Mention }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const correct = useStore((s) => s.correctSentiment);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const numbers = useNumbers();
  const name = (v: number | null) => (v === null ? '—' : t(`explorer.sentimentValue.${sentimentName(v)!}`));
  const tool = mention.sourceSentiment === null ? '—' : `${name(mention.sourceSentiment > 0.05 ? 1 : mention.sourceSentiment < -0.05 ? -1 : 0)} (${mention.sourceSentimentRaw ?? mention.sourceSentiment})`;
  const set = (label: SentimentLabelName) => void correct([mention.id], label).catch((err: unknown) => notify('error', errorText(err)));
  const source = shownSource(mention);
  return (
    <Stack spacing={0.5} sx={{ my: 1 }} data-testid="sentiment-correction">
      <Typography variant="body2" data-testid="shown-sentiment">
        {t('sentiment.shown')}: <b>{name(mention.sentiment)}</b> {source && `(${t(`sentiment.source.${source}`)})`}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('sentiment.source.tool')}: {tool} · {t('sentiment.source.engine')}: {name(mention.engineSentiment)}
        {mention.engineScore !== null && ` (${numbers.number(mention.engineScore)})`}
        {mention.analystSentiment !== null && ` · ${t('sentiment.source.analyst')}: ${name(mention.analystSentiment)}, ${mention.analystBy ?? ''} ${formatTime(mention.analystAt, language)}`}
      </Typography>
      <ButtonGroup size="small" aria-label={t('sentiment.correct')}>
        {SENTIMENT_LABELS.map((label) => (
          <Button key={label} onClick={() => set(label)} variant={mention.analystSentiment === SENTIMENT_LABELS.indexOf(label) - 1 ? 'contained' : 'outlined'} data-testid={`correct-${label}`}>
            {t(`explorer.sentimentValue.${label}`)}
          </Button>
        ))}
      </ButtonGroup>
    </Stack>
  );
}
