import { useStore } from '../../store';

/** Opens one mention in the incident's explorer, from wherever it is linked (a timeline line, a media enquiry). */
export function useOpenMention(): (incidentId: string, mentionId: number) => Promise<void> {
  const navigate = useStore((s) => s.navigate);
  const openExplorer = useStore((s) => s.openExplorer);
  const selectMention = useStore((s) => s.selectMention);
  return async (incidentId, mentionId) => {
    navigate({ name: 'incident', id: incidentId, tab: 'mentions' });
    await openExplorer(incidentId);
    await selectMention(mentionId);
  };
}
