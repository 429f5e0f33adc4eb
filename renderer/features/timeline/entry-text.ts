import type { Alert, TimelineEntry } from '../../../shared/analytics';
import { entryWords } from '../../../shared/timeline-words';
import { useWording } from '../common/use-wording';

/** A system entry's line in the reader's language; null for people's entries, which are shown as written. */
export function useEntryText(): (e: TimelineEntry, alerts: Alert[]) => string | null {
  const wording = useWording();
  return (e, alerts) => entryWords(e, alerts, wording);
}
