import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { impostorAuthor, type Impostor } from '../../../shared/own-channels';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { AccountTitle } from './AccountTitle';
import { ImpostorDialog } from './ImpostorDialog';

const STATUS_COLOR = { spotted: 'error', reported: 'warning', removed: 'success' } as const;

/** Accounts posing as the brand, those not reported yet first: each reported to its platform and, in the end, taken down. */
export function ImpostorsSection({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const impostors = useStore((s) => s.impostors);
  const [dialog, setDialog] = useState<{ impostor?: Impostor } | null>(null);
  return (
    <Card variant="outlined" data-testid="impostors">
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flex: 1, minWidth: 240 }}>
            {t('impostors.title')}
          </Typography>
          <Button variant="outlined" color="error" onClick={() => setDialog({})} data-testid="impostor-new">
            {t('impostors.add')}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('impostors.intro')}
        </Typography>
        {impostors.length === 0 && <Typography color="text.secondary" sx={{ pt: 2 }}>{t('impostors.empty')}</Typography>}
        <Box sx={{ display: 'grid', gap: 2, mt: impostors.length ? 2 : 0, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}>
          {impostors.map((i) => (
            <ImpostorCard key={i.id} incidentId={incidentId} impostor={i} onOpen={() => setDialog({ impostor: i })} />
          ))}
        </Box>
      </CardContent>
      {dialog && <ImpostorDialog incidentId={incidentId} impostor={dialog.impostor} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function ImpostorCard({ incidentId, impostor: i, onOpen }: { incidentId: string; impostor: Impostor; onOpen(): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const update = useStore((s) => s.updateImpostor);
  const showMentions = useStore((s) => s.showMentions);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const next = i.status === 'spotted' ? 'reported' : i.status === 'reported' ? 'removed' : null;
  const move = (status: 'reported' | 'removed') => void update(incidentId, i.id, { status }).catch((err: unknown) => notify('error', errorText(err)));
  const when = [
    t('impostors.spottedAt') + ': ' + formatTime(i.spottedAt, language),
    i.reportedAt !== null && `${t('impostors.reportedAt')}: ${formatTime(i.reportedAt, language)}${i.reportRef ? ` (${isolate(i.reportRef)})` : ''}`,
    i.removedAt !== null && `${t('impostors.removedAt')}: ${formatTime(i.removedAt, language)}`,
  ].filter(Boolean);
  return (
    <Card variant="outlined" data-testid="impostor-card" data-status={i.status}>
      <CardContent>
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, mb: 1 }}>
          <Chip size="small" variant="outlined" label={t(`statements.channel.${i.platform}`)} />
          <Chip size="small" color={STATUS_COLOR[i.status]} label={t(`impostors.status.${i.status}`)} data-testid="impostor-status" />
        </Stack>
        <AccountTitle name={i.handle} url={i.url} testId="impostor-handle" />
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }} data-testid="impostor-times">
          {when.join(' · ')}
        </Typography>
        {i.note && (
          <Typography variant="body2" dir="auto" sx={{ mt: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {i.note}
          </Typography>
        )}
        {i.status === 'spotted' && <Alert severity="error" sx={{ mt: 1 }}>{t('impostors.steps')}</Alert>}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
          {next && (
            <Button size="small" variant="outlined" onClick={() => move(next)} data-testid={`impostor-move-${next}`}>
              {t(next === 'reported' ? 'impostors.report' : 'impostors.removed')}
            </Button>
          )}
          <Button size="small" disabled={i.mentions === 0} onClick={() => void showMentions(incidentId, { author: impostorAuthor(i.handle) })} data-testid="impostor-posts">
            {t('impostors.showPosts')}
          </Button>
          <Button size="small" onClick={onOpen} data-testid="impostor-edit">
            {t('form.edit')}
          </Button>
        </Stack>
        <Typography variant="caption" color="text.secondary" data-testid="impostor-mentions">
          {t('impostors.posts', { count: i.mentions })}
        </Typography>
      </CardContent>
    </Card>
  );
}
