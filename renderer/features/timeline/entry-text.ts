import { useTranslation } from 'react-i18next';
import type { Alert, TimelineEntry } from '../../../shared/analytics';
import { useAlertText } from '../alerts/AlertBanner';
import { usePlanText } from '../plan/plan-text';
import { useSystemLineText } from './system-line-text';

/** A system entry's line in the reader's language; null for people's entries, which are shown as written. */
export function useEntryText(): (e: TimelineEntry, alerts: Alert[]) => string | null {
  const { t } = useTranslation();
  const alertText = useAlertText();
  const planText = usePlanText();
  const lineText = useSystemLineText();
  return (e, alerts) => {
    if (e.ref?.line) return lineText(e.ref.line);
    if (e.kind === 'task.done' && e.ref?.seedKey) return planText.task({ title: e.text, seedKey: e.ref.seedKey });
    const alert = e.ref?.alertId ? alerts.find((a) => a.id === e.ref?.alertId) : undefined;
    if (alert) return alertText(alert);
    if (e.kind.startsWith('incident.') && e.ref?.field) {
      const value = (v: string | null | undefined) => (v ? t(`${e.ref!.field}.${v}`, { defaultValue: v }) : t('fields.none'));
      return t('timeline.changed', { field: t(`fields.${e.ref.field}`), from: value(e.ref.from), to: value(e.ref.to) });
    }
    return null;
  };
}

