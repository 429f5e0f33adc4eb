import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format';
import { useStore } from '../../store';

export type Change = { id: number; field: string; from: string | null; to: string | null; actor: string; at: number };

/**
 * A record's kept history, one line per changed field: when, who, "field: from → to". `label` names a field and
 * `shown` words a value as a reader knows it (a name, a time, a status; not an id or an epoch).
 */
export function ChangeHistory({ changes, label, shown, testId }: { changes: Change[]; label(field: string): string; shown(field: string, value: string | null): string; testId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  if (changes.length === 0) return null;
  return (
    <Stack data-testid={testId}>
      <Typography variant="subtitle2">{t('plan.history')}</Typography>
      {changes.map((h) => (
        <Typography key={h.id} variant="caption" color="text.secondary" dir="auto">
          {formatTime(h.at, language)} · {h.actor} · {t('plan.historyLine', { field: label(h.field), from: shown(h.field, h.from), to: shown(h.field, h.to) })}
        </Typography>
      ))}
    </Stack>
  );
}
