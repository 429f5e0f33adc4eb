import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAIM_STATUSES, CLAIM_VERDICTS, CLOSED_CLAIM_STATUSES, type Claim, type ClaimEvent, type ClaimStatus, type ClaimVerdict } from '../../../shared/claims';
import { call } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { ChangeHistory } from '../common/ChangeHistory';
import { changedOnly } from '../common/changed-only';
import { ChoiceField } from '../common/ChoiceField';
import { DateTimeField } from '../common/DateTimeField';
import { GivenWords, useGivenWordsSources } from '../common/GivenWords';
import { PersonSelect } from '../common/PersonSelect';
import { useClosing } from '../common/use-closing';
import { useErrorText } from '../common/use-error-text';

const FIELD_LABELS: Record<string, string> = {
  claim: 'claims.claim', terms: 'claims.terms', verdict: 'claims.verdictLabel', facts: 'claims.facts', source: 'claims.source', ownerPersonId: 'claims.owner',
  status: 'claims.state', answer: 'claims.answer', statementId: 'claims.wording', answeredAt: 'claims.answeredAt',
};

/** The words as typed, one per comma (or line): "#poisonedbatch, poisoning, отравлен*". */
function splitTerms(typed: string): string[] {
  return typed.split(/[,\n،]/).map((w) => w.trim()).filter(Boolean);
}

/** Logs a claim, or works one: its verdict and the facts, the words that find it, who answers it and the answer. */
export function ClaimDialog({ incidentId, claim, onClose }: { incidentId: string; claim?: Claim; onClose(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const people = useStore((s) => s.people);
  const addClaim = useStore((s) => s.addClaim);
  const updateClaim = useStore((s) => s.updateClaim);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [text, setText] = useState(claim?.claim ?? '');
  const [terms, setTerms] = useState(claim?.terms.join(', ') ?? '');
  const [verdict, setVerdict] = useState<ClaimVerdict>(claim?.verdict ?? 'unverified');
  const [facts, setFacts] = useState(claim?.facts ?? '');
  const [source, setSource] = useState(claim?.source ?? '');
  const [personId, setPersonId] = useState(claim?.ownerPersonId ?? '');
  const { status, setStatus, at: answered, setAt: setAnswered, wording, setWording, closingPatch } = useClosing<ClaimStatus>(claim, 'to_answer', 'answered');
  const [answer, setAnswer] = useState(claim?.answer ?? '');
  // The answer to a claim is public: an internal briefing is not offered.
  const { statements, keyMessages } = useGivenWordsSources(incidentId, false);
  const [history, setHistory] = useState<ClaimEvent[]>([]);
  useEffect(() => {
    if (claim) void call('claims.history', { id: claim.id }).then(setHistory, () => undefined);
  }, [claim]);

  const needsAnswer = CLOSED_CLAIM_STATUSES.includes(status) && !answer.trim();
  const save = () => {
    const fields = { claim: text.trim(), verdict, facts, source, ownerPersonId: personId || null };
    const words = splitTerms(terms);
    const typed = { status, answer };
    const rest = closingPatch('answeredAt');
    const done = claim
      ? updateClaim(incidentId, claim.id, { ...changedOnly({ ...fields, ...typed }, claim), ...(words.join('\n') === claim.terms.join('\n') ? {} : { terms: words }), ...rest })
      : // Answered already (a reply went out before anyone logged the claim): logged, then recorded as answered.
        addClaim(incidentId, { ...fields, terms: words }).then((added) => (status === 'to_answer' ? undefined : updateClaim(incidentId, added.id, { ...typed, ...rest })));
    void done.then(onClose, (err: unknown) => notify('error', errorText(err)));
  };
  /** History values as a reader knows them: names, times, verdicts, not ids and epochs. */
  const shown = (field: string, value: string | null): string => {
    if (value === null || value === '') return '—';
    if (field === 'status') return t(`claims.status.${value}`);
    if (field === 'verdict') return t(`claims.verdict.${value}`);
    if (field === 'answeredAt') return formatTime(Number(value), language);
    if (field === 'ownerPersonId') return people.find((p) => p.id === value)?.name ?? value;
    if (field === 'statementId') return statements.find((s) => s.id === value)?.title ?? value;
    return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  };
  const field = (label: string, value: string, set: (v: string) => void, testId: string, extra: { multiline?: boolean; helper?: string; max: number }) => (
    <TextField
      size="small" fullWidth label={t(label)} value={value} onChange={(e) => set(e.target.value)} multiline={extra.multiline} minRows={extra.multiline ? 2 : undefined}
      helperText={extra.helper} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': testId, maxLength: extra.max } }}
    />
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{claim ? t('claims.edit') : t('claims.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField size="small" fullWidth required multiline label={t('claims.claim')} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'claim-claim', maxLength: 1000 } }} />
          {field('claims.terms', terms, setTerms, 'claim-terms', { helper: t('claims.termsHint'), max: 3000 })}
          <Stack direction="row" spacing={1}>
            <ChoiceField label="claims.verdictLabel" value={verdict} onChange={setVerdict} options={CLAIM_VERDICTS} words="claims.verdict" testId="claim-verdict-select" />
            <PersonSelect label="claims.owner" nobody="claims.nobody" value={personId} onChange={setPersonId} testId="claim-owner" />
          </Stack>
          {field('claims.facts', facts, setFacts, 'claim-facts-input', { multiline: true, max: 10_000 })}
          {field('claims.source', source, setSource, 'claim-source-input', { helper: t('claims.sourceHint'), max: 2000 })}
          <Stack direction="row" spacing={1}>
            <ChoiceField label="claims.state" value={status} onChange={setStatus} options={CLAIM_STATUSES} words="claims.status" testId="claim-status-select" />
            {status === 'answered' ? <DateTimeField fullWidth label={t('claims.answeredAt')} value={answered} onChange={setAnswered} testId="claim-answered-at" /> : <span style={{ width: '100%' }} />}
          </Stack>
          <GivenWords
            statements={statements} keyMessages={keyMessages} wording={wording} onWording={setWording} text={answer} onText={setAnswer} missing={needsAnswer}
            labels={{ wording: 'claims.wording', noWording: 'claims.noWording', text: 'claims.answer', hint: 'claims.answerHint' }}
            testIdPrefix="claim" textTestId="claim-answer-input"
          />
          <ChangeHistory changes={history} label={(f) => t(FIELD_LABELS[f] ?? 'claims.answer')} shown={shown} testId="claim-history" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!text.trim() || needsAnswer} onClick={save} data-testid="claim-save">
          {t('form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
