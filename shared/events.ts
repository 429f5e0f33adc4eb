/** Push events from the back end; both the Electron window (IPC) and HTTP clients (SSE) receive them. */
export type FirebreakEvent =
  | { type: 'incident.changed'; incidentId: string }
  | { type: 'incident.created'; incidentId: string };

export type EventType = FirebreakEvent['type'];
