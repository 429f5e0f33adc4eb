import AddIcon from '@mui/icons-material/Add';
import {
  Box,
  Button,
  Card,
  Chip,
  FormControlLabel,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRISIS_LEVELS, CRISIS_TYPES, INCIDENT_STATUSES, type CrisisLevel, type CrisisType, type IncidentStatus } from '../../../shared/domain';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';
import { useTypedFilter } from '../common/use-typed-filter';
import { IncidentFormDialog } from './IncidentFormDialog';
import { AttentionChip } from '../attention/AttentionChip';
import { StatusChip } from './StatusChip';

function Filters() {
  const { t } = useTranslation();
  const filters = useStore((s) => s.filters);
  const setFilters = useStore((s) => s.setFilters);
  const [search, setSearch] = useTypedFilter(filters.search, (text) => void setFilters({ search: text }), 200);

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
      <TextField
        size="small"
        label={t('incidents.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'incident-search', type: 'search' } }}
      />
      <TextField
        size="small"
        select
        label={t('fields.status')}
        value={filters.status ?? ''}
        onChange={(e) => void setFilters({ status: (e.target.value || undefined) as IncidentStatus | undefined })}
        sx={{ minWidth: 150 }}
      >
        <MenuItem value="">{t('incidents.allStatuses')}</MenuItem>
        {INCIDENT_STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {t(`status.${s}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        select
        label={t('fields.level')}
        value={filters.level ?? ''}
        onChange={(e) => void setFilters({ level: e.target.value === '' ? undefined : (Number(e.target.value) as CrisisLevel) })}
        sx={{ minWidth: 150 }}
      >
        <MenuItem value="">{t('incidents.allLevels')}</MenuItem>
        {CRISIS_LEVELS.map((l) => (
          <MenuItem key={l} value={l}>
            {t(`level.${l}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        select
        label={t('fields.crisisType')}
        value={filters.crisisType ?? ''}
        onChange={(e) => void setFilters({ crisisType: (e.target.value || undefined) as CrisisType | undefined })}
        sx={{ minWidth: 150 }}
      >
        <MenuItem value="">{t('incidents.allTypes')}</MenuItem>
        {CRISIS_TYPES.map((c) => (
          <MenuItem key={c} value={c}>
            {t(`crisisType.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch
            checked={filters.archived ?? false}
            onChange={(e) => void setFilters({ archived: e.target.checked })}
            slotProps={{ input: { 'data-testid': 'show-archived' } as object }}
          />
        }
        label={t('incidents.showArchived')}
      />
    </Stack>
  );
}

export function IncidentListPage() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const incidents = useStore((s) => s.incidents);
  const loaded = useStore((s) => s.incidentsLoaded);
  const loadIncidents = useStore((s) => s.loadIncidents);
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    loadIncidents().catch((err: unknown) => notify('error', errorText(err)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once on entry; events refresh later
  }, []);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h5" component="h1">
          {t('incidents.title')}
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => navigate({ name: 'past' })} data-testid="past-crises-link">
            {t('pastCrises.title')}
          </Button>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="new-incident">
            {t('incidents.new')}
          </Button>
        </Stack>
      </Stack>
      <Filters />
      <Card variant="outlined">
        {loaded && incidents.length === 0 ? (
          <Box sx={{ p: 4, textAlign: 'center' }} data-testid="incidents-empty">
            <Typography variant="h6">{t('incidents.empty')}</Typography>
            <Typography color="text.secondary">{t('incidents.emptyHint')}</Typography>
          </Box>
        ) : (
          <List disablePadding data-testid="incident-list" aria-label={t('incidents.count', { count: incidents.length })}>
            {incidents.map((i) => (
              <ListItem key={i.id} disablePadding>
                <ListItemButton
                  divider
                  component="a"
                  href={`#/incidents/${i.id}`}
                  onClick={() => navigate({ name: 'incident', id: i.id, tab: 'overview' })}
                  data-testid="incident-row"
                >
                  <ListItemText
                    primary={i.title}
                    secondary={[i.organisation, i.level ? t(`level.${i.level}`) : null, `${t('fields.detectedAt')}: ${formatTime(i.detectedAt, language)}`]
                      .filter(Boolean)
                      .join(' · ')}
                    slotProps={{ primary: { sx: { fontWeight: 600 }, dir: 'auto' } }}
                  />
                  <Stack direction="row" spacing={1}>
                    <AttentionChip incidentId={i.id} />
                    {i.crisisType && <Chip size="small" variant="outlined" label={t(`crisisType.${i.crisisType}`)} />}
                    <StatusChip status={i.status} />
                  </Stack>
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
      </Card>
      {creating && (
        <IncidentFormDialog
          incident={null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate({ name: 'incident', id: saved.id, tab: 'overview' });
          }}
        />
      )}
    </Stack>
  );
}
