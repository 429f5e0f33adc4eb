import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnChannel, PostingState } from '../../../shared/own-channels';
import { isolate } from '../../bidi';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { AccountTitle } from './AccountTitle';
import { ChannelDialog } from './ChannelDialog';
import { ImpostorsSection } from './ImpostorsSection';

/** A channel's posting state on a chip: taken over is the emergency, held posts a deliberate caution. */
const POSTING_COLOR = { as_usual: 'default', paused: 'warning', compromised: 'error' } as const;

/** The moves a card offers, by the state it is in: holding or resuming in one click; a takeover opens the channel to say what happened. */
const MOVES: Record<PostingState, { to: PostingState; label: string }[]> = {
  as_usual: [{ to: 'paused', label: 'channels.pause' }, { to: 'compromised', label: 'channels.compromised' }],
  paused: [{ to: 'as_usual', label: 'channels.resume' }, { to: 'compromised', label: 'channels.compromised' }],
  // Back in our hands, its posts stay held until the room has checked what was posted meanwhile.
  compromised: [{ to: 'paused', label: 'channels.recovered' }],
};

/**
 * The brand's own channels, those taken over first, then those holding their posts: who holds each one's keys, what
 * was published on it and what approved statement it still lacks.
 */
export function ChannelsTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const channels = useStore((s) => s.channels);
  const counts = useStore((s) => s.channelCounts);
  const load = useStore((s) => s.loadChannels);
  const loadTeam = useStore((s) => s.loadTeam);
  const addKnown = useStore((s) => s.addKnownChannels);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<{ channel?: OwnChannel; posting?: PostingState } | null>(null);

  useEffect(() => {
    void Promise.all([load(incidentId), loadTeam(incidentId)]).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident changes
  }, [incidentId]);

  const addUsual = () =>
    void addKnown(incidentId).then(
      (added) => notify('success', added.length ? t('channels.addedKnown', { count: added.length }) : t('channels.noneKnown')),
      (err: unknown) => notify('error', errorText(err)),
    );

  return (
    <Stack spacing={2} data-testid="channels-tab">
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="h6" component="h2" sx={{ flex: 1, minWidth: 240 }}>
              {t('channels.title')}
            </Typography>
            <Button onClick={addUsual} data-testid="channels-add-known">
              {t('channels.addKnown')}
            </Button>
            <Button variant="contained" onClick={() => setDialog({})} data-testid="channel-new">
              {t('channels.add')}
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {t('channels.intro')}
          </Typography>
          {counts && counts.total > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="channels-summary">
              {t('channels.summary', { ...counts })}
            </Typography>
          )}
          {channels.length === 0 && <Typography color="text.secondary" sx={{ py: 2 }}>{t('channels.empty')}</Typography>}
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' }}>
        {channels.map((c) => (
          <ChannelCard key={c.id} incidentId={incidentId} channel={c} onOpen={(posting) => setDialog({ channel: c, posting })} />
        ))}
      </Box>
      <ImpostorsSection incidentId={incidentId} />
      {dialog && <ChannelDialog incidentId={incidentId} channel={dialog.channel} posting={dialog.posting} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** `onOpen` opens the dialog, with a posting state chosen already: a takeover is logged with what happened and when. */
function ChannelCard({ incidentId, channel: c, onOpen }: { incidentId: string; channel: OwnChannel; onOpen(posting?: PostingState): void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const update = useStore((s) => s.updateChannel);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const move = (to: PostingState) => void update(incidentId, c.id, { posting: to }).catch((err: unknown) => notify('error', errorText(err)));
  return (
    <Card variant="outlined" data-testid="channel-card" data-posting={c.posting} data-platform={c.platform} sx={{ borderColor: c.posting === 'compromised' ? 'error.main' : undefined }}>
      <CardContent>
        <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5, mb: 1, alignItems: 'center' }}>
          <Chip size="small" variant="outlined" label={t(`statements.channel.${c.platform}`)} />
          <Chip size="small" color={POSTING_COLOR[c.posting]} label={t(`channels.posting.${c.posting}`)} data-testid="channel-posting" />
          <Typography variant="caption" color="text.secondary">
            {t('channels.sinceAt', { at: formatTime(c.postingSince, language) })}
          </Typography>
        </Stack>
        <AccountTitle name={c.name} url={c.url} testId="channel-name" />
        <Typography variant="caption" color={c.keeperPersonName ? 'text.secondary' : 'error'} sx={{ display: 'block' }}>
          {t('channels.keeper')}: {c.keeperPersonName ? isolate(c.keeperPersonName) : t('channels.nobody')}
        </Typography>
        {c.note && (
          <Typography variant="body2" dir="auto" sx={{ mt: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="channel-note">
            {c.note}
          </Typography>
        )}
        {c.posting === 'compromised' && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="channel-lost-steps">
            {t('channels.lostSteps')}
          </Alert>
        )}
        {c.waiting.length > 0 && (
          <Alert severity="warning" sx={{ mt: 1 }} data-testid="channel-waiting">
            {t('channels.waiting')}:{' '}
            {c.waiting.map((w) => `${isolate(w.title)} (${t('statements.versionTag', { version: w.version })})`).join(', ')}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('channels.published')}:
        </Typography>
        {c.published.length ? (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="channel-published">
            {c.published.map((p) => (
              <Typography component="li" variant="body2" key={p.statementId}>
                <span dir="auto">{p.title}</span> ({t('statements.versionTag', { version: p.version })}) · {formatTime(p.publishedAt, language)}
              </Typography>
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">{t('channels.nothingPublished')}</Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
          {MOVES[c.posting].map((m) => (
            <Button key={m.to} size="small" variant={m.to === 'compromised' ? 'text' : 'outlined'} color={m.to === 'compromised' ? 'error' : 'primary'} onClick={() => (m.to === 'compromised' ? onOpen(m.to) : move(m.to))} data-testid={`channel-move-${m.to}`}>
              {t(m.label)}
            </Button>
          ))}
          <Button size="small" onClick={() => onOpen()} data-testid="channel-edit">
            {t('form.edit')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
