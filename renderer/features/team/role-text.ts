import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/team';

/** Built-in roles in the reader's language; roles the team added keep the name they were given. */
export function useRoleName(): (role: Role) => string {
  const { t } = useTranslation();
  return (role) => (role.builtin ? t(`roles.${role.id}.name`, { defaultValue: role.name }) : role.name);
}

export function useRoleDuties(): (role: Role) => string {
  const { t } = useTranslation();
  return (role) => (role.builtin ? t(`roles.${role.id}.duties`, { defaultValue: role.duties }) : role.duties);
}
