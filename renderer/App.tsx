import { useEffect } from 'react';
import { subscribe } from './api/client';
import { NoticeBar } from './features/common/NoticeBar';
import { IncidentDetailPage } from './features/incidents/IncidentDetailPage';
import { IncidentListPage } from './features/incidents/IncidentListPage';
import { FirstRunDialog } from './features/onboarding/FirstRunDialog';
import { AppShell } from './features/shell/AppShell';
import { useStore } from './store';
import { ThemeRoot } from './theme';

/** Keeps every window in the room current: another laptop's change arrives as an event. */
function useLiveUpdates() {
  useEffect(
    () =>
      subscribe((event) => {
        const { route, loadIncidents, loadCurrent } = useStore.getState();
        void loadIncidents().catch(() => undefined);
        if (route.name === 'incident' && event.incidentId === route.id) void loadCurrent(route.id).catch(() => undefined);
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
  return (
    <ThemeRoot>
      <AppShell>{route.name === 'incident' ? <IncidentDetailPage id={route.id} /> : <IncidentListPage />}</AppShell>
      {!actor && <FirstRunDialog />}
      <NoticeBar />
    </ThemeRoot>
  );
}
