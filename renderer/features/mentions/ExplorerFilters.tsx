import { Button, Checkbox, Chip, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SORTS, type MentionSort } from '../../../shared/mentions';
import { fromLocalInput, toLocalInput } from '../../format';
import { isolate } from '../../bidi';
import { useStore } from '../../store';
import { DateTimeField } from '../common/DateTimeField';
import { useTypedFilter } from '../common/use-typed-filter';
import { AuthorFilter } from './AuthorFilter';

const SENTIMENTS = ['negative', 'neutral', 'positive', 'unrated'] as const;
const SORT_LABEL: Record<MentionSort, string> = { time: 'explorer.sortTime', reach: 'explorer.sortReach', engagement: 'explorer.sortEngagement' };

export function ExplorerFilters() {
  const { t } = useTranslation();
  const filter = useStore((s) => s.filter);
  const sort = useStore((s) => s.sort);
  const facets = useStore((s) => s.facets);
  const batches = useStore((s) => s.batches);
  const setFilter = useStore((s) => s.setMentionFilter);
  const setSort = useStore((s) => s.setSort);
  const [query, setQuery] = useTypedFilter(filter.query, (text) => void setFilter({ query: text }));

  const multi = (value: string[] | undefined) => value ?? [];
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start' }}>
      <TextField
        size="small"
        label={t('explorer.search')}
        placeholder={t('explorer.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        sx={{ minWidth: 240 }}
        slotProps={{ htmlInput: { 'data-testid': 'mention-search', type: 'search', dir: 'auto' } }}
      />
      <TextField size="small" select label={t('explorer.platform')} sx={{ minWidth: 140 }} value={multi(filter.platforms)} onChange={(e) => void setFilter({ platforms: (e.target.value as unknown as string[]).filter(Boolean) })} slotProps={{ select: { multiple: true } }}>
        {facets?.platforms.map((p) => (
          <MenuItem key={p.value} value={p.value}>
            {p.value} ({p.count})
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" select label={t('explorer.language')} sx={{ minWidth: 130 }} value={multi(filter.langs)} onChange={(e) => void setFilter({ langs: (e.target.value as unknown as string[]).filter((v) => v !== undefined) })} slotProps={{ select: { multiple: true } }}>
        {facets?.langs.map((l) => (
          <MenuItem key={l.value} value={l.value}>
            {l.value || '—'} ({l.count})
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" select label={t('explorer.sentiment')} sx={{ minWidth: 140 }} value={multi(filter.sentiment)} onChange={(e) => void setFilter({ sentiment: e.target.value as unknown as (typeof SENTIMENTS)[number][] })} slotProps={{ select: { multiple: true, SelectDisplayProps: { 'data-testid': 'sentiment-filter' } as object } }}>
        {SENTIMENTS.map((s) => (
          <MenuItem key={s} value={s} data-testid={`sentiment-${s}`}>
            {t(`explorer.sentimentValue.${s}`)}
          </MenuItem>
        ))}
      </TextField>
      <DateTimeField label={t('explorer.from')} value={toLocalInput(filter.from ?? null)} onChange={(v) => void setFilter({ from: fromLocalInput(v) ?? undefined })} />
      <DateTimeField label={t('explorer.to')} value={toLocalInput(filter.to ?? null)} onChange={(v) => void setFilter({ to: fromLocalInput(v) ?? undefined })} />
      <AuthorFilter />
      <TextField size="small" select label={t('explorer.batch')} value={filter.batchId ?? ''} onChange={(e) => void setFilter({ batchId: e.target.value || undefined })} sx={{ minWidth: 140 }}>
        <MenuItem value="">{t('explorer.any')}</MenuItem>
        {batches
          .filter((b) => b.status === 'complete')
          .map((b) => (
            <MenuItem key={b.id} value={b.id}>
              {b.fileName}
            </MenuItem>
          ))}
      </TextField>
      {filter.anyOf?.length ? (
        // Set from a claim or a share-of-voice topic: its words, any of them.
        <Chip label={t('explorer.anyOf', { words: filter.anyOf.map(isolate).join(', ') })} onDelete={() => void setFilter({ anyOf: undefined })} sx={{ alignSelf: 'center', maxWidth: 360 }} data-testid="filter-any-of" />
      ) : null}
      {filter.copyOf !== undefined && (
        // Set from a mention or the dashboard's copies card; there is nothing to type, only to lift.
        <Chip label={t('explorer.copiesOf')} onDelete={() => void setFilter({ copyOf: undefined })} sx={{ alignSelf: 'center' }} data-testid="filter-copies" />
      )}
      <FormControlLabel control={<Checkbox checked={filter.hasUrl === true} onChange={(e) => void setFilter({ hasUrl: e.target.checked ? true : undefined })} />} label={t('explorer.hasUrl')} />
      <TextField size="small" select label={t('explorer.sort')} value={sort} onChange={(e) => void setSort(e.target.value as MentionSort)} sx={{ minWidth: 130 }} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'sort-select' } as object } }}>
        {SORTS.map((s) => (
          <MenuItem key={s} value={s} data-testid={`sort-${s}`}>
            {t(SORT_LABEL[s])}
          </MenuItem>
        ))}
      </TextField>
      <Button
        data-testid="explorer-clear"
        onClick={() => {
          void setFilter({ query: undefined, platforms: undefined, langs: undefined, sentiment: undefined, from: undefined, to: undefined, author: undefined, authorSearch: undefined, hasUrl: undefined, batchId: undefined, copyOf: undefined, anyOf: undefined });
        }}
      >
        {t('explorer.clear')}
      </Button>
    </Stack>
  );
}
