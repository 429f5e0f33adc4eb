import { Chip, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ATTENTION_KINDS, attentionTotal } from '../../../shared/attention';
import { useStore } from '../../store';
import { useAttentionText } from './attention-text';

/** On the incident list: how many things need someone now on this incident, and (on hover) which. */
export function AttentionChip({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const text = useAttentionText();
  const entry = useStore((s) => s.attention?.find((a) => a.incidentId === incidentId));
  const total = entry ? attentionTotal(entry.counts) : 0;
  if (!entry || total === 0) return null;
  const lines = ATTENTION_KINDS.filter((k) => entry.counts[k] > 0).map((k) => text(k, entry.counts[k]));
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{lines.join('\n')}</span>}>
      <Chip size="small" color="error" label={t('attention.needs', { count: total })} aria-description={lines.join('; ')} data-testid="incident-attention" />
    </Tooltip>
  );
}
