import { useTranslation } from 'react-i18next';
import { SAID_ERRORS, SAID_WORDS, type Said } from '../../../shared/errors';
import type { FileProblem } from '../../../shared/mentions';
import { ApiCallError } from '../../api/client';
import { isolate, isolateAll } from '../../bidi';
import { useFileProblemText } from '../import/problem-text';
import { usePlanText } from '../plan/plan-text';
import { useRoleNameOf } from '../team/role-text';

type Details = { file?: string; problem?: FileProblem; say?: Said; holders?: string[]; backups?: string[]; unreachable?: boolean };

/**
 * Turns a failed call into a sentence in the user's language. Errors met in the normal course of work (a file that
 * cannot be read, a step only its approver decides) are worded from their code and figures; others keep the core's
 * English message as the detail of a translated lead-in.
 */
export function useErrorText() {
  const { t } = useTranslation();
  const fileProblemText = useFileProblemText();
  const saidText = useSaidText();
  return (err: unknown): string => {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof ApiCallError)) return t('errors.generic', { message });
    const { file, problem, say, unreachable } = (err.error.details ?? {}) as Details;
    if (unreachable) return t('errors.unreachable');
    const reason = file ? fileProblemText(problem, '') : '';
    if (file && reason) return t('errors.file', { file: isolate(file), reason });
    if (say && SAID_ERRORS.includes(say.key)) return saidText(say, err.error.details as Details);
    return t(`errors.${err.error.code}`, { message, defaultValue: t('errors.generic', { message }) });
  };
}

function useSaidText(): (say: Said, details: Details) => string {
  const { t } = useTranslation();
  const roleNameOf = useRoleNameOf();
  const planText = usePlanText();
  return ({ key, params }, details) => {
    const values = isolateAll(params);
    if (key === 'approverOnly') {
      // Who may decide, as the core lists them, with "backup" in the reader's language.
      const who = [...(details.holders ?? []).map(isolate), ...(details.backups ?? []).map((b) => `${isolate(b)} (${t('team.rank.backup')})`)];
      Object.assign(values, { role: roleNameOf(String(params.roleId), String(params.role)), who: who.join(', ') || t('errors.say.nobody') });
    }
    // A built-in playbook by the name the reader's plan shows it under (as long as it keeps its seeded name).
    if (key === 'playbookApplied') values.name = isolate(planText.name({ id: String(params.playbookId), name: String(params.name), builtin: true }));
    // States, field names, why an archive was refused: by the words the screens use for them (SAID_WORDS).
    for (const [name, path] of Object.entries(SAID_WORDS)) {
      if (name in params) values[name] = t(`${path}.${params[name]}`, { ...values, defaultValue: String(params[name]) });
    }
    return t(`errors.say.${key}`, values);
  };
}
