import { Alert, Box, Button, Card, CardContent, Chip, Divider, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTHOR_PLACEHOLDER, channelsNotOutYet, contentOf, EDITABLE_STATES, REPLY_KINDS, type StatementContent, type StatementDetail } from '../../../shared/statements';
import { ApiCallError, call, saidKey } from '../../api/client';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useNow } from '../common/use-now';
import { ApprovalSteps } from './ApprovalSteps';
import { KeyMessageChips } from './KeyMessageChips';
import { ReasonDialog } from './ReasonDialog';
import { NotToldYet } from '../stakeholders/NotToldYet';
import { StatementEditor } from './StatementEditor';
import { StateChip } from './StateChip';
import { VersionDiff } from './VersionDiff';

type Ask = 'changes' | 'reject' | 'delegate' | 'publish' | 'withdraw' | 'comment' | null;

/** One statement: its text, the actions its state allows, key-message coverage, the approval chain, versions, comments. */
export function StatementDetailPane({ statement: s }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const language = useStore((st) => st.language);
  const act = useStore((st) => st.statementAction);
  const navigate = useStore((st) => st.navigate);
  const notify = useStore((st) => st.notify);
  const errorText = useErrorText();
  // The version the writer started editing from (null: not editing); a save says it, so text saved meanwhile by
  // someone else is not replaced unseen.
  const [editingFrom, setEditingFrom] = useState<number | null>(null);
  const editing = editingFrom !== null;
  const [ask, setAsk] = useState<Ask>(null);
  const now = useNow();
  useEffect(() => setEditingFrom(null), [s.id]);

  const run = (fn: () => Promise<StatementDetail>) => act(s.incidentId, fn).catch((err: unknown) => {
    notify('error', errorText(err));
    throw err;
  });
  const quiet = (p: Promise<void>) => void p.catch(() => undefined);
  const save = (content: StatementContent) =>
    run(() => call('statements.edit', { id: s.id, content, baseVersion: editingFrom ?? s.version })).then(
      () => setEditingFrom(null),
      (err: unknown) => {
        // Told that someone saved meanwhile: the writer's text stays in the editor, and saving again replaces theirs.
        const version = err instanceof ApiCallError ? (err.error.details as { version?: number } | undefined)?.version : undefined;
        if (saidKey(err) === 'editedMeanwhile' && version) setEditingFrom(version);
      },
    );
  const editable = EDITABLE_STATES.includes(s.state);
  const approved = s.state === 'approved' || s.state === 'published';
  const step = s.steps.find((x) => x.waitingSince !== null);
  const crisisType = useStore((st) => (st.current?.id === s.incidentId ? st.current.crisisType : null));
  // A statement that worked becomes a template for the next crisis (of this type, in its first language).
  const saveAsTemplate = () =>
    void call('statements.saveTemplate', { template: { kind: s.kind, crisisType, lang: s.languages[0] ?? 'en', title: s.current.title, body: s.current.body } }).then(
      async () => {
        useStore.setState({ templates: await call('statements.templates', {}) });
        notify('success', t('statements.savedAsTemplate'));
      },
      (err: unknown) => notify('error', errorText(err)),
    );
  const applySuggestion = (quote: string, suggestion: string) =>
    quiet(run(() => call('statements.edit', { id: s.id, content: { ...contentOf(s.current), body: s.current.body.replace(quote, suggestion) } })));

  return (
    <Card variant="outlined" data-testid="statement-detail">
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="h6" component="h2" dir="auto" sx={{ flex: 1, overflowWrap: 'anywhere' }} data-testid="statement-heading">
              {s.title}
            </Typography>
            <StateChip state={s.state} />
            <Chip size="small" variant="outlined" label={`${t(`statements.kind.${s.kind}`)} · ${t('statements.versionTag', { version: s.version })}`} data-testid="statement-version" />
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {[s.languages.join(', '), s.channels.map((c) => t(`statements.channel.${c}`, { defaultValue: c })).join(', ')].filter(Boolean).join(' · ')}
            {approved && ` · SHA-256 ${s.hash.slice(0, 16)}…`}
          </Typography>

          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="statement-actions">
            {(s.state === 'draft' || s.state === 'changes_requested') && (
              <Button variant="contained" onClick={() => quiet(run(() => call('statements.submit', { id: s.id })))} data-testid="statement-submit">
                {t('statements.submit')}
              </Button>
            )}
            {s.state === 'in_review' && (
              <>
                <Button variant="contained" color="success" onClick={() => quiet(run(() => call('statements.decide', { id: s.id, version: s.version, decision: 'approved' })))} data-testid="statement-approve">
                  {t('statements.approve')}
                </Button>
                <Button color="warning" onClick={() => setAsk('changes')} data-testid="statement-request-changes">
                  {t('statements.requestChanges')}
                </Button>
                <Button color="error" onClick={() => setAsk('reject')} data-testid="statement-reject">
                  {t('statements.reject')}
                </Button>
                {step && step.backups.length > 0 && (
                  <Button onClick={() => setAsk('delegate')} data-testid="statement-delegate">
                    {t('statements.delegate')}
                  </Button>
                )}
                <Button onClick={() => quiet(run(() => call('statements.remind', { id: s.id })).then(() => notify('success', t('statements.reminded'))))} data-testid="statement-remind">
                  {t('statements.remind')}
                </Button>
              </>
            )}
            {approved && (
              <Button variant="contained" onClick={() => setAsk('publish')} data-testid="statement-publish">
                {t('statements.publish')}
              </Button>
            )}
            {editable && !editing && (
              <Button onClick={() => setEditingFrom(s.version)} data-testid="statement-edit">
                {t('statements.edit')}
              </Button>
            )}
            <Button onClick={() => navigate({ name: 'print-statement', id: s.id, version: s.version })} data-testid="statement-print">
              {approved ? t('statements.print') : t('statements.printDraft')}
            </Button>
            <Button onClick={saveAsTemplate} data-testid="statement-save-template">
              {t('statements.saveAsTemplate')}
            </Button>
            <Button onClick={() => setAsk('comment')} data-testid="statement-comment">
              {t('statements.comment')}
            </Button>
            {s.state !== 'withdrawn' && s.state !== 'rejected' && (
              <Button color="error" onClick={() => setAsk('withdraw')} data-testid="statement-withdraw">
                {t('statements.withdraw')}
              </Button>
            )}
          </Stack>

          {editing ? (
            <StatementEditor
              initial={contentOf(s.current)}
              warnVoid={s.state === 'in_review' || s.state === 'approved'}
              savedMeanwhile={editingFrom !== null && s.version > editingFrom ? { author: s.current.author, current: s.version } : null}
              onSave={save}
              onCancel={() => setEditingFrom(null)}
            />
          ) : (
            <Typography dir="auto" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', p: 1.5, bgcolor: 'action.hover', borderRadius: 1 }} data-testid="statement-text">
              {s.current.body}
            </Typography>
          )}
          {s.placeholders.length > 0 && <Chip color="warning" label={t('statements.placeholders', { list: s.placeholders.join(' ') })} data-testid="statement-placeholders" />}
          {REPLY_KINDS.includes(s.kind) && s.current.body.includes(AUTHOR_PLACEHOLDER) && (
            <Typography variant="caption" color="text.secondary" data-testid="statement-author-hint">
              {t('statements.authorHint')}
            </Typography>
          )}

          <KeyMessageChips coverage={s.coverage} />

          <Divider />
          <Typography variant="subtitle2">{t('statements.approvals')}</Typography>
          <ApprovalSteps statement={s} now={now} />

          {s.publications.length > 0 && (
            <Box data-testid="publications">
              <Typography variant="subtitle2">{t('statements.publications')}</Typography>
              {s.publications.map((p) => (
                <Typography key={p.id} variant="body2">
                  {formatTime(p.publishedAt, language)} · {t(`statements.channel.${p.channel}`, { defaultValue: p.channel })} · {t('statements.versionTag', { version: p.version })} · {p.by}
                  {p.location && ` · ${p.location}`}
                </Typography>
              ))}
            </Box>
          )}

          {channelsNotOutYet(s).length > 0 && (
            <Alert severity="warning" data-testid="statement-not-out">
              {t('statements.notOutYet', { channels: channelsNotOutYet(s).map((c) => t(`statements.channel.${c}`, { defaultValue: c })).join(', ') })}
            </Alert>
          )}

          {s.comments.length > 0 && (
            <Box data-testid="comments">
              <Typography variant="subtitle2">{t('statements.comments')}</Typography>
              {s.comments.map((c) => (
                <Box key={c.id} sx={{ mb: 1 }}>
                  <Typography variant="caption" color="text.secondary">
                    {c.author} · {t('statements.versionTag', { version: c.version })} · {formatTime(c.createdAt, language)}
                  </Typography>
                  <Typography variant="body2" dir="auto">
                    {c.text}
                  </Typography>
                  {c.suggestion !== null && (
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Typography variant="body2" dir="auto">
                        <del>{c.quote}</del> → <ins>{c.suggestion}</ins>
                      </Typography>
                      {editable && s.current.body.includes(c.quote) && (
                        <Button size="small" onClick={() => applySuggestion(c.quote, c.suggestion!)} data-testid="apply-suggestion">
                          {t('statements.applySuggestion')}
                        </Button>
                      )}
                    </Stack>
                  )}
                </Box>
              ))}
            </Box>
          )}

          {s.versions.length > 1 && (
            <>
              <Divider />
              <VersionDiff key={`${s.id}-${s.version}`} versions={s.versions} />
            </>
          )}
        </Stack>
      </CardContent>
      {ask === 'changes' && (
        <ReasonDialog title={t('statements.requestChanges')} label={t('statements.reason')} confirm={t('statements.requestChanges')} onClose={() => setAsk(null)}
          onSubmit={(reason) => run(() => call('statements.decide', { id: s.id, version: s.version, decision: 'changes_requested', reason }))} />
      )}
      {ask === 'reject' && (
        <ReasonDialog title={t('statements.reject')} label={t('statements.reason')} confirm={t('statements.reject')} onClose={() => setAsk(null)}
          onSubmit={(reason) => run(() => call('statements.decide', { id: s.id, version: s.version, decision: 'rejected', reason }))} />
      )}
      {ask === 'withdraw' && (
        <ReasonDialog title={t('statements.withdraw')} label={t('statements.reason')} confirm={t('statements.withdraw')} onClose={() => setAsk(null)}
          onSubmit={(reason) => run(() => call('statements.withdraw', { id: s.id, reason }))} />
      )}
      {ask === 'delegate' && step && (
        <ReasonDialog title={t('statements.delegate')} label={t('statements.reason')} confirm={t('statements.delegate')} onClose={() => setAsk(null)}
          choices={{ label: t('statements.backup'), options: step.backups.map((b) => ({ value: b, label: b })) }}
          onSubmit={(reason, person) => run(() => call('statements.delegate', { id: s.id, person, reason }))} />
      )}
      {ask === 'publish' && (
        <ReasonDialog title={t('statements.publish')} label={t('statements.where')} confirm={t('statements.publish')} required={false} onClose={() => setAsk(null)}
          extra={<NotToldYet incidentId={s.incidentId} />}
          choices={{ label: t('statements.channels'), options: (s.channels.length ? s.channels : ['website']).map((c) => ({ value: c, label: t(`statements.channel.${c}`, { defaultValue: c }) })) }}
          onSubmit={(location, channel) => run(() => call('statements.publish', { id: s.id, channel, location }))} />
      )}
      {ask === 'comment' && <CommentDialog statement={s} onClose={() => setAsk(null)} run={run} />}
    </Card>
  );
}

/** A comment on the current version, optionally suggesting a replacement for a passage. */
function CommentDialog({ statement: s, onClose, run }: { statement: StatementDetail; onClose(): void; run(fn: () => Promise<StatementDetail>): Promise<void> }) {
  const { t } = useTranslation();
  const [quote, setQuote] = useState('');
  const [suggestion, setSuggestion] = useState('');
  return (
    <ReasonDialog
      title={t('statements.comment')}
      label={t('statements.commentText')}
      confirm={t('statements.comment')}
      onClose={onClose}
      onSubmit={(text) => run(() => call('statements.comment', { id: s.id, text, quote, suggestion: quote && suggestion ? suggestion : null }))}
      extra={
        <Stack spacing={1}>
          <TextField size="small" label={t('statements.quote')} value={quote} onChange={(e) => setQuote(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'comment-quote' } }} />
          <TextField size="small" label={t('statements.suggestion')} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'comment-suggestion' } }} />
        </Stack>
      }
    />
  );
}
