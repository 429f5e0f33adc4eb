import { MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carriesKeyMessage } from '../../../shared/key-message-match';
import { APPROVED_STATES, type KeyMessage, type StatementSummary } from '../../../shared/statements';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { KeyMessageChips } from '../statements/KeyMessageChips';
import { useErrorText } from './use-error-text';

/** The approved statement some words were taken from, at the version read. */
export type Wording = { id: string; version: number };

/** The record's wording as the dialog opened it. */
export function wordingOf(record: { statementId: string | null; statementVersion: number | null } | undefined): Wording | null {
  return record?.statementId ? { id: record.statementId, version: record.statementVersion ?? 0 } : null;
}

/** What a save sends about the words' source: nothing when unchanged, else the statement and the version read (or null: own words). */
export function wordingPatch(wording: Wording | null, record: { statementId: string | null; statementVersion: number | null } | undefined): { statementId?: string | null; statementVersion?: number } {
  const changed = wording?.id !== (record?.statementId ?? undefined) || (wording !== null && wording.version !== record?.statementVersion);
  return changed ? { statementId: wording?.id ?? null, ...(wording ? { statementVersion: wording.version } : {}) } : {};
}

/**
 * The incident's words that may be given out (approved or published statements; an internal briefing only when
 * `internal`: to staff and the board, never to a journalist) and its key messages.
 */
export function useGivenWordsSources(incidentId: string, internal: boolean): { statements: StatementSummary[]; keyMessages: KeyMessage[] } {
  const [statements, setStatements] = useState<StatementSummary[]>([]);
  const [keyMessages, setKeyMessages] = useState<KeyMessage[]>([]);
  useEffect(() => {
    const usable = (s: StatementSummary) => APPROVED_STATES.includes(s.state) && (internal || s.kind !== 'internal');
    void call('statements.list', { incidentId }).then((list) => setStatements(list.filter(usable)), () => undefined);
    void call('statements.keyMessages', { incidentId }).then(setKeyMessages, () => undefined);
  }, [incidentId, internal]);
  return { statements, keyMessages };
}

type Props = {
  statements: StatementSummary[];
  keyMessages: KeyMessage[];
  wording: Wording | null;
  onWording(wording: Wording | null): void;
  text: string;
  onText(text: string): void;
  /** UI strings: the statement picker, its note when none is approved, the words' field and its hint. */
  labels: { wording: string; noWording: string; text: string; hint: string };
  /** Closing the record needs the words: the field shows it while they are missing. */
  missing: boolean;
  /** Test ids: `<prefix>-wording`, `<prefix>-wording-<id>`, and the words' field's. */
  testIdPrefix: string;
  textTestId: string;
};

/**
 * What the brand said to someone (a journalist, a regulator, the staff): typed, or an approved statement's words taken
 * as they are (still editable: a greeting, a name), recorded with the statement and version; as it is typed, the key
 * messages it carries (✓) and leaves out (✗), so every audience hears one voice.
 */
export function GivenWords({ statements, keyMessages, wording, onWording, text, onText, labels, missing, testIdPrefix, textTestId }: Props) {
  const { t } = useTranslation();
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const take = (id: string) => {
    if (!id) return onWording(null);
    void call('statements.get', { id }).then((s) => {
      onWording({ id: s.id, version: s.version });
      onText(s.current.body);
    }, (err: unknown) => notify('error', errorText(err)));
  };
  return (
    <>
      <TextField size="small" select fullWidth label={t(labels.wording)} value={wording?.id ?? ''} onChange={(e) => take(e.target.value)} helperText={statements.length ? undefined : t(labels.noWording)} slotProps={{ select: { displayEmpty: true, SelectDisplayProps: { 'data-testid': `${testIdPrefix}-wording` } as object }, inputLabel: { shrink: true } }}>
        <MenuItem value="">{t('press.ownWords')}</MenuItem>
        {statements.map((s) => (
          <MenuItem key={s.id} value={s.id} data-testid={`${testIdPrefix}-wording-${s.id}`}>
            <span dir="auto">{s.title}</span>
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" fullWidth multiline minRows={2} label={t(labels.text)} value={text} onChange={(e) => onText(e.target.value)} error={missing} helperText={t(labels.hint)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': textTestId, maxLength: 20_000 } }} />
      {text.trim() && <KeyMessageChips coverage={keyMessages.map((k) => ({ id: k.id, text: k.text, contained: carriesKeyMessage(text, k.text) }))} />}
    </>
  );
}
