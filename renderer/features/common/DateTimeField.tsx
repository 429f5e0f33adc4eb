import { TextField, type SxProps, type Theme } from '@mui/material';
import { useId } from 'react';
import { fromLocalInput, formatTime } from '../../format';
import { useStore } from '../../store';

/** Whether the language's own calendar is not the Gregorian one the browser's date picker always uses (Persian). */
const otherCalendar = (language: string) => new Intl.DateTimeFormat(language).resolvedOptions().calendar !== 'gregory';

/**
 * A local date and time picked with the browser's own picker (`datetime-local`). The picker speaks the Gregorian
 * calendar in the laptop's format whatever the UI language, while Firebreak shows Persian dates in the Solar Hijri
 * calendar: there the moment picked is repeated under the field as the rest of the app will show it, so a deadline
 * typed as 2026-12-02 is seen to be 11 Azar 1405 before it is saved.
 */
export function DateTimeField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  testId?: string;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
  sx?: SxProps<Theme>;
}) {
  const { label, value, onChange, testId, fullWidth, size = 'small', sx } = props;
  const language = useStore((s) => s.language);
  const id = useId(); // ties the repeated date to the field for screen readers (aria-describedby)
  const picked = fromLocalInput(value);
  const echo = picked !== null && otherCalendar(language) ? formatTime(picked, language) : undefined;
  return (
    <TextField
      id={id}
      size={size}
      type="datetime-local"
      fullWidth={fullWidth}
      sx={sx}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText={echo}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: testId ? { 'data-testid': testId } : undefined,
        formHelperText: testId ? ({ 'data-testid': `${testId}-echo` } as object) : undefined,
      }}
    />
  );
}
