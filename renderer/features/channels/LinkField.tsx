import { TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isSafeExternalUrl } from '../../../shared/security';

/** What the link field holds is not one the app would open: its dialog does not save it. */
export function isBadLink(url: string): boolean {
  return url.trim() !== '' && !isSafeExternalUrl(url.trim());
}

/** An account's link, said wrong as it is typed when it is not http(s) (always left to right). */
export function LinkField({ value, onChange, testId }: { value: string; onChange(v: string): void; testId: string }) {
  const { t } = useTranslation();
  const bad = isBadLink(value);
  return (
    <TextField
      size="small" fullWidth label={t('channels.url')} value={value} onChange={(e) => onChange(e.target.value)} error={bad} helperText={bad ? t('channels.urlBad') : t('channels.urlHint')}
      slotProps={{ htmlInput: { dir: 'ltr', 'data-testid': testId, maxLength: 2000 } }}
    />
  );
}
