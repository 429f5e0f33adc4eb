import { Autocomplete, TextField } from '@mui/material';
import type { ReactNode } from 'react';
import { twoLineOption } from './TwoLineOption';

type Props<T> = {
  known: T[];
  value: string;
  onValue(value: string): void;
  onPick(known: T): void;
  /** What the field shows for a pick, and the words a search matches (any case, anywhere). */
  nameOf(known: T): string;
  words(known: T): string[];
  primary(known: T): ReactNode;
  secondary(known: T): ReactNode;
  label: string;
  placeholder?: string;
  inputTestId: string;
  optionTestId: string;
};

/**
 * A name typed freely, or someone the room dealt with before picked from the suggestions (a journalist, a
 * stakeholder), which fills the rest of the form.
 */
export function KnownPicker<T>({ known, value, onValue, onPick, nameOf, words, primary, secondary, label, placeholder, inputTestId, optionTestId }: Props<T>) {
  const matches = (k: T, typed: string) => {
    const q = typed.trim().toLocaleLowerCase();
    return !q || words(k).some((w) => w.toLocaleLowerCase().includes(q));
  };
  return (
    <Autocomplete<T, false, false, true>
      freeSolo
      fullWidth
      size="small"
      options={known}
      inputValue={value}
      onInputChange={(_e, typed) => onValue(typed)}
      onChange={(_e, picked) => picked !== null && typeof picked !== 'string' && onPick(picked)}
      getOptionLabel={(k) => (typeof k === 'string' ? k : nameOf(k))}
      filterOptions={(list, { inputValue }) => list.filter((k) => matches(k, inputValue)).slice(0, 20)}
      renderOption={({ key, ...props }, k) => twoLineOption({ ...props, key, testId: optionTestId, primary: primary(k), secondary: secondary(k) })}
      renderInput={(params) => (
        <TextField
          {...params}
          autoFocus
          required
          label={label}
          placeholder={known.length ? placeholder : undefined}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, dir: 'auto', maxLength: 200, 'data-testid': inputTestId } }}
        />
      )}
    />
  );
}
