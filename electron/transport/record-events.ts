import type { EventBus } from '../core/events';

/**
 * Announces a change to a record the room keeps per incident (a journalist's enquiry, a stakeholder, a claim, a channel): its own
 * event, and the timeline's when the change wrote or moved a line there.
 */
export function announcer(events: EventBus, type: 'enquiries.changed' | 'stakeholders.changed' | 'claims.changed' | 'channels.changed'): (incidentId: string, timeline: boolean) => void {
  return (incidentId, timeline) => {
    events.publish({ type, incidentId });
    if (timeline) events.publish({ type: 'timeline.changed', incidentId });
  };
}
