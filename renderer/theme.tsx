import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { useEffect, useMemo, type ReactNode } from 'react';
import { prefixer } from 'stylis';
import rtlPlugin from 'stylis-plugin-rtl';
import { directionOf } from './i18n';
import { useStore } from './store';

// Emotion flips margins, paddings and positions for right-to-left only through its own cache.
const ltrCache = createCache({ key: 'fb' });
const rtlCache = createCache({ key: 'fbrtl', stylisPlugins: [prefixer, rtlPlugin] });

/**
 * The one MUI theme: light or dark, and the whole layout's direction follows the language. `paper` (the print views)
 * is always light: the page on screen is the sheet that is printed, and dark words of the report on the dark theme's
 * background could not be read.
 */
export function ThemeRoot({ children, paper = false }: { children: ReactNode; paper?: boolean }) {
  const language = useStore((s) => s.language);
  const chosen = useStore((s) => s.themeMode);
  const mode = paper ? 'light' : chosen;
  const direction = directionOf(language);

  useEffect(() => {
    document.documentElement.dir = direction;
    document.documentElement.lang = language;
  }, [direction, language]);

  const theme = useMemo(
    () =>
      createTheme({
        direction,
        // A laptop set to reduce motion (vestibular disorders, or simply a room that wants a calm screen) gets
        // menus and dialogs that appear at once instead of growing in.
        motion: { reducedMotion: 'system' },
        palette: {
          mode,
          // Words on a coloured chip or button take black or white, whichever reads at 4.5:1 (WCAG AA; MUI's default
          // 3:1 put white on the dark theme's red at 3.7:1).
          contrastThreshold: 4.5,
          primary: { main: mode === 'dark' ? '#ff8a65' : '#c62828' },
          secondary: { main: mode === 'dark' ? '#90caf9' : '#1565c0' },
          // MUI's light orange and blue (#ed6c02, #0288d1) read at 3.1:1 and 3.9:1 on white, under the 4.5:1 that small
          // text needs (WCAG AA) — on a projector or in a sunlit room they fade out. These read at 5.0:1 and 4.8:1.
          ...(mode === 'light' && { warning: { main: '#b45309' }, info: { main: '#0277bd' } }),
        },
        components: {
          // What people type is read in its own direction, paragraph by paragraph, as text shown from outside is
          // (dir="auto"): an English lesson typed in the Persian UI had its full stop at the wrong end, and a textarea
          // mixing both languages keeps each line in its own direction. The date picker keeps its own layout.
          MuiInputBase: { styleOverrides: { input: { '&:not([type="datetime-local"])': { unicodeBidi: 'plaintext' } } } },
        },
        typography: {
          fontFamily: '"Noto Sans", "Segoe UI", Roboto, "Vazirmatn", Tahoma, "Helvetica Neue", Arial, sans-serif',
        },
      }),
    [direction, mode],
  );

  return (
    <CacheProvider value={direction === 'rtl' ? rtlCache : ltrCache}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {children}
      </ThemeProvider>
    </CacheProvider>
  );
}
