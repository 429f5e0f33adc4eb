import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PressContact } from '../../../shared/enquiries';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { twoLineOption } from '../common/TwoLineOption';

/** Words of a contact a search matches: the outlet or the journalist, any case, anywhere in them. */
const matches = (c: PressContact, typed: string) => {
  const q = typed.trim().toLocaleLowerCase();
  return !q || c.outlet.toLocaleLowerCase().includes(q) || c.journalist.toLocaleLowerCase().includes(q);
};

/** The outlet field of a new enquiry: typed freely, or a known journalist picked from the room's earlier enquiries. */
export function ContactPicker({ contacts, outlet, onOutlet, onPick }: { contacts: PressContact[]; outlet: string; onOutlet(v: string): void; onPick(c: PressContact): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (
    <Autocomplete<PressContact, false, false, true>
      freeSolo
      fullWidth
      size="small"
      options={contacts}
      inputValue={outlet}
      onInputChange={(_e, value) => onOutlet(value)}
      onChange={(_e, value) => value && typeof value !== 'string' && onPick(value)}
      getOptionLabel={(c) => (typeof c === 'string' ? c : c.outlet)}
      filterOptions={(list, { inputValue }) => list.filter((c) => matches(c, inputValue)).slice(0, 20)}
      renderOption={({ key, ...props }, c) =>
        twoLineOption({
          ...props,
          key,
          testId: 'press-contact-option',
          primary: (
            <>
              <b>{c.outlet}</b>
              {c.journalist && ` — ${c.journalist}`}
            </>
          ),
          secondary: t('press.contactSeen', { count: c.enquiries, time: formatTime(c.lastAt, language) }),
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          autoFocus
          required
          label={t('press.outlet')}
          placeholder={contacts.length ? t('press.contactHint') : undefined}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, dir: 'auto', maxLength: 200, 'data-testid': 'enquiry-outlet-input' } }}
        />
      )}
    />
  );
}
