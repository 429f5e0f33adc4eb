import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionCopies } from '../../../shared/mentions';
import { call } from '../../api/client';
import { useStore } from '../../store';

/**
 * Says how many accounts posted this mention's words, and narrows the explorer and the triage queue (one filter) to
 * every copy: a campaign is read, answered, escalated or reported as one thing. Shown only when the words were
 * posted more than once; counted after the mention is on screen, so walking a queue never waits for it.
 */
export function CopiesButton({ mentionId, testId }: { mentionId: number; testId: string }) {
  const { t } = useTranslation();
  const setFilter = useStore((s) => s.setMentionFilter);
  const [copies, setCopies] = useState<{ of: number; value: MentionCopies | null } | null>(null);
  useEffect(() => {
    let current = true;
    call('mentions.copies', { id: mentionId }).then(
      (value) => current && setCopies({ of: mentionId, value }),
      () => undefined, // a count that could not be read is not shown; the mention itself is
    );
    return () => {
      current = false;
    };
  }, [mentionId]);
  const value = copies?.of === mentionId ? copies.value : null;
  if (!value || value.mentions < 2) return null;
  return (
    <Button size="small" startIcon={<ContentCopyIcon />} onClick={() => void setFilter({ copyOf: mentionId })} data-testid={testId}>
      {t('explorer.copies', { accounts: value.accounts, mentions: value.mentions })}
    </Button>
  );
}
