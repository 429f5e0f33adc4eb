import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSED_ENQUIRY_STATUSES, ENQUIRY_CHANNELS, ENQUIRY_STATUSES, type Enquiry, type EnquiryChannel, type EnquiryEvent, type EnquiryStatus, type PressContact } from '../../../shared/enquiries';
import { call } from '../../api/client';
import { formatTime, keptTime, toLocalInput } from '../../format';
import { useStore } from '../../store';
import { ChangeHistory } from '../common/ChangeHistory';
import { changedOnly } from '../common/changed-only';
import { useErrorText } from '../common/use-error-text';
import { GivenWords, useGivenWordsSources, wordingOf, wordingPatch, type Wording } from '../common/GivenWords';
import { PersonSelect } from '../common/PersonSelect';
import { ContactPicker } from './ContactPicker';
import { DateTimeField } from '../common/DateTimeField';

const FIELD_LABELS: Record<string, string> = {
  outlet: 'press.outlet', journalist: 'press.journalist', contact: 'press.contact', channel: 'press.channelLabel', question: 'press.question',
  receivedAt: 'press.receivedAt', deadlineAt: 'press.deadline', ownerPersonId: 'press.owner', status: 'press.state', answer: 'press.answer', statementId: 'press.wording',
};

/** What a new enquiry logged from a mention starts with (a journalist asking in public). */
export type EnquirySeed = Pick<Enquiry, 'outlet' | 'journalist' | 'contact' | 'channel' | 'question' | 'receivedAt' | 'mentionId'>;

/**
 * Logs a journalist's enquiry (from scratch, or from a mention: `from`), or works one: who answers, the status, and
 * what was said (typed, or an approved statement's words).
 */
export function EnquiryDialog({ incidentId, enquiry, from, onClose, onSaved }: { incidentId: string; enquiry?: Enquiry; from?: EnquirySeed; onClose(): void; onSaved?(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const people = useStore((s) => s.people);
  const addEnquiry = useStore((s) => s.addEnquiry);
  const updateEnquiry = useStore((s) => s.updateEnquiry);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const seed = enquiry ?? from;
  const [outlet, setOutlet] = useState(seed?.outlet ?? '');
  const [journalist, setJournalist] = useState(seed?.journalist ?? '');
  const [contact, setContact] = useState(seed?.contact ?? '');
  const [channel, setChannel] = useState<EnquiryChannel>(seed?.channel ?? 'phone');
  const [question, setQuestion] = useState(seed?.question ?? '');
  const [openedAt] = useState(() => Date.now());
  const [received, setReceived] = useState(toLocalInput(seed?.receivedAt ?? openedAt));
  const [deadline, setDeadline] = useState(toLocalInput(enquiry?.deadlineAt ?? null));
  const [personId, setPersonId] = useState(enquiry?.ownerPersonId ?? '');
  const [status, setStatus] = useState<EnquiryStatus>(enquiry?.status ?? 'new');
  const [answer, setAnswer] = useState(enquiry?.answer ?? '');
  const [wording, setWording] = useState<Wording | null>(wordingOf(enquiry));
  const { statements, keyMessages } = useGivenWordsSources(incidentId, false);
  const [history, setHistory] = useState<EnquiryEvent[]>([]);
  const [contacts, setContacts] = useState<PressContact[]>([]);
  useEffect(() => {
    if (enquiry) void call('enquiries.history', { id: enquiry.id }).then(setHistory, () => undefined);
    else void call('enquiries.contacts', {}).then(setContacts, () => undefined);
  }, [enquiry, incidentId]);
  /** A journalist the room knows: their outlet, name, way of getting in touch and latest details, in one pick. */
  const pickContact = (c: PressContact) => {
    setOutlet(c.outlet);
    setJournalist(c.journalist);
    setContact(c.contact);
    setChannel(c.channel);
  };

  const needsAnswer = CLOSED_ENQUIRY_STATUSES.includes(status) && !answer.trim();
  const save = () => {
    const fields = {
      outlet: outlet.trim(), journalist, contact, channel, question: question.trim(), deadlineAt: keptTime(deadline, enquiry?.deadlineAt ?? null), ownerPersonId: personId || null,
      receivedAt: keptTime(received, seed?.receivedAt ?? openedAt) ?? openedAt,
    };
    const words = wordingPatch(wording, enquiry);
    const typed = { ...fields, status, answer };
    const changed = enquiry ? changedOnly(typed, enquiry) : typed;
    // A call answered on the spot is logged with what was said.
    const done = enquiry ? updateEnquiry(incidentId, enquiry.id, { ...changed, ...words }) : addEnquiry(incidentId, { ...typed, ...words, mentionId: from?.mentionId ?? null });
    void done.then(() => {
      onSaved?.();
      onClose();
    }, (err: unknown) => notify('error', errorText(err)));
  };
  /** History values as a reader knows them: names, times, statuses, not ids and epochs. */
  const shown = (field: string, value: string | null): string => {
    if (value === null || value === '') return '—';
    if (field === 'status') return t(`press.status.${value}`);
    if (field === 'channel') return t(`press.channel.${value}`);
    if (field === 'deadlineAt' || field === 'receivedAt') return formatTime(Number(value), language);
    if (field === 'ownerPersonId') return people.find((p) => p.id === value)?.name ?? value;
    if (field === 'statementId') return statements.find((s) => s.id === value)?.title ?? value;
    return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  };
  const text = (label: string, value: string, set: (v: string) => void, testId: string, max: number, more: object = {}) => (
    <TextField size="small" fullWidth label={t(label)} value={value} onChange={(e) => set(e.target.value)} {...more} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': testId, maxLength: max } }} />
  );
  const when = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <DateTimeField fullWidth label={t(label)} value={value} onChange={set} testId={testId} />
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{enquiry ? t('press.edit') : t('press.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1}>
            {enquiry ? (
              text('press.outlet', outlet, setOutlet, 'enquiry-outlet-input', 200, { required: true })
            ) : (
              <ContactPicker contacts={contacts} outlet={outlet} onOutlet={setOutlet} onPick={pickContact} />
            )}
            {text('press.journalist', journalist, setJournalist, 'enquiry-journalist', 200)}
          </Stack>
          <Stack direction="row" spacing={1}>
            <TextField size="small" select fullWidth label={t('press.channelLabel')} value={channel} onChange={(e) => setChannel(e.target.value as EnquiryChannel)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'enquiry-channel' } as object } }}>
              {ENQUIRY_CHANNELS.map((c) => (
                <MenuItem key={c} value={c} data-testid={`enquiry-channel-${c}`}>
                  {t(`press.channel.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            {text('press.contact', contact, setContact, 'enquiry-contact', 300)}
          </Stack>
          <Stack direction="row" spacing={1}>
            {when('press.receivedAt', received, setReceived, 'enquiry-received')}
            {when('press.deadline', deadline, setDeadline, 'enquiry-deadline')}
          </Stack>
          {text('press.question', question, setQuestion, 'enquiry-question', 10_000, { multiline: true, minRows: 2, required: true })}
          <Stack direction="row" spacing={1}>
            <PersonSelect label="press.owner" nobody="press.nobody" value={personId} onChange={setPersonId} testId="enquiry-owner" />
            <TextField size="small" select fullWidth label={t('press.state')} value={status} onChange={(e) => setStatus(e.target.value as EnquiryStatus)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'enquiry-status' } as object } }}>
              {ENQUIRY_STATUSES.map((s) => (
                <MenuItem key={s} value={s} data-testid={`enquiry-status-${s}`}>
                  {t(`press.status.${s}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <GivenWords
            statements={statements} keyMessages={keyMessages} wording={wording} onWording={setWording} text={answer} onText={setAnswer} missing={needsAnswer}
            labels={{ wording: 'press.wording', noWording: 'press.noWording', text: 'press.answer', hint: 'press.answerHint' }} testIdPrefix="enquiry" textTestId="enquiry-answer"
          />
          <ChangeHistory changes={history} label={(field) => t(FIELD_LABELS[field] ?? 'press.answer')} shown={shown} testId="enquiry-history" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!outlet.trim() || !question.trim() || needsAnswer} onClick={save} data-testid="enquiry-save">
          {t('form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
