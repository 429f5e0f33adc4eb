import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SummarizeIcon from '@mui/icons-material/Summarize';
import EditIcon from '@mui/icons-material/Edit';
import EditCalendarIcon from '@mui/icons-material/EditCalendar';
import { Box, Button, Card, CardContent, Grid, IconButton, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TIME_FIELDS, STATUS_TRANSITIONS, type Incident, type IncidentChange, type IncidentStatus, type IncidentTimeField } from '../../../shared/domain';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { INCIDENT_TABS, type IncidentTab } from '../../store/route-slice';
import { AlertBanner } from '../alerts/AlertBanner';
import { TimeCorrectionDialog } from '../common/TimeCorrectionDialog';
import { DashboardTab } from '../dashboard/DashboardTab';
import { ImportsTab } from '../import/ImportsTab';
import { PlanTab } from '../plan/PlanTab';
import { EnquiryCountsChip } from '../press/EnquiryCountsChip';
import { PressTab } from '../press/PressTab';
import { StakeholderCountsChip } from '../stakeholders/StakeholderCountsChip';
import { StakeholdersTab } from '../stakeholders/StakeholdersTab';
import { ClaimsTab } from '../claims/ClaimsTab';
import { ClaimCountsChip } from '../claims/ClaimCountsChip';
import { ChannelsTab } from '../channels/ChannelsTab';
import { ChannelAlarmChips } from '../channels/ChannelAlarmChips';
import { ReviewTab } from '../review/ReviewTab';
import { StatementsTab } from '../statements/StatementsTab';
import { WaitingForMeChip } from '../statements/WaitingForMeChip';
import { TaskCountsChip } from '../plan/TaskCountsChip';
import { TeamTab } from '../team/TeamTab';
import { TriageCountsBar } from '../triage/TriageCounts';
import { TriageTab } from '../triage/TriageTab';
import { TimelineCard } from '../timeline/TimelineCard';
import { UpdateTimerChips } from '../timeline/UpdateTimerChips';
import { MentionExplorer } from '../mentions/MentionExplorer';
import { useErrorText } from '../common/use-error-text';
import { IncidentFormDialog } from './IncidentFormDialog';
import { IncidentHistory } from './IncidentHistory';
import { StatusChip } from './StatusChip';

function StatusActions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const setStatus = useStore((s) => s.setStatus);
  const setArchived = useStore((s) => s.setArchived);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const run = (action: () => Promise<void>) => action().catch((err: unknown) => notify('error', errorText(err)));
  const label = (to: IncidentStatus) => (incident.status === 'closed' && to === 'active' ? t('statusAction.reopen') : t(`statusAction.${to}`));

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      {STATUS_TRANSITIONS[incident.status].map((to) => (
        <Button key={to} variant="outlined" size="small" onClick={() => run(() => setStatus(incident.id, to))} data-testid={`status-action-${to}`}>
          {label(to)}
        </Button>
      ))}
      {incident.status === 'closed' && (
        <Button size="small" onClick={() => run(() => setArchived(incident.id, !incident.archived))} data-testid="archive-toggle">
          {incident.archived ? t('statusAction.unarchive') : t('statusAction.archive')}
        </Button>
      )}
    </Stack>
  );
}

/** `user` values are typed by people in any script: their own direction, not the page's. */
function Field({ label, value, testId, user }: { label: string; value: string; testId?: string; user?: boolean }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography data-testid={testId} dir={user ? 'auto' : undefined} sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Typography>
    </Box>
  );
}

export function IncidentDetailPage({ id, tab }: { id: string; tab: IncidentTab }) {
  const { t } = useTranslation();
  const current = useStore((s) => s.current);
  const history = useStore((s) => s.currentHistory);
  const loadCurrent = useStore((s) => s.loadCurrent);
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [correcting, setCorrecting] = useState<IncidentTimeField | null>(null);
  const setTime = useStore((s) => s.setTime);

  useEffect(() => {
    loadCurrent(id).catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the incident changes
  }, [id]);

  const incident = current?.id === id ? current : null;
  if (!incident) return null;

  return (
    // The header stays compact (two rows, then the alerts): on a 1366 x 768 laptop the tab's own work must show
    // without scrolling — the triage queue is read from the keyboard for hours.
    <Stack spacing={1.5} data-testid="incident-detail">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {/* The arrow stays beside the title when a long title wraps (on a phone, the room's QR code). */}
        <Stack direction="row" sx={{ alignItems: 'center', minWidth: 0 }}>
          <Tooltip title={t('app.back')}>
            <IconButton href="#/" onClick={() => navigate({ name: 'incidents' })} aria-label={t('app.back')} data-testid="back-to-incidents" sx={{ ml: -1, mr: 0.5 }}>
              <ArrowBackIcon sx={{ transform: (th) => (th.direction === 'rtl' ? 'scaleX(-1)' : 'none') }} />
            </IconButton>
          </Tooltip>
          <Typography variant="h5" component="h1" data-testid="incident-title" dir="auto" sx={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {incident.title}
          </Typography>
        </Stack>
        <StatusChip status={incident.status} />
        <UpdateTimerChips incidentId={id} />
        <Button size="small" variant="outlined" startIcon={<SummarizeIcon />} onClick={() => navigate({ name: 'print-sitrep', id })} data-testid="open-sitrep">
          {t('sitrep.open')}
        </Button>
        <Tooltip title={t('form.edit')}>
          <IconButton onClick={() => setEditing(true)} aria-label={t('form.edit')} data-testid="edit-incident">
            <EditIcon />
          </IconButton>
        </Tooltip>
      </Stack>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <TriageCountsBar incidentId={id} />
        <TaskCountsChip incidentId={id} />
        <EnquiryCountsChip incidentId={id} />
        <StakeholderCountsChip incidentId={id} />
        <ClaimCountsChip incidentId={id} />
        <ChannelAlarmChips incidentId={id} />
        <WaitingForMeChip incidentId={id} />
        <Box sx={{ flexGrow: 1 }} />
        <StatusActions incident={incident} />
      </Stack>
      <AlertBanner key={id} incidentId={id} />
      {/* Twelve tabs outgrow a laptop's width in Greek or Russian: they scroll, with arrows where they do not fit. */}
      <Tabs value={tab} onChange={(_e, next: IncidentTab) => navigate({ name: 'incident', id, tab: next })} aria-label={incident.title} variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
        {INCIDENT_TABS.map((name) => (
          <Tab key={name} value={name} label={t(`tabs.${name}`)} data-testid={`tab-${name}`} />
        ))}
      </Tabs>
      {tab === 'dashboard' && <DashboardTab incidentId={id} />}
      {tab === 'team' && <TeamTab incidentId={id} />}
      {tab === 'triage' && <TriageTab incidentId={id} />}
      {tab === 'plan' && <PlanTab incidentId={id} />}
      {tab === 'statements' && <StatementsTab incidentId={id} />}
      {tab === 'press' && <PressTab incidentId={id} />}
      {tab === 'stakeholders' && <StakeholdersTab incidentId={id} />}
      {tab === 'claims' && <ClaimsTab incidentId={id} />}
      {tab === 'channels' && <ChannelsTab incidentId={id} />}
      {tab === 'mentions' && <MentionExplorer incidentId={id} />}
      {tab === 'imports' && <ImportsTab incidentId={id} />}
      {tab === 'review' && <ReviewTab incidentId={id} />}
      {tab === 'overview' && <IncidentOverview incident={incident} history={history} onCorrect={setCorrecting} />}
      {editing && <IncidentFormDialog incident={incident} onClose={() => setEditing(false)} />}
      {correcting && (
        <TimeCorrectionDialog
          title={t('time.correctTitle', { field: t(`fields.${correcting}`) })}
          initial={incident[correcting]}
          allowClear
          onSave={(value, reason) => setTime(incident.id, correcting, value, reason)}
          onClose={() => setCorrecting(null)}
        />
      )}
    </Stack>
  );
}

/** The incident's fields, its times (each correctable) and its change history. */
function IncidentOverview({ incident, history, onCorrect: setCorrecting }: { incident: Incident; history: IncidentChange[]; onCorrect: (f: IncidentTimeField) => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (
    <>
      <Card variant="outlined">
        <CardContent>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Field label={t('fields.organisation')} value={incident.organisation || t('fields.none')} testId="incident-organisation" user />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Field label={t('fields.level')} value={incident.level ? t(`level.${incident.level}`) : t('level.none')} testId="incident-level" />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Field label={t('fields.crisisType')} value={incident.crisisType ? t(`crisisType.${incident.crisisType}`) : t('crisisType.none')} />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Field label={t('fields.phase')} value={t(`phase.${incident.phase}`)} testId="incident-phase" />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Field label={t('fields.owner')} value={incident.owner || t('fields.none')} user />
            </Grid>
            <Grid size={{ xs: 12, sm: 6, md: 4 }}>
              <Field label={t('fields.archived')} value={incident.archived ? '✓' : t('fields.none')} />
            </Grid>
            {INCIDENT_TIME_FIELDS.map((f) => (
              <Grid key={f} size={{ xs: 12, sm: 6, md: 3 }}>
                <Stack direction="row" sx={{ alignItems: 'center' }}>
                  <Field label={t(`fields.${f}`)} value={formatTime(incident[f], language)} testId={`incident-${f}`} />
                  <Tooltip title={t('time.correct')}>
                    <IconButton size="small" onClick={() => setCorrecting(f)} aria-label={`${t('time.correct')}: ${t(`fields.${f}`)}`} data-testid={`correct-${f}`}>
                      <EditCalendarIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Stack>
              </Grid>
            ))}
            <Grid size={12}>
              <Field label={t('fields.description')} value={incident.description || t('fields.none')} user />
            </Grid>
          </Grid>
        </CardContent>
      </Card>
      <TimelineCard incidentId={incident.id} />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2">
            {t('history.title')}
          </Typography>
          <IncidentHistory changes={history} />
        </CardContent>
      </Card>
    </>
  );
}
