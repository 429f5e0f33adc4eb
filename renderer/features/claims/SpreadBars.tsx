import { useTheme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ClaimSpread } from '../../../shared/claims';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';

const WIDTH = 144;
const HEIGHT = 28;

/**
 * A claim's mentions per hour over the last day of mentions, as small bars (the latest hour at the reading end: on
 * the left in Persian); the figures are in its label for a screen reader and on hover.
 */
export function SpreadBars({ spread }: { spread: ClaimSpread }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const language = useStore((s) => s.language);
  const { number } = useNumbers();
  const max = Math.max(1, ...spread.hours);
  const step = WIDTH / spread.hours.length;
  const rtl = theme.direction === 'rtl';
  const label = t('claims.hoursLabel', { hours: spread.hours.length, until: formatTime(spread.until, language), counts: spread.hours.map((n) => number(n)).join(', ') });
  return (
    <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label} data-testid="claim-spread-bars">
      <title>{label}</title>
      {spread.hours.map((n, i) => {
        const h = n ? Math.max(2, (n / max) * (HEIGHT - 2)) : 1;
        const x = (rtl ? spread.hours.length - 1 - i : i) * step;
        return <rect key={i} x={x + 0.5} y={HEIGHT - h} width={Math.max(1, step - 1)} height={h} fill={n ? theme.palette.error.main : theme.palette.divider} />;
      })}
    </svg>
  );
}
