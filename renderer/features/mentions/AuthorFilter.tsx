import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorSuggestion } from '../../../shared/mentions';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { applyNewest } from '../../store/newest';
import { twoLineOption } from '../common/TwoLineOption';
import { useTypedFilter } from '../common/use-typed-filter';

const accountOf = (a: AuthorSuggestion) => a.handle ?? a.author ?? '';

/**
 * The explorer's author box. Typed text filters by the start of a name's or handle's words ("olena", "@fa_par");
 * the incident's accounts that match are suggested with their mention counts, and picking one filters by that
 * account exactly, as a click on a top author does. A picked account stays exact until the text is edited.
 */
export function AuthorFilter() {
  const { t } = useTranslation();
  const incidentId = useStore((s) => s.explorerIncident);
  const filter = useStore((s) => s.filter);
  const setFilter = useStore((s) => s.setMentionFilter);
  const [options, setOptions] = useState<AuthorSuggestion[]>([]);
  // Once typing pauses: the filter, and the accounts to suggest for it (the newest answer wins).
  const [text, setText] = useTypedFilter(filter.authorSearch ?? filter.author, (typed) => {
    void setFilter({ authorSearch: typed, author: undefined });
    const found = typed && incidentId ? call('mentions.authors', { incidentId, typed }) : Promise.resolve([]);
    applyNewest('mentions.authors', found, setOptions).catch(() => setOptions([])); // a help: the filter still applies
  });

  return (
    <Autocomplete<AuthorSuggestion, false, false, true>
      freeSolo
      size="small"
      sx={{ width: 200 }}
      options={options}
      value={null}
      inputValue={text}
      onInputChange={(_e, value, reason) => reason !== 'reset' && setText(value)}
      onChange={(_e, picked) => {
        if (!picked || typeof picked === 'string') return;
        setOptions([]);
        void setFilter({ author: accountOf(picked), authorSearch: undefined });
      }}
      getOptionLabel={(a) => (typeof a === 'string' ? a : accountOf(a))}
      getOptionKey={(a) => (typeof a === 'string' ? a : accountOf(a))}
      filterOptions={(list) => list}
      renderOption={({ key, ...props }, a) =>
        twoLineOption({
          ...props,
          key,
          testId: 'author-option',
          primary: (
            <>
              <b>{a.author ?? a.handle}</b>
              {a.author && a.handle && ` ${a.handle}`}
            </>
          ),
          secondary: `${a.platforms.join(', ')} · ${t('explorer.count', { count: a.mentions })}`,
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('explorer.author')}
          placeholder={t('explorer.authorHint')}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, dir: 'auto', 'data-testid': 'author-filter' } }}
        />
      )}
    />
  );
}
