import { useTranslation } from 'react-i18next';
import type { Playbook, PlaybookStep, Task } from '../../../shared/plan';

/**
 * Seeded playbooks, their steps and the tasks made from them in the reader's language while they keep their seeded
 * English; once the team rewrites one, its words are shown as written (as with built-in roles).
 */
export function usePlanText() {
  const { t } = useTranslation();
  const seeded = (key: string, text: string) => (t(key, { lng: 'en', defaultValue: '' }) === text ? t(key) : text);
  return {
    name: (p: Pick<Playbook, 'id' | 'name' | 'builtin'>) => (p.builtin ? seeded(`playbooks.${p.id}.name`, p.name) : p.name),
    strategy: (p: Pick<Playbook, 'id' | 'strategy' | 'builtin'>) => (p.builtin ? seeded(`playbooks.${p.id}.strategy`, p.strategy) : p.strategy),
    result: (p: Playbook) => (p.builtin ? seeded(`playbooks.${p.id}.result`, p.result) : p.result),
    step: (s: Pick<PlaybookStep, 'action' | 'seedKey'>) => (s.seedKey ? seeded(`playbooks.${s.seedKey}`, s.action) : s.action),
    task: (task: Pick<Task, 'title' | 'seedKey'>) => (task.seedKey ? seeded(`playbooks.${task.seedKey}`, task.title) : task.title),
  };
}
