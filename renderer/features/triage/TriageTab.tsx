import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, List, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRIAGE_STATES, TRIAGE_TRANSITIONS, type TriageItem, type TriageState } from '../../../shared/triage';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { ExplorerFilters } from '../mentions/ExplorerFilters';
import { MentionClaims } from '../claims/MentionClaims';
import { ReplyBox } from './ReplyBox';
import { shortcutLetter } from './shortcut-letter';
import { CopiesButton } from '../mentions/CopiesButton';
import { FromAuthorButton } from '../mentions/FromAuthorButton';
import { TriageRow } from './TriageRow';

const KEYS: Record<string, TriageState> = { n: 'needs_response', x: 'no_action', e: 'escalated' };

/**
 * The triage queue, highest priority first, driven from the keyboard: j / k move, n needs response, x no action
 * needed, e escalate, a assign to me, r write the reply (Enter records it). Nothing is ever deleted.
 */
export function TriageTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const actor = useStore((s) => s.actor);
  const queue = useStore((s) => s.triageQueue);
  const states = useStore((s) => s.triageStates);
  const selected = useStore((s) => s.triageSelected);
  const history = useStore((s) => s.triageHistory);
  const filter = useStore((s) => s.filter);
  const load = useStore((s) => s.loadTriage);
  const setStates = useStore((s) => s.setTriageStates);
  const select = useStore((s) => s.selectTriage);
  const setState = useStore((s) => s.triageSetState);
  const assign = useStore((s) => s.triageAssign);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [note, setNote] = useState('');
  const replyBox = useRef<HTMLInputElement>(null);
  const queueList = useRef<HTMLUListElement>(null);
  const item = useStore((s) => s.triageSelectedItem);
  const pending = useStore((s) => s.triageListPending);
  const run = (p: Promise<unknown>) => p.catch((err: unknown) => notify('error', errorText(err)));

  useEffect(() => {
    void run(load(incidentId));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident or the shared filter changes
  }, [incidentId, filter]);
  // Ticks are for the list on screen: a bulk move must never reach mentions another filter or state hid.
  useEffect(() => setChecked(new Set()), [incidentId, filter, states]);

  const move = (to: TriageState, ids = item ? [item.id] : []) => {
    if (!ids.length) return;
    void run(setState(incidentId, ids, to, to === 'escalated' && note ? { note } : {}).then(() => setNote('')));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, [role="dialog"]')) return;
      const index = queue.findIndex((m) => m.id === selected);
      const letter = shortcutLetter(e);
      if (letter === 'j' || letter === 'k') {
        // Not through the previous list while the one asked for loads: j would pick, and n or e then move, a mention
        // of the wrong list (an escalated one put back to "needs response" on a slow room).
        if (pending) return;
        const next = queue[Math.min(queue.length - 1, Math.max(0, index + (letter === 'j' ? 1 : -1)))];
        if (next) void run(select(next.id));
      } else if (letter && KEYS[letter] && item) move(KEYS[letter]);
      else if (letter === 'a' && item && actor) void run(assign(incidentId, [item.id], actor.name));
      else if (letter === 'r' && item) replyBox.current?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // j / k walk down a queue longer than its box: the selected mention is scrolled into view (the box, and the page).
  useEffect(() => {
    queueList.current?.querySelector(`[data-mention-id="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // Stable, so the memoised rows are not redrawn for a new function each render.
  const toggle = useCallback((id: number, on: boolean) => setChecked((prev) => {
    const next = new Set(prev);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }), []);
  const runLatest = useRef(run);
  useEffect(() => {
    runLatest.current = run;
  });
  const onSelect = useCallback((id: number) => void runLatest.current(select(id)), [select]);

  return (
    <Stack spacing={1} data-testid="triage-tab">
      <ExplorerFilters />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {/* A campaign's copies, an author's posts: handled together once the filter shows just them. */}
        <FormControlLabel
          control={<Checkbox size="small" checked={queue.length > 0 && checked.size === queue.length} indeterminate={checked.size > 0 && checked.size < queue.length} onChange={(e) => setChecked(new Set(e.target.checked ? queue.map((m) => m.id) : []))} slotProps={{ input: { 'data-testid': 'triage-check-all' } as object }} />}
          label={t('triage.checkAll', { count: queue.length })}
          disabled={queue.length === 0}
        />
        <ToggleButtonGroup size="small" exclusive value={states ? states[0] : 'open'} onChange={(_e, v: string | null) => v && void run(setStates(incidentId, v === 'open' ? null : [v as TriageState]))}>
          <ToggleButton value="open" data-testid="triage-show-open">{t('triage.open')}</ToggleButton>
          {TRIAGE_STATES.map((s) => (
            <ToggleButton key={s} value={s} data-testid={`triage-show-${s}`}>
              {t(`triage.state.${s}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Typography variant="caption" color="text.secondary">
          {t('triage.keys')}
        </Typography>
      </Stack>
      {checked.size > 0 && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="triage-bulk">
          <Typography variant="body2">{t('sentiment.selected', { count: checked.size })}</Typography>
          {(['needs_response', 'no_action', 'escalated'] as const).map((s) => (
            <Button key={s} size="small" variant="outlined" onClick={() => (move(s, [...checked]), setChecked(new Set()))} data-testid={`triage-bulk-${s}`}>
              {t(`triage.state.${s}`)}
            </Button>
          ))}
          {actor && (
            <Button size="small" onClick={() => void run(assign(incidentId, [...checked], actor.name).then(() => setChecked(new Set())))}>
              {t('triage.assignMe')}
            </Button>
          )}
        </Stack>
      )}
      <Stack direction="row" spacing={1} sx={{ minHeight: 420 }}>
        <Card variant="outlined" sx={{ flex: 3, minWidth: 0, maxHeight: 'calc(100vh - 280px)', overflow: 'auto' }}>
          {queue.length === 0 && !pending && (
            <Typography color="text.secondary" sx={{ p: 3 }} data-testid="triage-empty">
              {t('triage.empty')}
            </Typography>
          )}
          <List dense disablePadding ref={queueList} data-testid="triage-queue" aria-busy={pending} sx={{ opacity: pending ? 0.5 : 1, transition: 'opacity 0.2s' }}>
            {queue.map((m) => (
              <TriageRow key={m.id} item={m} selected={m.id === selected} checked={checked.has(m.id)} onSelect={onSelect} onCheck={toggle} />
            ))}
          </List>
        </Card>
        {item && <TriageDetail incidentId={incidentId} item={item} history={history} note={note} setNote={setNote} onMove={move} replyBox={replyBox} />}
      </Stack>
    </Stack>
  );
}

type DetailProps = {
  incidentId: string;
  item: TriageItem;
  history: ReturnType<typeof useStore.getState>['triageHistory'];
  note: string;
  setNote(v: string): void;
  onMove(to: TriageState): void;
  replyBox: React.RefObject<HTMLInputElement | null>;
};

/** One mention: why it ranks where it does, what can be done with it, its reply and its history. */
function TriageDetail({ incidentId, item, history, note, setNote, onMove, replyBox }: DetailProps) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (
    <Card variant="outlined" sx={{ flex: 2, minWidth: 0, overflow: 'auto' }} data-testid="triage-detail">
      <CardContent>
        <Typography dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="triage-text">
          {item.text}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ my: 1 }} data-testid="triage-why">
          {t('triage.why', { priority: Math.round(item.priority), negativity: item.parts.negativity, reach: Math.round(item.parts.reach), recency: Math.round(item.parts.recency), influencer: item.parts.influencer })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
          {TRIAGE_TRANSITIONS[item.triageState]
            .filter((s) => s !== 'responded')
            .map((s) => (
              <Button key={s} size="small" variant="outlined" onClick={() => onMove(s)} data-testid={`triage-to-${s}`}>
                {t(`triage.state.${s}`)}
              </Button>
            ))}
          <FromAuthorButton mention={item} testId="triage-from-author" />
          <CopiesButton mentionId={item.id} testId="triage-copies" />
        </Stack>
        {TRIAGE_TRANSITIONS[item.triageState].includes('escalated') && (
          <TextField size="small" fullWidth label={t('triage.escalationNote')} value={note} onChange={(e) => setNote(e.target.value)} sx={{ mb: 1 }} slotProps={{ htmlInput: { dir: 'auto' } }} />
        )}
        {/* Two responders on one mention: the second sees the first one's reply (live) before posting another. */}
        {history && history.responses.length > 0 && (
          <Alert severity="warning" sx={{ mb: 1 }} data-testid="triage-answered">
            {t('triage.alreadyAnswered', { who: isolate(history.responses.at(-1)!.by), when: formatTime(history.responses.at(-1)!.at, language) })}
          </Alert>
        )}
        <MentionClaims mentionId={item.id} />
        {/* One box per mention: a reply half-written for one is never recorded on the next. */}
        <ReplyBox key={item.id} incidentId={incidentId} item={item} replyBox={replyBox} />
        {history && (
          <Box sx={{ mt: 2 }} data-testid="triage-history">
            {history.responses.map((r) => (
              <Typography key={`r${r.id}`} variant="body2" dir="auto" sx={{ mb: 0.5 }}>
                ↩ {r.text} <Typography component="span" variant="caption" color="text.secondary">— {r.by}, {r.platform}, {formatTime(r.at, language)}</Typography>
                <Typography component="span" variant="caption" color={r.wording?.edited ? 'warning.main' : 'text.secondary'} sx={{ display: 'block' }} data-testid="reply-wording-used">
                  {r.wording ? t(r.wording.edited ? 'triage.editedWording' : 'triage.fromWording', { title: isolate(r.wording.title), version: r.wording.version }) : t('triage.ownWording')}
                </Typography>
              </Typography>
            ))}
            {history.events.map((e, i) => (
              <Typography key={`e${i}`} variant="caption" color="text.secondary" component="div">
                {formatTime(e.at, language)} · {e.by}: {t(`triage.state.${e.fromState}`)} → {t(`triage.state.${e.toState}`)}
                {e.assignee && ` (${e.assignee})`}
                {e.note && ` — ${e.note}`}
              </Typography>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
