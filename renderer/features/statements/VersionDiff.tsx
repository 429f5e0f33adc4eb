import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { diffWordsWithSpace } from 'diff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementVersion } from '../../../shared/statements';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';

/** Any two versions side by side: words removed struck out on the left, words added marked on the right. */
export function VersionDiff({ versions }: { versions: StatementVersion[] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const last = versions.length;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) return null;
  const parts = diffWordsWithSpace(`${a.title}\n\n${a.body}`, `${b.title}\n\n${b.body}`);
  const pick = (value: number, set: (v: number) => void, testId: string) => (
    <TextField size="small" select value={value} onChange={(e) => set(Number(e.target.value))} slotProps={{ select: { SelectDisplayProps: { 'data-testid': testId } as object } }}>
      {versions.map((v) => (
        <MenuItem key={v.version} value={v.version}>
          {t('statements.versionLine', { version: v.version, author: isolate(v.author), time: formatTime(v.createdAt, language) })}
        </MenuItem>
      ))}
    </TextField>
  );
  const side = (keep: 'removed' | 'added') => (
    <Box dir="auto" sx={{ flex: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', p: 1, border: 1, borderColor: 'divider', borderRadius: 1, fontSize: 14 }} data-testid={`diff-${keep === 'removed' ? 'old' : 'new'}`}>
      {parts.map((p, i) =>
        p[keep] ? (
          <Box key={i} component={keep === 'removed' ? 'del' : 'ins'} sx={{ bgcolor: keep === 'removed' ? 'rgba(244,67,54,0.2)' : 'rgba(76,175,80,0.25)' }}>
            {p.value}
          </Box>
        ) : p.added || p.removed ? null : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </Box>
  );
  return (
    <Stack spacing={1} data-testid="version-diff">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2">{t('statements.compare')}</Typography>
        {pick(from, setFrom, 'diff-from')}
        <Typography>→</Typography>
        {pick(to, setTo, 'diff-to')}
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
        {side('removed')}
        {side('added')}
      </Stack>
    </Stack>
  );
}
