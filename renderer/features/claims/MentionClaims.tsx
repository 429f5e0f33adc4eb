import { Alert, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionClaim } from '../../../shared/claims';
import { call } from '../../api/client';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { VERDICT_COLOR } from './verdict-color';

/**
 * The claims the room logged that this mention carries, with what is true and the answer agreed (or who to ask):
 * whoever answers the post gives the one answer, not a new one.
 */
export function MentionClaims({ mentionId }: { mentionId: number }) {
  const { t } = useTranslation();
  // Either changes when the room's claims do (the list on the Claims tab, the header's counts elsewhere).
  const claims = useStore((s) => s.claims);
  const counts = useStore((s) => s.claimCounts);
  const [carried, setCarried] = useState<MentionClaim[]>([]);
  useEffect(() => {
    let live = true;
    void call('claims.forMention', { mentionId }).then((found) => live && setCarried(found), () => undefined);
    return () => {
      live = false;
    };
    // Read again when the room's claims change (one answered on another laptop, new words to find one).
  }, [mentionId, claims, counts]);
  if (carried.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ my: 1 }} data-testid="mention-claims">
      {carried.map((c) => (
        <Alert key={c.id} severity={c.status === 'to_answer' ? 'warning' : 'info'} icon={false} data-testid="mention-claim">
          <Typography variant="caption" sx={{ display: 'block' }}>
            {t('claims.carried')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
            <Chip size="small" color={VERDICT_COLOR[c.verdict]} label={t(`claims.verdict.${c.verdict}`)} />
            <Typography variant="body2" dir="auto" sx={{ fontWeight: 600 }}>
              {c.claim}
            </Typography>
          </Stack>
          {c.facts && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {t('claims.facts')}: <span dir="auto">{c.facts}</span>
            </Typography>
          )}
          <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }} data-testid="mention-claim-answer">
            {c.status === 'answered' ? (
              <>
                {t('claims.ourAnswer')}
                {c.statementTitle ? ` (${isolate(c.statementTitle)})` : ''}: <span dir="auto">{c.answer}</span>
              </>
            ) : c.status === 'to_answer' ? (
              c.ownerPersonName ? t('claims.noAnswerYet', { owner: isolate(c.ownerPersonName) }) : t('claims.noAnswerNobody')
            ) : (
              <>
                {t('claims.status.not_answering')}: <span dir="auto">{c.answer}</span>
              </>
            )}
          </Typography>
        </Alert>
      ))}
    </Stack>
  );
}
