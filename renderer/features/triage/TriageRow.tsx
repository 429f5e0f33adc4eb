import { Box, Checkbox, Chip, ListItem, ListItemButton, Stack, Typography } from '@mui/material';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TriageItem } from '../../../shared/triage';
import { formatTime } from '../../format';
import { useStore } from '../../store';
import { useNumbers } from '../common/use-numbers';

type Props = { item: TriageItem; selected: boolean; checked: boolean; onSelect(id: number): void; onCheck(id: number, on: boolean): void };

/** What a row shows: a reloaded queue (another laptop moved one mention) redraws only the rows that changed. */
const SHOWN = ['id', 'priority', 'triageState', 'author', 'platform', 'publishedAt', 'triageAssignee', 'text'] as const;
const sameRow = (a: Props, b: Props) =>
  a.selected === b.selected && a.checked === b.checked && a.onSelect === b.onSelect && a.onCheck === b.onCheck && SHOWN.every((k) => a.item[k] === b.item[k]);

/**
 * One mention of the triage queue. Memoised: walking the queue with j / k redraws the two rows whose selection changed,
 * not the whole queue (200 rows took 0.5-1.5 s a keystroke on a 2-core laptop). The tick box sits beside the row's
 * button, not inside it: one control inside another is lost to screen readers and keyboards.
 */
export const TriageRow = memo(function TriageRow({ item: m, selected, checked, onSelect, onCheck }: Props) {
  const { t } = useTranslation();
  const numbers = useNumbers();
  const language = useStore((s) => s.language);
  return (
    <ListItem disablePadding data-testid="triage-row" data-mention-id={m.id} data-state={m.triageState} sx={{ alignItems: 'flex-start', borderBottom: 1, borderColor: 'divider' }}>
      <Checkbox size="small" sx={{ p: 0.5, mt: 0.75, ml: 1 }} checked={checked} onChange={(e) => onCheck(m.id, e.target.checked)} slotProps={{ input: { 'aria-label': t('sentiment.select') } }} />
      <ListItemButton selected={selected} onClick={() => onSelect(m.id)} sx={{ alignItems: 'flex-start', pl: 0.5 }}>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Chip size="small" color={m.priority >= 60 ? 'error' : m.priority >= 40 ? 'warning' : 'default'} label={numbers.number(Math.round(m.priority))} data-testid="triage-priority" />
            <Chip size="small" variant="outlined" label={t(`triage.state.${m.triageState}`)} data-testid="triage-state" />
            <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap dir="auto">
              {m.author ?? '—'}
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap>
              {m.platform} · {formatTime(m.publishedAt, language)}
              {m.triageAssignee && ` · ${m.triageAssignee}`}
            </Typography>
          </Stack>
          <Typography variant="body2" dir="auto" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}>
            {m.text}
          </Typography>
        </Box>
      </ListItemButton>
    </ListItem>
  );
}, sameRow);
