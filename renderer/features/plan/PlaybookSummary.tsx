import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Playbook } from '../../../shared/plan';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';
import { PlaybookLessons } from '../review/PlaybookLessons';
import { useRoleName } from '../team/role-text';
import { usePlanText } from './plan-text';

/** Strategy, aimed result and the checklist (role, minutes after opening) of one playbook. */
export function PlaybookSummary({ playbook }: { playbook: Playbook }) {
  const { t } = useTranslation();
  const roles = useStore((s) => s.roles);
  const numbers = useNumbers();
  const roleName = useRoleName();
  const text = usePlanText();
  const role = (id: string | null) => {
    const r = roles.find((x) => x.id === id);
    return r ? roleName(r) : t('plan.none');
  };
  return (
    <Box data-testid="playbook-summary">
      <Typography variant="subtitle2">{t('plan.strategy')}</Typography>
      <Typography variant="body2" dir="auto" sx={{ mb: 1 }}>
        {text.strategy(playbook)}
      </Typography>
      <Typography variant="subtitle2">{t('plan.result')}</Typography>
      <Typography variant="body2" dir="auto" sx={{ mb: 1 }}>
        {text.result(playbook)}
      </Typography>
      <Typography variant="subtitle2">{t('plan.checklist')}</Typography>
      <Box component="ol" sx={{ m: 0, paddingInlineStart: 3 }}>
        {playbook.steps.map((s, i) => (
          <Typography component="li" variant="body2" key={i}>
            {t('plan.stepLine', { action: text.step(s), role: role(s.roleId), minutes: numbers.number(s.dueMinutes) })}
          </Typography>
        ))}
      </Box>
      <PlaybookLessons playbookId={playbook.id} />
    </Box>
  );
}
