import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Button, Card, CardContent, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceChange, Cost, Lesson, Review, ReviewInput } from '../../../shared/review';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { usePlanText } from '../plan/plan-text';
import { useReviewFormat } from './review-text';
import { NumberField } from '../common/NumberField';


/** Rows of a small editable table: add, edit in place, remove. */
function Rows<T>({ title, rows, blank, onChange, render, testId }: { title: string; rows: T[]; blank: T; onChange(rows: T[]): void; render(row: T, set: (row: T) => void): React.ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} data-testid={testId}>
      <Typography variant="subtitle2">{title}</Typography>
      {rows.map((row, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {render(row, (next) => onChange(rows.map((r, j) => (j === i ? next : r))))}
          <IconButton aria-label={t('review.remove')} onClick={() => onChange(rows.filter((_r, j) => j !== i))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rows, blank])} sx={{ alignSelf: 'flex-start' }} data-testid={`${testId}-add`}>
        {t('review.add')}
      </Button>
    </Stack>
  );
}

/** What the team writes: the narrative, audience per account, costs, lessons linked to playbooks. Saved whole. */
export function ReviewForm({ review, onSave }: { review: Review; onSave(input: ReviewInput): Promise<void> }) {
  const { t } = useTranslation();
  const playbooks = useStore((s) => s.playbooks);
  const text = usePlanText();
  const f = useReviewFormat();
  // Only the written fields travel back: the contract refuses anything else (who saved it is the server's to say).
  const [draft, setDraft] = useState<ReviewInput>(() => ({
    summary: review.summary, wentWell: review.wentWell, wentWrong: review.wentWrong, planChanges: review.planChanges,
    audience: review.audience, costs: review.costs, lessons: review.lessons,
  }));
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ReviewInput>(key: K, value: ReviewInput[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const field = (key: 'summary' | 'wentWell' | 'wentWrong' | 'planChanges') => (
    <TextField label={t(`review.${key}`)} value={draft[key]} onChange={(e) => set(key, e.target.value)} multiline minRows={2} fullWidth slotProps={{ htmlInput: { 'data-testid': `review-${key}` } }} />
  );
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h3">{t('review.written')}</Typography>
          {field('summary')}
          {field('wentWell')}
          {field('wentWrong')}
          {field('planChanges')}
          <Rows<AudienceChange>
            title={t('review.audience')} rows={draft.audience} blank={{ platform: '', account: '', before: null, after: null }} onChange={(v) => set('audience', v)} testId="review-audience"
            render={(row, put) => (
              <>
                <TextField size="small" label={t('review.platform')} value={row.platform} onChange={(e) => put({ ...row, platform: e.target.value })} />
                <TextField size="small" label={t('review.account')} value={row.account} onChange={(e) => put({ ...row, account: e.target.value })} />
                <NumberField integer min={0} label={t('review.followersBefore')} value={row.before} onChange={(before) => put({ ...row, before })} testId="audience-before" />
                <NumberField integer min={0} label={t('review.followersAfter')} value={row.after} onChange={(after) => put({ ...row, after })} testId="audience-after" />
                <Typography variant="body2" sx={{ minWidth: 64 }}>{row.before !== null && row.after !== null ? f.signed(row.after - row.before) : ''}</Typography>
              </>
            )}
          />
          <Rows<Cost>
            title={t('review.costs')} rows={draft.costs} blank={{ item: '', amount: 0, currency: 'EUR' }} onChange={(v) => set('costs', v)} testId="review-costs"
            render={(row, put) => (
              <>
                <TextField size="small" label={t('review.item')} value={row.item} onChange={(e) => put({ ...row, item: e.target.value })} />
                <NumberField min={0} empty={0} label={t('review.amount')} value={row.amount} onChange={(amount) => put({ ...row, amount: amount ?? 0 })} testId="cost-amount" />
                <TextField size="small" label={t('review.currency')} value={row.currency} onChange={(e) => put({ ...row, currency: e.target.value.toUpperCase() })} sx={{ width: 100 }} />
              </>
            )}
          />
          <Rows<Lesson>
            title={t('review.lessons')} rows={draft.lessons} blank={{ text: '', playbookId: null }} onChange={(v) => set('lessons', v)} testId="review-lessons"
            render={(row, put) => (
              <>
                <TextField size="small" label={t('review.lessons')} value={row.text} onChange={(e) => put({ ...row, text: e.target.value })} sx={{ flex: 1 }} />
                <TextField select size="small" label={t('review.lessonPlaybook')} value={row.playbookId ?? ''} onChange={(e) => put({ ...row, playbookId: e.target.value || null })} sx={{ minWidth: 220 }}>
                  <MenuItem value="">{t('review.noPlaybook')}</MenuItem>
                  {playbooks.map((p) => <MenuItem key={p.id} value={p.id}>{text.name(p)}</MenuItem>)}
                </TextField>
              </>
            )}
          />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Button
              variant="contained" disabled={saving} data-testid="review-save"
              onClick={() => {
                setSaving(true);
                const clean = { ...draft, costs: draft.costs.filter((c) => c.item.trim()), lessons: draft.lessons.filter((l) => l.text.trim()), audience: draft.audience.filter((a) => a.platform.trim() || a.account.trim()) };
                void onSave(clean).finally(() => setSaving(false));
              }}
            >
              {t('review.save')}
            </Button>
            {review.updatedBy && <Typography variant="body2" color="text.secondary">{t('review.lastSaved', { by: isolate(review.updatedBy), at: f.at(review.updatedAt) })}</Typography>}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
