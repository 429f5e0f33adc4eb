import { useEffect } from 'react';
import { attentionTotal, titleWithCount, type IncidentAttention } from '../../../shared/attention';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';

const APP_TITLE = 'Firebreak';

/**
 * The window title with what needs someone now: the open incident's count on an incident ("(4) Data leak —
 * Firebreak"), the open incidents' total elsewhere. Print views are left alone: they name their page for the PDF.
 */
export function useAttentionTitle(attention: IncidentAttention[] | null): void {
  const { number } = useNumbers();
  const route = useStore((s) => s.route);
  const incidentId = route.name === 'incident' ? route.id : null;
  const titled = route.name === 'incident' || route.name === 'incidents' || route.name === 'past';
  const current = useStore((s) => (incidentId && s.current?.id === incidentId ? s.current.title : null));
  useEffect(() => {
    if (!titled) return;
    const counted = incidentId ? attention?.filter((a) => a.incidentId === incidentId) : attention;
    const total = (counted ?? []).reduce((n, a) => n + attentionTotal(a.counts), 0);
    const name = current ? `${current} — ${APP_TITLE}` : APP_TITLE;
    document.title = titleWithCount(total ? number(total) : null, name);
  }, [titled, incidentId, current, attention, number]);
}
