import type { Incident } from '../../../shared/domain';
import type { StatementKind } from '../../../shared/statements';
import type { TeamService } from '../team/team-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import type { PlaceholderValues } from './template-repo';

/** Where each kind of statement usually goes; the writer changes it in the draft. */
export const DEFAULT_CHANNELS: Record<StatementKind, string[]> = {
  holding: ['website', 'x'],
  public: ['website', 'press'],
  social_reply: ['x'],
  faq: ['website'],
  internal: ['internal'],
};

/** What the incident knows for a template's placeholders, written in the template's language. */
export function placeholderValues(incident: Incident, team: TeamService, timeline: TimelineRepo, lang: string, now: number): PlaceholderValues {
  const spokesperson = team.roster(incident.id, now).find((r) => r.role.id === 'spokesperson')?.now[0];
  const person = spokesperson ? team.people().find((p) => p.id === spokesperson.personId) : undefined;
  const timer = timeline.updateTimer(incident);
  const format = (ms: number, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, options).format(ms);
  return {
    brand: incident.organisation || undefined,
    date: format(now, { dateStyle: 'long' }),
    spokesperson: person?.name,
    contact: person ? [person.email, person.phone].filter(Boolean).join(', ') || undefined : undefined,
    next_update: timer ? format(timer.dueAt, { timeStyle: 'short' }) : undefined,
  };
}
