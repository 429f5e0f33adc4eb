import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for the text an action needs (a reason, a comment, a channel), optionally with a choice; nothing happens on cancel. */
export function ReasonDialog(props: {
  title: string;
  label: string;
  confirm: string;
  choices?: { label: string; options: { value: string; label: string }[] };
  required?: boolean;
  /** More fields shown under the text (e.g. a suggestion's passage and replacement). */
  extra?: ReactNode;
  onSubmit(text: string, choice: string): Promise<unknown>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [choice, setChoice] = useState(props.choices?.options[0]?.value ?? '');
  const required = props.required ?? true;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {props.choices && (
            <TextField size="small" select label={props.choices.label} value={choice} onChange={(e) => setChoice(e.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'reason-choice' } as object } }}>
              {props.choices.options.map((o) => (
                <MenuItem key={o.value} value={o.value} data-testid={`reason-choice-${o.value}`}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField size="small" autoFocus multiline minRows={2} label={props.label} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'reason-text' } }} />
          {props.extra}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('form.cancel')}</Button>
        <Button variant="contained" disabled={(required && !text.trim()) || (props.choices !== undefined && !choice)} onClick={() => void props.onSubmit(text.trim(), choice).then(props.onClose, () => undefined)} data-testid="reason-confirm">
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
