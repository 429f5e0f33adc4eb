import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionCounts, attentionTotal, risenKinds, type AttentionCounts, type AttentionKind } from '../../../shared/attention';
import { directionOf } from '../../i18n';
import { useStore } from '../../store';
import type { IncidentTab } from '../../store/route-slice';
import { useAlertText } from '../alerts/AlertBanner';
import { useNow } from '../common/use-now';
import { useNumbers } from '../common/use-numbers';
import { showNotification } from './desktop-notifications';

/** Where a notification's click leads: the tab where that thing is worked. */
const TAB_OF: Record<AttentionKind, IncidentTab> = {
  alerts: 'dashboard',
  updateLate: 'overview',
  sitrepLate: 'overview',
  pressLate: 'press',
  pressSoon: 'press',
  tasksLate: 'plan',
  approvals: 'statements',
};

const APP_TITLE = 'Firebreak';

/**
 * While an incident is open: the window title counts what needs someone now ("(3) Data leak — Firebreak", seen in
 * the taskbar or the browser tab while the laptop shows something else), and, when notifications are on, each new
 * alert, passed deadline or statement waiting for this person's decision is a desktop notification.
 */
export function AttentionWatcher({ incidentId, title }: { incidentId: string; title: string }) {
  const { t } = useTranslation();
  const { number } = useNumbers();
  const alertText = useAlertText();
  const language = useStore((s) => s.language);
  const enabled = useStore((s) => s.notifyDesktop);
  const navigate = useStore((s) => s.navigate);
  const alerts = useStore((s) => s.alerts);
  const updateTimer = useStore((s) => s.updateTimer);
  const sitrepTimer = useStore((s) => s.sitrepTimer);
  const enquiryCounts = useStore((s) => s.enquiryCounts);
  const taskCounts = useStore((s) => s.taskCounts);
  const waitingForMe = useStore((s) => s.waitingForMe);
  const actor = useStore((s) => s.actor);
  const now = useNow(15_000);

  const counts = useMemo(
    () => attentionCounts({ incidentId, alerts, updateTimer, sitrepTimer, enquiryCounts, taskCounts, waitingForMe }, now),
    [incidentId, alerts, updateTimer, sitrepTimer, enquiryCounts, taskCounts, waitingForMe, now],
  );
  const total = attentionTotal(counts);

  useEffect(() => {
    document.title = total ? `(${number(total)}) ${title} — ${APP_TITLE}` : `${title} — ${APP_TITLE}`;
  }, [total, title, number]);
  useEffect(
    () => () => {
      document.title = APP_TITLE;
    },
    [],
  );

  // What was already there when the incident opened is on screen, not news: the store may still hold another
  // incident's figures, so the first counts are taken only once this incident's own have been read.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    setReady(false);
    const s = useStore.getState();
    const loads = [s.loadAlerts(incidentId), s.loadTimers(incidentId), s.loadEnquiryCounts(incidentId), s.loadTaskCounts(incidentId)];
    if (actor) loads.push(s.loadWaitingForMe(incidentId));
    void Promise.allSettled(loads).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [incidentId, actor]);

  const bodyOf = (kind: AttentionKind): string => {
    const count = counts[kind];
    switch (kind) {
      case 'alerts': {
        const newest = alerts.filter((a) => a.incidentId === incidentId && a.acknowledgedAt === null).sort((a, b) => b.raisedAt - a.raisedAt)[0];
        return newest ? alertText(newest) : t('attention.alerts', { count });
      }
      case 'updateLate':
        return t('attention.updateLate');
      case 'sitrepLate':
        return t('attention.sitrepLate');
      case 'pressLate':
        return t('press.overdueCount', { count });
      case 'pressSoon':
        return t('press.dueSoonCount', { count });
      case 'tasksLate':
        return t('plan.overdueCount', { count });
      case 'approvals':
        return t('statements.waitingForMe', { count });
    }
  };

  const before = useRef<AttentionCounts | null>(null);
  useEffect(() => {
    if (!ready) {
      before.current = null;
      return;
    }
    const previous = before.current;
    before.current = counts;
    if (!previous || !enabled) return;
    for (const kind of risenKinds(previous, counts)) {
      showNotification(title, bodyOf(kind), {
        tag: `${incidentId}:${kind}`,
        lang: language,
        dir: directionOf(language),
        onClick: () => navigate({ name: 'incident', id: incidentId, tab: TAB_OF[kind] }),
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the counts is news
  }, [counts, ready]);

  return null;
}
