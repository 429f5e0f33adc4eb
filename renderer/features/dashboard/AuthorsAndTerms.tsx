import { Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TopAuthor, TopAuthors, TopTerms } from '../../../shared/analytics';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';

function AuthorTable({ title, rows, incidentId, testId }: { title: string; rows: TopAuthor[]; incidentId: string; testId: string }) {
  const { t } = useTranslation();
  const filter = useStore((s) => s.filter);
  const showMentions = useStore((s) => s.showMentions);
  const n = useNumbers().number;
  return (
    <Stack sx={{ flex: 1, minWidth: 280 }}>
      <Typography variant="subtitle2">{title}</Typography>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{t('dashboard.author')}</TableCell>
            <TableCell align="right">{t('dashboard.mentions')}</TableCell>
            <TableCell align="right">{t('dashboard.reach')}</TableCell>
            <TableCell align="right">{t('dashboard.followers')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((a) => (
            <TableRow key={`${a.platform}:${a.handle ?? a.author}`} hover sx={{ cursor: 'pointer' }} onClick={() => void showMentions(incidentId, { ...filter, author: a.handle ?? a.author, sentiment: ['negative'] })}>
              <TableCell dir="auto">
                {a.author} <Typography component="span" variant="caption" color="text.secondary">{a.platform}</Typography>
                {a.influencer && <Chip size="small" color="warning" label={t('dashboard.influencer')} sx={{ mx: 0.5 }} />}
                {a.repeat && <Chip size="small" label={t('dashboard.repeat')} sx={{ mx: 0.5 }} />}
              </TableCell>
              <TableCell align="right">{n(a.mentions)}</TableCell>
              <TableCell align="right">{n(a.reach)}</TableCell>
              <TableCell align="right">{n(a.followers)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}

/** Who is behind the negative mentions, and what they say that the baseline did not. */
export function AuthorsAndTerms({ incidentId, authors, terms }: { incidentId: string; authors: TopAuthors; terms: TopTerms }) {
  const { t } = useTranslation();
  const filter = useStore((s) => s.filter);
  const showMentions = useStore((s) => s.showMentions);
  const { percent } = useNumbers();
  return (
    <>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" component="h3">
            {t('dashboard.topAuthors')}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t('dashboard.negatives', { count: authors.negatives })}
            {authors.sampled && ` · ${t('dashboard.sampled', { count: authors.sample })}`}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <AuthorTable title={t('dashboard.byReach')} rows={authors.byReach} incidentId={incidentId} testId="authors-by-reach" />
            <AuthorTable title={t('dashboard.byFollowers')} rows={authors.byFollowers} incidentId={incidentId} testId="authors-by-followers" />
          </Stack>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" component="h3">
            {t('dashboard.topTerms')}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {t(terms.baseline.kind === 'before' ? 'dashboard.baselineBefore' : 'dashboard.baselineRest', { count: terms.baseline.mentions })}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mt: 1 }} data-testid="top-terms">
            {terms.terms.map((term) => (
              <Chip
                key={term.term + String(term.hashtag)}
                // The word in its own direction (bdi), so a Persian term does not pull the figures around it.
                label={
                  <>
                    <bdi>{`${term.hashtag ? '#' : ''}${term.term}`}</bdi> · {percent(term.share)} / {percent(term.baselineShare)}
                  </>
                }
                title={t('dashboard.termTip', { count: term.count, baseline: term.baselineCount })}
                onClick={() => void showMentions(incidentId, { ...filter, query: term.term, sentiment: ['negative'] })}
                color="error"
                variant="outlined"
              />
            ))}
          </Stack>
        </CardContent>
      </Card>
    </>
  );
}
