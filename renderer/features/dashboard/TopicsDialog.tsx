import DeleteIcon from '@mui/icons-material/Delete';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOPIC_KINDS, type TopicKind } from '../../../shared/analytics';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** Brand, competitors and topics for share of voice: a name and comma-separated words or hashtags. */
export function TopicsDialog({ incidentId, onClose }: { incidentId: string; onClose(): void }) {
  const { t } = useTranslation();
  const topics = useStore((s) => s.topics);
  const saveTopic = useStore((s) => s.saveTopic);
  const removeTopic = useStore((s) => s.removeTopic);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TopicKind>('competitor');
  const [terms, setTerms] = useState('');
  const run = (p: Promise<unknown>) => p.catch((err: unknown) => notify('error', errorText(err)));
  const add = () =>
    run(
      saveTopic(incidentId, { name: name.trim(), kind, terms: terms.split(',').map((s) => s.trim()).filter(Boolean) }).then(() => {
        setName('');
        setTerms('');
      }),
    );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('topics.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={1}>
          {topics.map((topic) => (
            <Stack key={topic.id} direction="row" sx={{ alignItems: 'center' }} data-testid="topic-row">
              <Typography sx={{ flex: 1 }} dir="auto">
                <b>{topic.name}</b> · {t(`topics.kind.${topic.kind}`)} · {topic.terms.join(', ')}
              </Typography>
              <IconButton aria-label={t('topics.remove')} onClick={() => void run(removeTopic(incidentId, topic.id))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
          ))}
          <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
            <TextField size="small" label={t('topics.name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'topic-name', dir: 'auto' } }} />
            <TextField size="small" select label={t('topics.kindLabel')} value={kind} onChange={(e) => setKind(e.target.value as TopicKind)} sx={{ minWidth: 130 }}>
              {TOPIC_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`topics.kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField size="small" label={t('topics.terms')} helperText={t('topics.termsHint')} value={terms} onChange={(e) => setTerms(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'topic-terms', dir: 'auto' } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={!name.trim() || !terms.trim()} onClick={() => void add()} data-testid="topic-add">
          {t('topics.add')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
