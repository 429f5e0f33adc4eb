import { useTranslation } from 'react-i18next';
import { SAID_ERRORS, SAID_STATES, type Said } from '../../../shared/errors';
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
    // Why an archive was refused is a sentence of its own, with what it quotes; a broken audit trail says where and
    // why as the audit dialog does.
    if (key === 'archiveRefused') {
      if (params.auditWhy) values.reason = t(`statements.auditWhy.${params.auditWhy}`, params);
      values.why = t(`errors.archiveWhy.${params.why}`, values);
    }
    // An incident's times by the names the form shows them under.
    if (key === 'timeOrder') Object.assign(values, { field: t(`fields.${params.field}`), before: t(`fields.${params.before}`) });
    // A built-in playbook by the name the reader's plan shows it under (as long as it keeps its seeded name).
    if (key === 'playbookApplied') values.name = isolate(planText.name({ id: String(params.playbookId), name: String(params.name), builtin: true }));
    // States (of a statement, a mention, an import) by the words the screens use for them.
    for (const [name, path] of Object.entries(SAID_STATES)) {
      if (name in params) values[name] = t(`${path}.${params[name]}`, { defaultValue: String(params[name]) });
    }
    return t(`errors.say.${key}`, values);
  };
}
