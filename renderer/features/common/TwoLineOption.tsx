import { Box, Stack, Typography } from '@mui/material';
import type { HTMLAttributes, Key, ReactNode } from 'react';

type Props = HTMLAttributes<HTMLLIElement> & { key: Key; primary: ReactNode; secondary: ReactNode; testId: string };

/** A suggestion of an Autocomplete: what it is (in its own direction), and a line about it (how often seen, where). */
export function twoLineOption({ key, primary, secondary, testId, ...props }: Props) {
  return (
    <Box component="li" key={key} {...props} data-testid={testId}>
      <Stack sx={{ minWidth: 0 }}>
        <Typography variant="body2" dir="auto">
          {primary}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {secondary}
        </Typography>
      </Stack>
    </Box>
  );
}
