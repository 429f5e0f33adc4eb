import { useEffect } from 'react';
import type { FirebreakEvent, Restoring } from '../shared/events';
import { subscribe } from './api/client';
import { i18n } from './i18n';
import { useStore, type StoreState } from './store';

const quietly = (p: Promise<unknown>) => void p.catch(() => undefined);

/** Events that say what is in an incident changed (not progress reports or settings elsewhere). */
const CHANGES: ReadonlySet<FirebreakEvent['type']> = new Set([
  'incident.changed', 'mentions.changed', 'alerts.changed', 'timeline.changed', 'team.changed', 'triage.changed',
  'plan.changed', 'statements.changed', 'enquiries.changed', 'stakeholders.changed', 'claims.changed', 'channels.changed',
]);

/** Another laptop's change, arrived as an event: reloads what it touches, if it is on screen here. */
function applyEvent(event: FirebreakEvent): void {
  const state = useStore.getState();
  if (event.type === 'sentiment.progress' || event.type === 'sentiment.models') return quietly(state.loadSentimentStatus());
  if (event.type === 'backup.changed') return state.backup?.canBackUp ? quietly(state.loadBackup()) : undefined;
  if (event.type === 'restore.changed') return restoreChanged(state, event.restoring);
  if (event.type === 'export.progress') return state.onExportProgress(event.progressId, event.done, event.total);
  if (CHANGES.has(event.type) && event.incidentId) state.noteIncidentChange(event.incidentId);
  const current = state.route.name === 'incident' ? state.route.id : null;
  if (event.type === 'team.changed') return current && (event.incidentId ?? current) === current ? quietly(state.loadTeam(current)) : undefined;
  const here = state.route.name === 'incident' && state.route.id === event.incidentId;
  const tab = state.route.name === 'incident' ? state.route.tab : null;
  if (event.type === 'triage.changed') {
    if (!here) return;
    return quietly(tab === 'triage' ? state.loadTriage(event.incidentId) : state.loadTriageCounts(event.incidentId));
  }
  if (event.type === 'plan.changed') {
    if (!current || (event.incidentId ?? current) !== current) return;
    return quietly(tab === 'plan' ? state.loadPlan(current) : state.loadTaskCounts(current));
  }
  if (event.type === 'statements.changed') {
    if (!current || (event.incidentId ?? current) !== current) return;
    quietly(state.loadWaitingForMe(current));
    // The first statement published makes the stakeholders told until then "before the public".
    if (tab === 'stakeholders') quietly(state.loadStakeholders(current));
    // A publication brings a channel up to date with what was approved for it.
    if (tab === 'channels') quietly(state.loadChannels(current));
    return tab === 'statements' ? quietly(state.loadStatements(current)) : undefined;
  }
  if (event.type === 'enquiries.changed') {
    if (!here) return;
    return quietly(tab === 'press' ? state.loadEnquiries(event.incidentId) : state.loadEnquiryCounts(event.incidentId));
  }
  if (event.type === 'stakeholders.changed') {
    if (!here) return;
    return quietly(tab === 'stakeholders' ? state.loadStakeholders(event.incidentId) : state.loadStakeholderCounts(event.incidentId));
  }
  if (event.type === 'claims.changed') {
    if (!here) return;
    return quietly(tab === 'claims' ? state.loadClaims(event.incidentId) : state.loadClaimCounts(event.incidentId));
  }
  if (event.type === 'channels.changed') {
    if (!here) return;
    return quietly(tab === 'channels' ? state.loadChannels(event.incidentId) : state.loadChannelCounts(event.incidentId));
  }
  if (event.type === 'review.changed') return here ? quietly(state.loadReview(event.incidentId)) : undefined;
  if (event.type === 'alerts.changed') return here ? quietly(state.loadAlerts(event.incidentId)) : undefined;
  if (event.type === 'timeline.changed') return here ? quietly(state.loadTimeline(event.incidentId)) : undefined; // and the update timer
  if (event.type === 'import.progress') return state.onImportProgress(event.job);
  if (event.type === 'import.finished') return state.onImportFinished(event.jobId, event.summary);
  if (event.type === 'mentions.changed') {
    if (!here) return;
    if (state.explorerIncident === event.incidentId) quietly(state.refreshExplorer());
    quietly(state.loadBatches(event.incidentId));
    if (tab === 'dashboard') quietly(state.loadDashboard(event.incidentId));
    quietly(tab === 'claims' ? state.loadClaims(event.incidentId) : state.loadClaimCounts(event.incidentId)); // how far each has spread
    return quietly(state.loadTriageCounts(event.incidentId));
  }
  quietly(state.loadIncidents());
  if (here) {
    quietly(state.loadCurrent(event.incidentId));
    quietly(state.loadTimeline(event.incidentId)); // status and level changes are on it
  }
}

/** A restore on the host laptop began or ended: the bar says writes wait; at its end, saving works again. */
function restoreChanged(state: StoreState, restoring: Restoring | null): void {
  const was = state.restoring;
  state.setRestoring(restoring);
  if (restoring || !was) return;
  state.notify('success', i18n.t('connection.restoreOver'));
  quietly(state.loadIncidents()); // a replaced incident's figures, on the list
}

/**
 * Back in touch after the connection dropped: the events sent meanwhile are lost, so everything on screen is read
 * again, as if each kind of change had arrived.
 */
function refreshOnScreen(state: StoreState): void {
  quietly(state.loadIncidents());
  quietly(state.loadSentimentStatus());
  quietly(state.loadRestoring());
  if (state.backup?.canBackUp) quietly(state.loadBackup());
  if (state.actor) quietly(state.loadAttention()); // the window title and the bell
  if (state.route.name === 'print-sitrep') state.noteIncidentChange(state.route.id); // compared, not reloaded
  if (state.route.name !== 'incident') return;
  const { id, tab } = state.route;
  for (const load of [state.loadCurrent, state.loadTimeline, state.loadTeam, state.loadAlerts, state.loadBatches, state.loadWaitingForMe, state.loadTriageCounts, state.loadTaskCounts, state.loadEnquiryCounts, state.loadStakeholderCounts, state.loadClaimCounts, state.loadChannelCounts]) {
    quietly(load(id));
  }
  const forTab = { triage: state.loadTriage, plan: state.loadPlan, statements: state.loadStatements, press: state.loadEnquiries, stakeholders: state.loadStakeholders, claims: state.loadClaims, channels: state.loadChannels, dashboard: state.loadDashboard, review: state.loadReview } as const;
  if (tab in forTab) quietly(forTab[tab as keyof typeof forTab](id));
  if (state.explorerIncident === id) quietly(state.refreshExplorer());
}

/**
 * The bar saying the room is lost waits this long: longer than the browser's first retry (3 s), so a blip the
 * first retry mends does not flash it (what is on screen is still read again).
 */
const SHOW_LOST_AFTER_MS = 5_000;

/** Keeps every window in the room current, and says so when this laptop has lost the room (flaky Wi-Fi). */
export function useLiveUpdates(): void {
  useEffect(() => {
    let down = false;
    let showLost: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe(applyEvent, (connected) => {
      if (connected !== down) return; // no change: heard again while connected, or still trying while down
      down = !connected;
      if (down) {
        showLost = setTimeout(() => useStore.getState().setRoomConnected(false), SHOW_LOST_AFTER_MS);
        return;
      }
      clearTimeout(showLost);
      const state = useStore.getState();
      refreshOnScreen(state); // changes sent while the stream was down never arrived, however short the gap
      if (state.roomConnected) return;
      state.setRoomConnected(true);
      state.notify('success', i18n.t('connection.restored'));
    });
    quietly(useStore.getState().loadRestoring()); // a restore begun before this window opened sends no event to it
    return () => {
      clearTimeout(showLost);
      unsubscribe();
    };
  }, []);
}
