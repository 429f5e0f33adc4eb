import { Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isSafeExternalUrl } from '../../../shared/security';
import { openExternal } from '../../api/client';

/** An account's name as written (its own direction), and **Open** for its link: through the main process, http(s) only. */
export function AccountTitle({ name, url, testId }: { name: string; url: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
      <Typography variant="subtitle1" dir="auto" sx={{ fontWeight: 600, overflowWrap: 'anywhere', flex: 1 }} data-testid={testId}>
        {name}
      </Typography>
      {url && isSafeExternalUrl(url) && (
        <Link component="button" variant="body2" onClick={() => void openExternal(url)} data-testid={`${testId}-url`}>
          {t('channels.open')}
        </Link>
      )}
    </Stack>
  );
}
