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

/** The one MUI theme: light or dark, and the whole layout's direction follows the language. */
export function ThemeRoot({ children }: { children: ReactNode }) {
  const language = useStore((s) => s.language);
  const mode = useStore((s) => s.themeMode);
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
          primary: { main: mode === 'dark' ? '#ff8a65' : '#c62828' },
          secondary: { main: mode === 'dark' ? '#90caf9' : '#1565c0' },
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
