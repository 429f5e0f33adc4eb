import { Box, Button, Card, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { SENTIMENT_LABELS } from '../../../shared/sentiment';
import { useErrorText } from '../common/use-error-text';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE } from '../../store/mentions-slice';
import { useStore } from '../../store';
import { ExplorerFilters } from './ExplorerFilters';
import { ExportMentionsButton } from './ExportMentionsButton';
import { MentionDetailPane } from './MentionDetailPane';
import { MentionRowView } from './MentionRowView';

const ROW_HEIGHT = 76;

/** A virtualised list over any number of mentions: only the visible rows exist in the DOM, pages load on demand. */
export function MentionExplorer({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const total = useStore((s) => s.total);
  const capped = useStore((s) => s.totalCapped);
  const pages = useStore((s) => s.pages);
  const facets = useStore((s) => s.facets);
  const selected = useStore((s) => s.selectedMention);
  const openExplorer = useStore((s) => s.openExplorer);
  const ensurePage = useStore((s) => s.ensurePage);
  const selectMention = useStore((s) => s.selectMention);
  const loadBatches = useStore((s) => s.loadBatches);
  const scroller = useRef<HTMLDivElement>(null);
  const correct = useStore((s) => s.correctSentiment);
  const refresh = useStore((s) => s.refreshExplorer);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const check = (id: number, on: boolean) => setChecked((prev) => {
    const next = new Set(prev);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const bulk = (label: (typeof SENTIMENT_LABELS)[number]) =>
    void correct([...checked], label)
      .then(() => {
        notify('success', t('sentiment.bulkDone', { count: checked.size }));
        setChecked(new Set());
        return refresh();
      })
      .catch((err: unknown) => notify('error', errorText(err)));

  useEffect(() => {
    void openExplorer(incidentId);
    void loadBatches(incidentId);
  }, [incidentId, openExplorer, loadBatches]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoised, by design
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const needed = new Set(items.map((i) => Math.floor(i.index / PAGE_SIZE)));
    for (const page of needed) void ensurePage(page);
  }, [items, ensurePage]);

  return (
    <Stack spacing={1} sx={{ height: 'calc(100vh - 230px)', minHeight: 420 }}>
      <ExplorerFilters />
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', minHeight: 32, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" data-testid="mention-count">
          {capped ? t('explorer.countCapped', { count: total }) : t('explorer.count', { count: total })}
        </Typography>
        {checked.size > 0 && (
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="bulk-bar">
            <Typography variant="body2">{t('sentiment.selected', { count: checked.size })}</Typography>
            {SENTIMENT_LABELS.map((label) => (
              <Button key={label} size="small" variant="outlined" onClick={() => bulk(label)} data-testid={`bulk-${label}`}>
                {t(`explorer.sentimentValue.${label}`)}
              </Button>
            ))}
            <ExportMentionsButton incidentId={incidentId} ids={[...checked]} />
            <Button size="small" onClick={() => setChecked(new Set())}>
              {t('sentiment.clearSelection')}
            </Button>
          </Stack>
        )}
        <Box sx={{ flex: 1 }} />
        <ExportMentionsButton incidentId={incidentId} />
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flex: 1, minHeight: 0 }}>
        <Card variant="outlined" sx={{ flex: 3, minWidth: 0 }}>
          {total === 0 ? (
            <Box sx={{ p: 4, textAlign: 'center' }}>
              <Typography color="text.secondary" data-testid="mentions-empty">
                {facets?.total ? t('explorer.empty') : t('explorer.emptyIncident')}
              </Typography>
            </Box>
          ) : (
            <Box ref={scroller} sx={{ height: '100%', overflow: 'auto' }} data-testid="mention-list">
              <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const mention = pages[Math.floor(item.index / PAGE_SIZE)]?.[item.index % PAGE_SIZE];
                  return (
                    <Box key={item.key} sx={{ position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                      {mention ? <MentionRowView mention={mention} language={language} selected={selected?.id === mention.id} onClick={() => void selectMention(mention.id)} checked={checked.has(mention.id)} onCheck={(on) => check(mention.id, on)} /> : <Box sx={{ p: 2, color: 'text.disabled' }}>…</Box>}
                    </Box>
                  );
                })}
              </Box>
            </Box>
          )}
        </Card>
        {selected && (
          <Box sx={{ flex: 2, minWidth: 0 }}>
            <MentionDetailPane mention={selected} />
          </Box>
        )}
      </Stack>
    </Stack>
  );
}
