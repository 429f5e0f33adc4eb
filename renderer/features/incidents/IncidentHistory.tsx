import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TIME_FIELDS, type IncidentChange } from '../../../shared/domain';
import { formatTime } from '../../format';
import { useStore } from '../../store';

/** Values are stored as text; times and enums are shown the way the user reads them elsewhere. */
function useShowValue() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (field: string, value: string | null): string => {
    if (value === null || value === '') return t('fields.none');
    if ((INCIDENT_TIME_FIELDS as readonly string[]).includes(field)) return formatTime(Number(value), language);
    if (field === 'status') return t(`status.${value}`);
    if (field === 'level') return t(`level.${value}`);
    if (field === 'crisisType') return t(`crisisType.${value}`);
    if (field === 'phase') return t(`phase.${value}`);
    if (field === 'sitrepEveryMinutes') return t(`sitrep.every.${value}`);
    if (field === 'archived') return value === 'true' ? t('fields.archived') : t('fields.none');
    return value;
  };
}

export function IncidentHistory({ changes }: { changes: IncidentChange[] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const show = useShowValue();
  if (changes.length === 0) return <Typography color="text.secondary">{t('history.empty')}</Typography>;
  return (
    <List dense data-testid="incident-history">
      {[...changes].reverse().map((c) => (
        <ListItem key={c.id} divider data-testid="history-entry" data-field={c.field}>
          <ListItemText
            primary={
              c.field === 'created'
                ? `${c.changedBy} ${t('history.created')}`
                : `${c.changedBy} ${t('history.changed', { field: t(`fields.${c.field}`, { defaultValue: c.field }) })}: ` +
                  `${t('history.from')} ${show(c.field, c.oldValue)} ${t('history.to')} ${show(c.field, c.newValue)}`
            }
            secondary={[formatTime(c.changedAt, language), c.reason ? `${t('history.reason')}: ${c.reason}` : null]
              .filter(Boolean)
              .join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
