import { useTranslation } from 'react-i18next';
import type { AttentionKind } from '../../../shared/attention';
import type { IncidentTab } from '../../store/route-slice';

/** Where each thing is worked: a notification's click and the list's chip lead there. */
export const TAB_OF: Record<AttentionKind, IncidentTab> = {
  alerts: 'dashboard',
  updateLate: 'overview',
  sitrepLate: 'overview',
  triageLate: 'triage',
  pressLate: 'press',
  pressSoon: 'press',
  stakeholdersLate: 'stakeholders',
  stakeholdersSoon: 'stakeholders',
  claimsSpreading: 'claims',
  channelsLost: 'channels',
  impostorsUnreported: 'channels',
  tasksLate: 'plan',
  approvals: 'statements',
};

/** One line per kind, worded as the incident's header says it ("Press: 2 past deadline"). */
export function useAttentionText(): (kind: AttentionKind, count: number) => string {
  const { t } = useTranslation();
  return (kind, count) => {
    switch (kind) {
      case 'alerts':
        return t('attention.alerts', { count });
      case 'updateLate':
        return t('attention.updateLate');
      case 'sitrepLate':
        return t('attention.sitrepLate');
      case 'triageLate':
        return t('attention.triageLate', { count });
      case 'pressLate':
        return t('press.overdueCount', { count });
      case 'pressSoon':
        return t('press.dueSoonCount', { count });
      case 'stakeholdersLate':
        return t('stakeholders.overdueCount', { count });
      case 'stakeholdersSoon':
        return t('stakeholders.dueSoonCount', { count });
      case 'claimsSpreading':
        return t('claims.spreadingCount', { count });
      case 'channelsLost':
        return t('channels.lostCount', { count });
      case 'impostorsUnreported':
        return t('channels.unreportedCount', { count });
      case 'tasksLate':
        return t('plan.overdueCount', { count });
      case 'approvals':
        return t('statements.waitingForMe', { count });
    }
  };
}
