import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StatementState } from '../../../shared/statements';

const COLORS: Record<StatementState, 'default' | 'info' | 'warning' | 'success' | 'error' | 'primary'> = {
  draft: 'default', in_review: 'info', changes_requested: 'warning', approved: 'success', published: 'primary', withdrawn: 'default', rejected: 'error',
};

export function StateChip({ state }: { state: StatementState }) {
  const { t } = useTranslation();
  return <Chip size="small" color={COLORS[state]} label={t(`statements.state.${state}`)} data-testid="statement-state" data-state={state} />;
}
