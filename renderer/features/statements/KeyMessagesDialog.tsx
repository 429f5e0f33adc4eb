import CloseIcon from '@mui/icons-material/Close';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** The few points every statement must carry; one wording per line (one per language, say). */
export function KeyMessagesDialog({ incidentId, onClose }: { incidentId: string; onClose(): void }) {
  const { t } = useTranslation();
  const messages = useStore((s) => s.keyMessages);
  const add = useStore((s) => s.addKeyMessage);
  const retire = useStore((s) => s.retireKeyMessage);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const fail = (err: unknown) => notify('error', errorText(err));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('statements.keyMessages')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary">
          {t('statements.keyMessagesHint')}
        </Typography>
        <List dense data-testid="key-message-list">
          {messages.map((m) => (
            <ListItem key={m.id} secondaryAction={
              <IconButton edge="end" aria-label={t('statements.retire')} onClick={() => void retire(incidentId, m.id).catch(fail)}>
                <CloseIcon fontSize="small" />
              </IconButton>
            }>
              <ListItemText primary={<span dir="auto" style={{ whiteSpace: 'pre-wrap' }}>{m.text}</span>} secondary={m.createdBy} />
            </ListItem>
          ))}
        </List>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField size="small" fullWidth multiline label={t('statements.newKeyMessage')} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'key-message-text' } }} />
          <Button variant="contained" disabled={!text.trim()} onClick={() => void add(incidentId, text.trim()).then(() => setText(''), fail)} data-testid="key-message-add">
            {t('timeline.add')}
          </Button>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('team.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
