import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** A person from the directory, or nobody yet: who answers an enquiry, who informs a stakeholder. */
export function PersonSelect({ label, nobody, value, onChange, testId }: { label: string; nobody: string; value: string; onChange(personId: string): void; testId: string }) {
  const { t } = useTranslation();
  const people = useStore((s) => s.people);
  return (
    <TextField size="small" select fullWidth label={t(label)} value={value} onChange={(e) => onChange(e.target.value)} slotProps={{ select: { displayEmpty: true, SelectDisplayProps: { 'data-testid': testId } as object }, inputLabel: { shrink: true } }}>
      <MenuItem value="">{t(nobody)}</MenuItem>
      {people.map((p) => (
        <MenuItem key={p.id} value={p.id} data-testid={`${testId}-${p.id}`}>
          {p.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
