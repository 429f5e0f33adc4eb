import { useTranslation } from 'react-i18next';
import type { SystemLine } from '../../../shared/analytics';
import { isolate, isolateAll } from '../../bidi';
import { usePlanText } from '../plan/plan-text';
import { useRoleNameOf } from '../team/role-text';

/**
 * A line Firebreak wrote, in the reader's language; what it quotes (names, titles, notes) stays as written. The
 * after-action report words it the same way in the core (systemLineText in electron/core/review/report-html.ts).
 */
export function useSystemLineText(): (line: SystemLine) => string {
  const { t } = useTranslation();
  const planText = usePlanText();
  const roleNameOf = useRoleNameOf();
  return ({ key, params }) => {
    const { detail, ...rest } = params;
    const values = isolateAll(rest);
    // A built-in role still under its seeded English name is named in the reader's language (as on the Team tab).
    if (typeof params.roleId === 'string' && typeof params.role === 'string') values.role = roleNameOf(params.roleId, params.role);
    if (typeof params.rank === 'string') values.rank = t(`team.rank.${params.rank}`, { defaultValue: params.rank });
    // A seeded playbook still in its English words is named in the reader's language (as in the library).
    if (typeof params.playbookId === 'string' && typeof params.name === 'string' && typeof params.strategy === 'string') {
      const playbook = { id: params.playbookId, name: params.name, strategy: params.strategy, builtin: true };
      Object.assign(values, { name: planText.name(playbook), strategy: planText.strategy(playbook) });
    }
    if (typeof params.channel === 'string') values.channel = t(`statements.channel.${params.channel}`, { defaultValue: params.channel });
    return t(`timeline.line.${key}`, values) + (detail ? ` — ${isolate(detail)}` : '');
  };
}
