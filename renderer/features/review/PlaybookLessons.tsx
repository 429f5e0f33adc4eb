import { Alert, Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaybookLesson } from '../../../shared/review';
import { call } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';

/** What past reviews learned about this playbook, so the next crisis starts from it. */
export function PlaybookLessons({ playbookId }: { playbookId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [lessons, setLessons] = useState<PlaybookLesson[]>([]);
  useEffect(() => {
    void call('review.lessons', { playbookId }).then(setLessons, () => setLessons([]));
  }, [playbookId]);
  if (!lessons.length) return null;
  return (
    <Alert severity="info" icon={false} sx={{ mt: 1 }} data-testid="playbook-lessons">
      <Typography variant="subtitle2">{t('pastCrises.lessonsTitle')}</Typography>
      <Box component="ul" sx={{ m: 0, paddingInlineStart: 3 }}>
        {lessons.map((l, i) => (
          <Typography component="li" variant="body2" key={i} dir="auto">
            {l.text} <Typography component="span" variant="caption" color="text.secondary">— {l.incidentTitle}, {formatTime(l.closedAt, language)}</Typography>
          </Typography>
        ))}
      </Box>
    </Alert>
  );
}
