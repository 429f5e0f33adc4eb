import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { Button } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Mention } from '../../../shared/mentions';
import { useStore } from '../../store';

/**
 * Narrows the explorer and the triage queue (one filter) to this mention's account, exactly: everything a repeat
 * complainer, a campaign or a bot posted in the incident, to read together or answer once.
 */
export function FromAuthorButton({ mention, testId }: { mention: Pick<Mention, 'author' | 'authorHandle'>; testId: string }) {
  const { t } = useTranslation();
  const setFilter = useStore((s) => s.setMentionFilter);
  const account = mention.authorHandle ?? mention.author;
  if (!account) return null;
  return (
    <Button size="small" startIcon={<PersonSearchIcon />} onClick={() => void setFilter({ author: account, authorSearch: undefined })} data-testid={testId}>
      {t('explorer.fromAuthor')}
    </Button>
  );
}
