import { TextField, type SxProps, type Theme } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readDigits, stripGroupSpaces } from '../../../shared/written-number';
import { useStore } from '../../store';

/**
 * A number typed in any of the UI languages. Chromium's `<input type="number">` drops Persian digits (a Persian
 * keyboard types ۱۲۰, and the field stayed empty) and takes a Russian "12,5" for nothing, so this is a text field
 * that reads Persian and Arabic-Indic digits and the language's own decimal mark, and shows the value in the
 * language's digits. The text is left as typed while it is typed (a rounded or clamped value written back at each
 * key made "15" impossible to type in a field of fives); the value handed on is already rounded and clamped, and
 * the field shows it once it loses the focus.
 */
export function NumberField(props: {
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  /** Whole numbers (counts, minutes); otherwise an amount with decimals. */
  integer?: boolean;
  min?: number;
  max?: number;
  /** Values go in steps of this (an alert's window of 15-minute steps). */
  step?: number;
  /** What an emptied field means: "not known" (null) unless a number is given. */
  empty?: number | null;
  testId?: string;
  size?: 'small' | 'medium';
  sx?: SxProps<Theme>;
}) {
  const { label, value, onChange, integer = false, min, max, step, empty = null, testId, size = 'small', sx } = props;
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const { show, decimal } = useMemo(() => {
    const format = new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 6 });
    const mark = format.formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    return { show: (v: number | null) => (v === null ? '' : format.format(v)), decimal: mark === ',' ? ',' : '.' };
  }, [language]);
  const [text, setText] = useState(() => show(value));
  const handedOn = useRef(value);

  // A value changed from outside (another row removed, a reset) is shown; the one this field handed on is not.
  useEffect(() => {
    if (value !== handedOn.current) setText(show(value));
    handedOn.current = value;
  }, [value, show]);
  useEffect(() => setText(show(handedOn.current)), [show]); // the language changed: its digits

  const constrain = (n: number) => {
    let v = step ? Math.round(n / step) * step : integer ? Math.round(n) : n;
    if (min !== undefined) v = Math.max(min, v);
    if (max !== undefined) v = Math.min(max, v);
    return v;
  };
  // For a count a single separator before three digits groups thousands; for an amount, unless it is the language's decimal mark.
  const read = (s: string) => readDigits(stripGroupSpaces(s), (sep) => integer || sep !== decimal);
  const unreadable = text.trim() !== '' && read(text) === null;

  const change = (next: string) => {
    setText(next);
    const n = next.trim() === '' ? empty : read(next);
    if (next.trim() !== '' && n === null) return; // not a number (yet): the field says so, the value stays
    const v = n === null ? null : constrain(n);
    handedOn.current = v;
    onChange(v);
  };

  return (
    <TextField
      size={size}
      sx={sx}
      label={label}
      value={text}
      onChange={(e) => change(e.target.value)}
      onBlur={() => setText(show(handedOn.current))}
      error={unreadable}
      helperText={unreadable ? t('fields.notANumber') : undefined}
      // Digits alone have no direction of their own: they sit where the page's text starts (right, in Persian).
      slotProps={{ htmlInput: { inputMode: integer ? 'numeric' : 'decimal', style: { unicodeBidi: 'normal' }, ...(testId ? { 'data-testid': testId } : {}) } }}
    />
  );
}
