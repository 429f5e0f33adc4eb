import { useEffect } from 'react';
import { subscribe } from './api/client';
import { NoticeBar } from './features/common/NoticeBar';
import { IncidentDetailPage } from './features/incidents/IncidentDetailPage';
import { IncidentListPage } from './features/incidents/IncidentListPage';
import { FirstRunDialog } from './features/onboarding/FirstRunDialog';
import { PrintPackView, PrintStatementView } from './features/print/PrintViews';
import { PrintReviewView } from './features/review/PrintReviewView';
import { PastCrisesPage } from './features/review/PastCrisesPage';
import { AppShell } from './features/shell/AppShell';
import { useStore } from './store';
import { ThemeRoot } from './theme';

/** Keeps every window in the room current: another laptop's change arrives as an event. */
function useLiveUpdates() {
  useEffect(
    () =>
      subscribe((event) => {
        const state = useStore.getState();
        if (event.type === 'sentiment.progress' || event.type === 'sentiment.models') return void state.loadSentimentStatus().catch(() => undefined);
        const current = state.route.name === 'incident' ? state.route.id : null;
        if (event.type === 'team.changed') return current && (event.incidentId ?? current) === current ? void state.loadTeam(current).catch(() => undefined) : undefined;
        const here = state.route.name === 'incident' && state.route.id === event.incidentId;
        const tab = state.route.name === 'incident' ? state.route.tab : null;
        if (event.type === 'triage.changed') {
          if (!here) return;
          if (tab === 'triage') return void state.loadTriage(event.incidentId).catch(() => undefined);
          return void state.loadTriageCounts(event.incidentId).catch(() => undefined);
        }
        if (event.type === 'plan.changed') {
          if (!current || (event.incidentId ?? current) !== current) return;
          return void (tab === 'plan' ? state.loadPlan(current) : state.loadTaskCounts(current)).catch(() => undefined);
        }
        if (event.type === 'statements.changed') {
          if (!current || (event.incidentId ?? current) !== current) return;
          void state.loadWaitingForMe(current).catch(() => undefined);
          return tab === 'statements' ? void state.loadStatements(current).catch(() => undefined) : undefined;
        }
        if (event.type === 'review.changed') return here ? void state.loadReview(event.incidentId).catch(() => undefined) : undefined;
        if (event.type === 'alerts.changed') return here ? void state.loadAlerts(event.incidentId).catch(() => undefined) : undefined;
        if (event.type === 'timeline.changed') return here ? void state.loadTimeline(event.incidentId).catch(() => undefined) : undefined; // and the update timer
        if (event.type === 'import.progress') return state.onImportProgress(event.job);
        if (event.type === 'import.finished') return state.onImportFinished(event.jobId, event.summary);
        if (event.type === 'mentions.changed') {
          if (here && state.explorerIncident === event.incidentId) void state.refreshExplorer().catch(() => undefined);
          if (here) void state.loadBatches(event.incidentId).catch(() => undefined);
          if (here && tab === 'dashboard') void state.loadDashboard(event.incidentId).catch(() => undefined);
          if (here) void state.loadTriageCounts(event.incidentId).catch(() => undefined);
          return;
        }
        void state.loadIncidents().catch(() => undefined);
        if (here) void state.loadCurrent(event.incidentId).catch(() => undefined);
        if (here) void state.loadTimeline(event.incidentId).catch(() => undefined); // status and level changes are on it
      }),
    [],
  );
  useEffect(() => {
    const onHash = () => useStore.getState().syncFromHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}

export function App() {
  const route = useStore((s) => s.route);
  const actor = useStore((s) => s.actor);
  useLiveUpdates();
  if (route.name === 'print-statement' || route.name === 'print-pack' || route.name === 'print-review') {
    // Print views stand alone: no app chrome, the page is what is printed.
    return (
      <ThemeRoot>
        {route.name === 'print-statement' && <PrintStatementView id={route.id} version={route.version} />}
        {route.name === 'print-pack' && <PrintPackView incidentId={route.id} />}
        {route.name === 'print-review' && <PrintReviewView incidentId={route.id} />}
        <NoticeBar />
      </ThemeRoot>
    );
  }
  return (
    <ThemeRoot>
      <AppShell>{route.name === 'incident' ? <IncidentDetailPage id={route.id} tab={route.tab} /> : route.name === 'past' ? <PastCrisesPage /> : <IncidentListPage />}</AppShell>
      {!actor && <FirstRunDialog />}
      <NoticeBar />
    </ThemeRoot>
  );
}
