import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { KeyMessageCoverage } from '../../../shared/statements';

/** Which of the incident's key messages a text carries (✓) and which it leaves out (✗), first wording of each. */
export function KeyMessageChips({ coverage }: { coverage: KeyMessageCoverage[] }) {
  const { t } = useTranslation();
  if (coverage.length === 0) return null;
  return (
    <Box data-testid="key-message-coverage">
      <Typography variant="subtitle2">{t('statements.keyMessages')}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
        {coverage.map((k) => (
          <Chip key={k.id} size="small" color={k.contained ? 'success' : 'default'} variant={k.contained ? 'filled' : 'outlined'}
            label={`${k.contained ? '✓' : '✗'} ${k.text.split('\n')[0]}`} data-testid={k.contained ? 'key-carried' : 'key-missing'} />
        ))}
      </Stack>
    </Box>
  );
}
