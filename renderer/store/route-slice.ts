import type { StateCreator } from 'zustand';
import type { StoreState } from './index';

export type Route = { name: 'incidents' } | { name: 'incident'; id: string };

/** `#/incidents/<id>` so a reload (or a bookmark in room mode) lands on the same incident. */
export function parseHash(hash: string): Route {
  const match = /^#\/incidents\/([\w-]+)/.exec(hash);
  return match ? { name: 'incident', id: match[1] } : { name: 'incidents' };
}

function toHash(route: Route): string {
  return route.name === 'incident' ? `#/incidents/${route.id}` : '#/';
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
