import DownloadIcon from '@mui/icons-material/Download';
import { Box, Card, CardContent, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import type { Chart } from 'chart.js';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadUrl } from '../../api/client';

/** A titled chart with "save as PNG". */
export function ChartCard({ title, name, chart, children, note }: { title: string; name: string; chart?: RefObject<Chart | null>; children: ReactNode; note?: string }) {
  const { t } = useTranslation();
  return (
    <Card variant="outlined" data-testid={`chart-${name}`}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle1" component="h3">
            {title}
          </Typography>
          {chart && (
            <Tooltip title={t('dashboard.savePng')}>
              <IconButton
                size="small"
                aria-label={`${t('dashboard.savePng')}: ${title}`}
                data-testid={`png-${name}`}
                onClick={() => chart.current && downloadUrl(`firebreak-${name}.png`, chart.current.toBase64Image('image/png', 1))}
              >
                <DownloadIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </Stack>
        {note && (
          <Typography variant="caption" color="text.secondary">
            {note}
          </Typography>
        )}
        <Box sx={{ position: 'relative', height: 260 }}>{children}</Box>
      </CardContent>
    </Card>
  );
}
