import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorSuggestion } from '../../../shared/mentions';
import { call } from '../../api/client';
import { useStore } from '../../store';
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
  const [text, setText] = useTypedFilter(filter.authorSearch ?? filter.author, (typed) => void setFilter({ authorSearch: typed, author: undefined }));
  const [options, setOptions] = useState<AuthorSuggestion[]>([]);

  // Suggestions once typing pauses, for what is typed (not for an account already picked).
  useEffect(() => {
    if (!incidentId || !/[\p{L}\p{N}]/u.test(text) || text === filter.author) {
      setOptions([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('mentions.authors', { incidentId, typed: text }).then(
        (found) => current && setOptions(found),
        () => current && setOptions([]), // suggestions are a help: the filter itself still applies
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [incidentId, text, filter.author]);

  return (
    <Autocomplete<AuthorSuggestion, false, false, true>
      freeSolo
      size="small"
      sx={{ width: 200 }}
      options={options}
      value={null}
      inputValue={text}
      onInputChange={(_e, value, reason) => reason !== 'reset' && setText(value)}
      onChange={(_e, picked) => picked && typeof picked !== 'string' && void setFilter({ author: accountOf(picked), authorSearch: undefined })}
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
