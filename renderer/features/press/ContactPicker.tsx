import { useTranslation } from 'react-i18next';
import type { PressContact } from '../../../shared/enquiries';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { KnownPicker } from '../common/KnownPicker';

/** The outlet field of a new enquiry: typed freely, or a known journalist picked from the room's earlier enquiries (by outlet or journalist). */
export function ContactPicker({ contacts, outlet, onOutlet, onPick }: { contacts: PressContact[]; outlet: string; onOutlet(v: string): void; onPick(c: PressContact): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (
    <KnownPicker
      known={contacts}
      value={outlet}
      onValue={onOutlet}
      onPick={onPick}
      nameOf={(c) => c.outlet}
      words={(c) => [c.outlet, c.journalist]}
      primary={(c) => (
        <>
          <b>{c.outlet}</b>
          {c.journalist && ` — ${c.journalist}`}
        </>
      )}
      secondary={(c) => t('press.contactSeen', { count: c.enquiries, time: formatTime(c.lastAt, language) })}
      label={t('press.outlet')}
      placeholder={t('press.contactHint')}
      inputTestId="enquiry-outlet-input"
      optionTestId="press-contact-option"
    />
  );
}
