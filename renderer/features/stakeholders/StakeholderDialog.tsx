import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLOSED_STAKEHOLDER_STATUSES, STAKEHOLDER_CHANNELS, STAKEHOLDER_GROUPS, STAKEHOLDER_STATUSES,
  type KnownStakeholder, type Stakeholder, type StakeholderChannel, type StakeholderEvent, type StakeholderGroup, type StakeholderStatus,
} from '../../../shared/stakeholders';
import { call } from '../../api/client';
import { formatTime, keptTime, toLocalInput } from '../../format';
import { useStore } from '../../store';
import { ChangeHistory } from '../common/ChangeHistory';
import { ChoiceField } from '../common/ChoiceField';
import { changedOnly } from '../common/changed-only';
import { DateTimeField } from '../common/DateTimeField';
import { GivenWords, useGivenWordsSources } from '../common/GivenWords';
import { KnownPicker } from '../common/KnownPicker';
import { PersonSelect } from '../common/PersonSelect';
import { useClosing } from '../common/use-closing';
import { useErrorText } from '../common/use-error-text';
import { useStakeholderName } from './stakeholder-name';

const FIELD_LABELS: Record<string, string> = {
  name: 'stakeholders.name', group: 'stakeholders.groupLabel', channel: 'stakeholders.channelLabel', contact: 'stakeholders.contact', dueAt: 'stakeholders.due',
  ownerPersonId: 'stakeholders.owner', status: 'stakeholders.state', message: 'stakeholders.message', statementId: 'stakeholders.wording', informedAt: 'stakeholders.informedAt',
};

/** Adds a stakeholder, or works one: who informs them, by when, the status, and what they were told. */
export function StakeholderDialog({ incidentId, stakeholder, onClose }: { incidentId: string; stakeholder?: Stakeholder; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const people = useStore((s) => s.people);
  const addStakeholder = useStore((s) => s.addStakeholder);
  const updateStakeholder = useStore((s) => s.updateStakeholder);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const nameOf = useStakeholderName();
  // One from the usual list shows in the reader's language: left as shown, it keeps its stored English name.
  const shownName = stakeholder ? nameOf(stakeholder) : '';
  const [name, setName] = useState(shownName);
  const [group, setGroup] = useState<StakeholderGroup>(stakeholder?.group ?? 'employees');
  const [channel, setChannel] = useState<StakeholderChannel>(stakeholder?.channel ?? 'email');
  const [contact, setContact] = useState(stakeholder?.contact ?? '');
  const [due, setDue] = useState(toLocalInput(stakeholder?.dueAt ?? null));
  const [personId, setPersonId] = useState(stakeholder?.ownerPersonId ?? '');
  const { status, setStatus, at: informed, setAt: setInformed, wording, setWording, closingPatch } = useClosing<StakeholderStatus>(stakeholder, 'to_inform', 'informed');
  const [message, setMessage] = useState(stakeholder?.message ?? '');
  const { statements, keyMessages } = useGivenWordsSources(incidentId, true);
  const [history, setHistory] = useState<StakeholderEvent[]>([]);
  const [known, setKnown] = useState<KnownStakeholder[]>([]);
  useEffect(() => {
    if (stakeholder) void call('stakeholders.history', { id: stakeholder.id }).then(setHistory, () => undefined);
    else void call('stakeholders.known', {}).then(setKnown, () => undefined);
  }, [stakeholder]);
  /** Someone the room listed before: their name, group, way of being told and latest contact, in one pick. */
  const pickKnown = (k: KnownStakeholder) => {
    setName(k.name);
    setGroup(k.group);
    setChannel(k.channel);
    setContact(k.contact);
  };

  const needsMessage = CLOSED_STAKEHOLDER_STATUSES.includes(status) && !message.trim();
  const save = () => {
    const fields = {
      name: name.trim() === shownName ? (stakeholder?.name ?? name.trim()) : name.trim(), group, channel, contact, dueAt: keptTime(due, stakeholder?.dueAt ?? null), ownerPersonId: personId || null,
    };
    const typed = { status, message };
    const rest = closingPatch('informedAt');
    const done = stakeholder
      ? updateStakeholder(incidentId, stakeholder.id, { ...changedOnly({ ...fields, ...typed }, stakeholder), ...rest })
      : // Told already (the board called before anyone listed them): added, then recorded as told.
        addStakeholder(incidentId, fields).then((added) => (status === 'to_inform' ? undefined : updateStakeholder(incidentId, added.id, { ...typed, ...rest })));
    void done.then(onClose, (err: unknown) => notify('error', errorText(err)));
  };
  /** History values as a reader knows them: names, times, statuses, not ids and epochs. */
  const shown = (field: string, value: string | null): string => {
    if (value === null || value === '') return '—';
    if (field === 'status') return t(`stakeholders.status.${value}`);
    if (field === 'group') return t(`stakeholders.group.${value}`);
    if (field === 'channel') return t(`stakeholders.channel.${value}`);
    if (field === 'dueAt' || field === 'informedAt') return formatTime(Number(value), language);
    if (field === 'ownerPersonId') return people.find((p) => p.id === value)?.name ?? value;
    if (field === 'statementId') return statements.find((s) => s.id === value)?.title ?? value;
    return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{stakeholder ? t('stakeholders.edit') : t('stakeholders.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1}>
            {stakeholder ? (
              <TextField size="small" fullWidth required label={t('stakeholders.name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'stakeholder-name', maxLength: 200 } }} />
            ) : (
              <KnownPicker
                known={known} value={name} onValue={setName} onPick={pickKnown} nameOf={(k) => k.name} words={(k) => [k.name, k.contact]}
                primary={(k) => <b>{k.name}</b>}
                secondary={(k) => [t(`stakeholders.group.${k.group}`), t('stakeholders.knownSeen', { count: k.listed, time: formatTime(k.lastAt, language) })].join(' · ')}
                label={t('stakeholders.name')} placeholder={t('stakeholders.knownHint')} inputTestId="stakeholder-name" optionTestId="stakeholder-known-option"
              />
            )}
            <ChoiceField label="stakeholders.groupLabel" value={group} onChange={setGroup} options={STAKEHOLDER_GROUPS} words="stakeholders.group" testId="stakeholder-group" />
          </Stack>
          <Stack direction="row" spacing={1}>
            <ChoiceField label="stakeholders.channelLabel" value={channel} onChange={setChannel} options={STAKEHOLDER_CHANNELS} words="stakeholders.channel" testId="stakeholder-channel" />
            <TextField size="small" fullWidth label={t('stakeholders.contact')} value={contact} onChange={(e) => setContact(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'stakeholder-contact', maxLength: 300 } }} />
          </Stack>
          <Stack direction="row" spacing={1}>
            <DateTimeField fullWidth label={t('stakeholders.due')} value={due} onChange={setDue} testId="stakeholder-due" />
            <PersonSelect label="stakeholders.owner" nobody="stakeholders.nobody" value={personId} onChange={setPersonId} testId="stakeholder-owner" />
          </Stack>
          <Stack direction="row" spacing={1}>
            <ChoiceField label="stakeholders.state" value={status} onChange={setStatus} options={STAKEHOLDER_STATUSES} words="stakeholders.status" testId="stakeholder-status" />
            {status === 'informed' ? <DateTimeField fullWidth label={t('stakeholders.informedAt')} value={informed} onChange={setInformed} testId="stakeholder-informed-at" /> : <span style={{ width: '100%' }} />}
          </Stack>
          <GivenWords
            statements={statements} keyMessages={keyMessages} wording={wording} onWording={setWording} text={message} onText={setMessage} missing={needsMessage}
            labels={{ wording: 'stakeholders.wording', noWording: 'stakeholders.noWording', text: 'stakeholders.message', hint: 'stakeholders.messageHint' }}
            testIdPrefix="stakeholder" textTestId="stakeholder-message"
          />
          <ChangeHistory changes={history} label={(field) => t(FIELD_LABELS[field] ?? 'stakeholders.message')} shown={shown} testId="stakeholder-history" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!name.trim() || needsMessage} onClick={save} data-testid="stakeholder-save">
          {t('form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
