import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

/**
 * A select of fixed values, each worded by its UI string `<words>.<value>`: the test id names the select and, with
 * `-<value>`, each option.
 */
export function ChoiceField<T extends string>({ label, value, onChange, options, words, testId }: { label: string; value: NoInfer<T>; onChange(v: NoInfer<T>): void; options: readonly T[]; words: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <TextField size="small" select fullWidth label={t(label)} value={value} onChange={(e) => onChange(e.target.value as T)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': testId } as object } }}>
      {options.map((o) => (
        <MenuItem key={o} value={o} data-testid={`${testId}-${o}`}>
          {t(`${words}.${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
