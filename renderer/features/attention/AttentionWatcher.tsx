import { useEffect, useRef } from 'react';
import { risenKinds, type AttentionCounts } from '../../../shared/attention';
import { directionOf } from '../../i18n';
import { useStore } from '../../store';
import { TAB_OF, useAttentionText } from './attention-text';
import { chime, unlockChime } from './chime';
import { notifySupport, showNotification } from './desktop-notifications';
import { useAttentionTitle } from './use-attention-title';

/** Deadlines pass without any event: read again this often. */
const EVERY_MS = 30_000;
/** A burst of changes (an import's batches, a chain of approvals) is one read. */
const SETTLE_MS = 400;

/**
 * Wherever the laptop is in the app (an incident, the list, a situation report being written): reads what needs
 * someone now on every open incident, counts it in the window title (seen in the taskbar or the browser tab while
 * the laptop shows something else) and, when the bell is on, makes each count going up a desktop notification (or a
 * chime, where the window may not show them).
 * What was already there when the app opened is on screen, not news.
 */
export function AttentionWatcher() {
  const actor = useStore((s) => s.actor);
  const change = useStore((s) => s.incidentChange);
  const load = useStore((s) => s.loadAttention);
  const attention = useStore((s) => s.attention);
  const text = useAttentionText();
  const before = useRef<Map<string, AttentionCounts> | null>(null);

  useEffect(() => {
    if (!actor) return;
    const read = () => void load().catch(() => undefined);
    read();
    const tick = setInterval(read, EVERY_MS);
    return () => clearInterval(tick);
  }, [actor, load]);
  useEffect(() => {
    if (!actor || !change) return;
    const settle = setTimeout(() => void load().catch(() => undefined), SETTLE_MS);
    return () => clearTimeout(settle);
  }, [actor, change, load]);

  // After a reload the chime needs a click on the page again before it may sound.
  const enabled = useStore((s) => s.notifyDesktop);
  useEffect(() => {
    if (!enabled) return;
    document.addEventListener('pointerdown', unlockChime, { once: true, capture: true });
    return () => document.removeEventListener('pointerdown', unlockChime, { capture: true });
  }, [enabled]);

  // Notifications: per incident, the kinds whose count went up since the last read.
  useEffect(() => {
    if (!attention) return;
    const previous = before.current;
    before.current = new Map(attention.map((a) => [a.incidentId, a.counts]));
    const { notifyDesktop, language, navigate } = useStore.getState();
    if (!previous || !notifyDesktop) return;
    if (notifySupport() !== 'granted') {
      // No desktop notifications in this window: one chime for whatever went up (the title says how much).
      if (attention.some((a) => previous.has(a.incidentId) && risenKinds(previous.get(a.incidentId)!, a.counts).length)) chime();
      return;
    }
    for (const a of attention) {
      const was = previous.get(a.incidentId);
      if (!was) continue; // an incident new to this laptop: its figures are on screen once it is opened
      for (const kind of risenKinds(was, a.counts)) {
        showNotification(a.title, text(kind, a.counts[kind]), {
          tag: `${a.incidentId}:${kind}`,
          lang: language,
          dir: directionOf(language),
          onClick: () => navigate({ name: 'incident', id: a.incidentId, tab: TAB_OF[kind] }),
        });
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new reading is news
  }, [attention]);

  useAttentionTitle(attention);

  return null;
}
