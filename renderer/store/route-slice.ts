import type { StateCreator } from 'zustand';
import type { StoreState } from './index';

export const INCIDENT_TABS = ['overview', 'dashboard', 'triage', 'plan', 'statements', 'press', 'stakeholders', 'claims', 'channels', 'team', 'mentions', 'imports', 'review'] as const;
export type IncidentTab = (typeof INCIDENT_TABS)[number];

export type Route =
  | { name: 'incidents' }
  /** The archive of closed crises, their comparison, and archive files. */
  | { name: 'past' }
  | { name: 'incident'; id: string; tab: IncidentTab }
  /** Print views: one statement version, or an incident's press pack (approved statements with a cover page). */
  | { name: 'print-statement'; id: string; version: number }
  | { name: 'print-pack'; id: string }
  | { name: 'print-review'; id: string }
  /** An incident's situation report, for the people outside the room. */
  | { name: 'print-sitrep'; id: string };

/** `#/incidents/<id>/<tab>` so a reload (or a bookmark in room mode) lands on the same incident and tab. */
export function parseHash(hash: string): Route {
  const print = /^#\/print\/statement\/([\w-]+)\/(\d+)/.exec(hash);
  if (print) return { name: 'print-statement', id: print[1], version: Number(print[2]) };
  const pack = /^#\/print\/pack\/([\w-]+)/.exec(hash);
  if (pack) return { name: 'print-pack', id: pack[1] };
  const review = /^#\/print\/review\/([\w-]+)/.exec(hash);
  if (review) return { name: 'print-review', id: review[1] };
  const sitrep = /^#\/print\/sitrep\/([\w-]+)/.exec(hash);
  if (sitrep) return { name: 'print-sitrep', id: sitrep[1] };
  if (hash.startsWith('#/past')) return { name: 'past' };
  const match = /^#\/incidents\/([\w-]+)(?:\/(\w+))?/.exec(hash);
  if (!match) return { name: 'incidents' };
  const tab = (INCIDENT_TABS as readonly string[]).includes(match[2] ?? '') ? (match[2] as IncidentTab) : 'overview';
  return { name: 'incident', id: match[1], tab };
}

function toHash(route: Route): string {
  if (route.name === 'print-statement') return `#/print/statement/${route.id}/${route.version}`;
  if (route.name === 'print-pack') return `#/print/pack/${route.id}`;
  if (route.name === 'print-review') return `#/print/review/${route.id}`;
  if (route.name === 'print-sitrep') return `#/print/sitrep/${route.id}`;
  if (route.name === 'past') return '#/past';
  if (route.name !== 'incident') return '#/';
  return route.tab === 'overview' ? `#/incidents/${route.id}` : `#/incidents/${route.id}/${route.tab}`;
}

export type RouteSlice = { route: Route; navigate(route: Route): void; syncFromHash(): void };

export const createRouteSlice: StateCreator<StoreState, [], [], RouteSlice> = (set) => ({
  route: parseHash(window.location.hash),
  navigate: (route) => {
    if (window.location.hash !== toHash(route)) window.location.hash = toHash(route);
    set({ route });
  },
  syncFromHash: () => set({ route: parseHash(window.location.hash) }),
});
