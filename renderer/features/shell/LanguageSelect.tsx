import { MenuItem, Select } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type LanguageCode } from '../../i18n';
import { useStore } from '../../store';

/** The UI language, each named in itself; remembered on this laptop. */
export function LanguageSelect() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const setLanguage = useStore((s) => s.setLanguage);
  return (
    <Select
      size="small"
      value={language}
      onChange={(e) => setLanguage(e.target.value as LanguageCode)}
      inputProps={{ 'aria-label': t('app.language'), 'data-testid': 'language-select' }}
      SelectDisplayProps={{ 'data-testid': 'language-button' } as React.HTMLAttributes<HTMLDivElement>}
    >
      {LANGUAGES.map((l) => (
        <MenuItem key={l.code} value={l.code} lang={l.code} data-testid={`language-${l.code}`}>
          {l.label}
        </MenuItem>
      ))}
    </Select>
  );
}
