import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stakeholder } from '../../../shared/stakeholders';
import { call } from '../../api/client';
import { isolate } from '../../bidi';
import { useStakeholderName } from './stakeholder-name';

/**
 * Said when a statement is about to be published and nothing has been said in public yet: the stakeholders still to
 * inform would then learn it from the news (staff above all). A warning, not a block: sometimes the public must hear first.
 */
export function NotToldYet({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const nameOf = useStakeholderName();
  const [waiting, setWaiting] = useState<Stakeholder[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all([call('stakeholders.list', { incidentId }), call('stakeholders.counts', { incidentId })]).then(([list, counts]) => {
      if (current) setWaiting(counts.firstPublicAt === null ? list.filter((s) => s.status === 'to_inform') : []);
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [incidentId]);
  if (waiting.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="publish-not-told">
      {t('stakeholders.notToldYet', { names: waiting.map((s) => isolate(nameOf(s))).join(', ') })}
    </Alert>
  );
}
