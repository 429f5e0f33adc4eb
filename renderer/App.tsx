import { useEffect } from 'react';
import { AttentionWatcher } from './features/attention/AttentionWatcher';
import { NoticeBar } from './features/common/NoticeBar';
import { IncidentDetailPage } from './features/incidents/IncidentDetailPage';
import { IncidentListPage } from './features/incidents/IncidentListPage';
import { FirstRunDialog } from './features/onboarding/FirstRunDialog';
import { PrintPackView, PrintStatementView } from './features/print/PrintViews';
import { SitrepView } from './features/sitrep/SitrepView';
import { PrintReviewView } from './features/review/PrintReviewView';
import { PastCrisesPage } from './features/review/PastCrisesPage';
import { AppShell } from './features/shell/AppShell';
import { useLiveUpdates } from './live-updates';
import { useStore } from './store';
import { ThemeRoot } from './theme';

/** A link or the back button changes the hash: the route follows it. */
function useHashRoute() {
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
  useHashRoute();
  if (route.name === 'print-statement' || route.name === 'print-pack' || route.name === 'print-review' || route.name === 'print-sitrep') {
    // Print views stand alone: no app chrome, the page is what is printed. The watcher is the first child in both
    // trees, so it lives on across them (what it last read is what the next reading is compared with).
    return (
      <ThemeRoot paper>
        <AttentionWatcher />
        {route.name === 'print-statement' && <PrintStatementView id={route.id} version={route.version} />}
        {route.name === 'print-pack' && <PrintPackView incidentId={route.id} />}
        {route.name === 'print-review' && <PrintReviewView incidentId={route.id} />}
        {route.name === 'print-sitrep' && <SitrepView incidentId={route.id} />}
        <NoticeBar />
      </ThemeRoot>
    );
  }
  return (
    <ThemeRoot>
      <AttentionWatcher />
      <AppShell>{route.name === 'incident' ? <IncidentDetailPage id={route.id} tab={route.tab} /> : route.name === 'past' ? <PastCrisesPage /> : <IncidentListPage />}</AppShell>
      {!actor && <FirstRunDialog />}
      <NoticeBar />
    </ThemeRoot>
  );
}
