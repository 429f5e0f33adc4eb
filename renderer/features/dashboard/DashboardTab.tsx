import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { AlertSettingsDialog } from '../alerts/AlertSettingsDialog';
import { useErrorText } from '../common/use-error-text';
import { ExplorerFilters } from '../mentions/ExplorerFilters';
import { AuthorsAndTerms } from './AuthorsAndTerms';
import { BreakdownChart } from './BreakdownChart';
import { CopiesCard } from './CopiesCard';
import './chart-setup';
import { SentimentPanel } from './SentimentPanel';
import { TimelineCard } from '../timeline/TimelineCard';
import { TopicsDialog } from './TopicsDialog';
import { VolumeCharts } from './VolumeChart';

/** Every chart follows the explorer's filter; every bar and point opens the mentions behind it. The team's timeline
 * sits beside the volume chart: what it did against what the public did. */
export function DashboardTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const data = useStore((s) => s.dashboardData);
  const filter = useStore((s) => s.filter);
  const loadDashboard = useStore((s) => s.loadDashboard);
  const showMentions = useStore((s) => s.showMentions);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<'topics' | 'alerts' | null>(null);

  useEffect(() => {
    loadDashboard(incidentId).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the incident or the filter changes
  }, [incidentId, filter]);

  const d = data?.dashboard;
  return (
    <Stack spacing={2} data-testid="dashboard">
      <ExplorerFilters />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} data-testid="dashboard-total">
          {d ? t('dashboard.total', { count: d.total }) : ''}
        </Typography>
        <Button size="small" onClick={() => setDialog('topics')} data-testid="open-topics">
          {t('topics.title')}
        </Button>
        <Button size="small" onClick={() => setDialog('alerts')} data-testid="open-alert-settings">
          {t('alerts.settings')}
        </Button>
      </Stack>
      {data && d && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
          <VolumeCharts incidentId={incidentId} dashboard={d} besideVolume={<TimelineCard incidentId={incidentId} compact />} />
          <BreakdownChart
            title={t('dashboard.platforms')}
            name="platforms"
            rows={d.platforms.map((p) => ({ ...p, label: p.value }))}
            onPick={(i, s) => void showMentions(incidentId, { ...filter, platforms: [d.platforms[i].value], sentiment: [s] })}
          />
          <BreakdownChart
            title={t('dashboard.languages')}
            name="languages"
            rows={d.langs.map((l) => ({ ...l, label: l.value || '—' }))}
            onPick={(i, s) => void showMentions(incidentId, { ...filter, langs: [d.langs[i].value], sentiment: [s] })}
          />
          <BreakdownChart
            title={t('dashboard.shareOfVoice')}
            name="share-of-voice"
            note={data.shareOfVoice.topics.length ? t('dashboard.tone') : t('dashboard.noTopics')}
            rows={data.shareOfVoice.topics.map((x) => ({ ...x, label: `${x.name} (${x.total ? Math.round((100 * (x.positive - x.negative)) / x.total) : 0})` }))}
            onPick={(i, s) => {
              const topic = data.shareOfVoice.topics[i];
              const words = useStore.getState().topics.find((tp) => tp.id === topic.id)?.terms ?? [];
              void showMentions(incidentId, { ...filter, anyOf: words, sentiment: [s] });
            }}
          />
          <AuthorsAndTerms incidentId={incidentId} authors={data.topAuthors} terms={data.topTerms} />
          <CopiesCard incidentId={incidentId} copies={data.copies} />
        </Box>
      )}
      <SentimentPanel />
      {dialog === 'topics' && <TopicsDialog incidentId={incidentId} onClose={() => setDialog(null)} />}
      {dialog === 'alerts' && <AlertSettingsDialog incidentId={incidentId} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
