import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '../../../shared/domain';

const COLORS: Record<IncidentStatus, 'default' | 'error' | 'warning' | 'info' | 'success'> = {
  monitoring: 'info',
  active: 'error',
  contained: 'warning',
  resolved: 'success',
  closed: 'default',
};

export function StatusChip({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLORS[status]} label={t(`status.${status}`)} data-testid="status-chip" />;
}
