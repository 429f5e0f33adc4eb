import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/team';

/**
 * Built-in roles in the reader's language while they keep their seeded English text; once the team renames or
 * re-describes one, or adds its own, the team's words are shown as written.
 */
export function useRoleName(): (role: Role) => string {
  const roleNameOf = useRoleNameOf();
  return (role) => (role.builtin ? roleNameOf(role.id, role.name) : role.name);
}

/** A role known only by id and the name it had when something was recorded (a timeline line, an error). */
export function useRoleNameOf(): (roleId: string, recordedName: string) => string {
  const { t } = useTranslation();
  return (roleId, recordedName) => {
    const seeded = t(`roles.${roleId}.name`, { lng: 'en', defaultValue: '' });
    return seeded && seeded === recordedName ? t(`roles.${roleId}.name`) : recordedName;
  };
}

export function useRoleDuties(): (role: Role) => string {
  const { t } = useTranslation();
  return (role) => (role.builtin && role.duties === t(`roles.${role.id}.duties`, { lng: 'en' }) ? t(`roles.${role.id}.duties`) : role.duties);
}
