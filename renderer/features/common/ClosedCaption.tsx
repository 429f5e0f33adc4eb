import { Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';

/** A record closed with what was said (a journalist answered, a stakeholder told, a claim answered): by whom, when, and in whose words. */
export type ClosedWithWords = { closedBy: string | null; closedAt: number | null; statementTitle: string | null; statementVersion: number | null };

/** "Daniel Brooks, 3 Dec, 14:58 · from "Update: first QA results" v1" (or "Own words"). */
export function ClosedCaption({ record: r, testId }: { record: ClosedWithWords; testId?: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (
    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }} data-testid={testId}>
      {t('press.closedBy', { by: isolate(r.closedBy ?? ''), time: formatTime(r.closedAt, language) })}
      {' · '}
      {r.statementTitle ? t('press.takenFrom', { title: isolate(r.statementTitle), version: r.statementVersion ?? 0 }) : t('press.ownWords')}
    </Typography>
  );
}
