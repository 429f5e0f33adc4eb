import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemButton, ListItemText, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_KINDS, type StatementKind } from '../../../shared/statements';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** A blank draft, or one from the library (the incident's crisis type first), with what the incident knows filled in. */
export function NewStatementDialog({ incidentId, onClose }: { incidentId: string; onClose(): void }) {
  const { t } = useTranslation();
  const templates = useStore((s) => s.templates);
  const crisisType = useStore((s) => (s.current?.id === incidentId ? s.current.crisisType : null));
  const act = useStore((s) => s.statementAction);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [kind, setKind] = useState<StatementKind>('holding');
  const [title, setTitle] = useState('');
  const [lang, setLang] = useState('all');
  const langs = [...new Set(templates.map((tp) => tp.lang))];
  const rank = (c: string | null) => (c === crisisType && c !== null ? 0 : c === null ? 1 : 2);
  const shown = templates.filter((tp) => lang === 'all' || tp.lang === lang).sort((a, b) => rank(a.crisisType) - rank(b.crisisType));
  const done = (p: Promise<void>) => void p.then(onClose, (err: unknown) => notify('error', errorText(err)));
  const blank = () => done(act(incidentId, () => call('statements.create', { incidentId, kind, content: { title, body: '', languages: [], channels: [] } })));
  const fromTemplate = (templateId: string) => done(act(incidentId, () => call('statements.fromTemplate', { incidentId, templateId })));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('statements.new')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Stack direction="row" spacing={1}>
            <TextField size="small" select label={t('statements.kindLabel')} value={kind} onChange={(e) => setKind(e.target.value as StatementKind)} sx={{ minWidth: 200 }}>
              {STATEMENT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`statements.kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" fullWidth label={t('statements.title')} value={title} onChange={(e) => setTitle(e.target.value)} slotProps={{ htmlInput: { dir: 'auto', 'data-testid': 'new-statement-title' } }} />
            <Button variant="contained" disabled={!title.trim()} onClick={blank} data-testid="new-statement-blank">
              {t('statements.blank')}
            </Button>
          </Stack>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField size="small" select label={t('statements.templateLanguage')} value={lang} onChange={(e) => setLang(e.target.value)} sx={{ minWidth: 160 }}>
              <MenuItem value="all">{t('statements.allLanguages')}</MenuItem>
              {langs.map((l) => (
                <MenuItem key={l} value={l}>
                  {l}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <List dense sx={{ maxHeight: 360, overflow: 'auto' }} data-testid="template-list">
            {shown.map((tp) => (
              <ListItem key={tp.id} disablePadding>
                <ListItemButton onClick={() => fromTemplate(tp.id)} data-testid={`template-${tp.id}`}>
                  <ListItemText
                    primary={<span dir="auto">{tp.title}</span>}
                    secondary={[t(`statements.kind.${tp.kind}`), tp.lang, tp.crisisType ? t(`crisisType.${tp.crisisType}`) : t('statements.anyCrisis'), tp.crisisType === crisisType && crisisType ? t('plan.suggested') : '']
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('form.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
