import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import LocalFireDepartmentIcon from '@mui/icons-material/LocalFireDepartment';
import PersonIcon from '@mui/icons-material/Person';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Chip,
  IconButton,
  LinearProgress,
  Toolbar,
  Tooltip,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { NotifyButton } from '../attention/NotifyButton';
import { isolate } from '../../bidi';
import { useErrorText } from '../common/use-error-text';
import { LanguageSelect } from './LanguageSelect';
import { BackupButton } from './BackupButton';
import { RoomSharingButton } from './RoomSharingButton';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const themeMode = useStore((s) => s.themeMode);
  const toggleTheme = useStore((s) => s.toggleTheme);
  const actor = useStore((s) => s.actor);
  const signOut = useStore((s) => s.signOut);
  const roomConnected = useStore((s) => s.roomConnected);
  const restoring = useStore((s) => s.restoring);
  // Only the laptop that keeps the room can back it up: there the restore is its own, not "the host laptop's".
  const isHost = useStore((s) => s.backup?.canBackUp ?? false);
  const loadDemo = useStore((s) => s.loadDemo);
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();

  const onDemo = async () => {
    try {
      const demo = await loadDemo();
      notify('success', t('app.demoLoaded'));
      navigate({ name: 'incident', id: demo.id, tab: 'overview' });
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  const signedIn = actor?.role ? `${actor.name} · ${actor.role}` : (actor?.name ?? '');
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="sticky" color="default" elevation={1}>
        <Toolbar sx={{ gap: { xs: 0.5, sm: 1 }, flexWrap: 'wrap', px: { xs: 1, sm: 2 } }}>
          <LocalFireDepartmentIcon color="primary" />
          <Typography
            variant="h6"
            component="a"
            href="#/"
            onClick={() => navigate({ name: 'incidents' })}
            sx={{ color: 'inherit', textDecoration: 'none', fontWeight: 700 }}
          >
            {t('app.name')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ display: { xs: 'none', md: 'block' } }}>
            {t('app.tagline')}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <BackupButton />
          <RoomSharingButton />
          <Button onClick={onDemo} data-testid="load-demo">
            {t('app.loadDemo')}
          </Button>
          <LanguageSelect />
          <NotifyButton />
          <Tooltip title={themeMode === 'dark' ? t('app.themeLight') : t('app.themeDark')}>
            <IconButton onClick={toggleTheme} aria-label={themeMode === 'dark' ? t('app.themeLight') : t('app.themeDark')} data-testid="theme-toggle">
              {themeMode === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
            </IconButton>
          </Tooltip>
          {actor && (
            <Tooltip title={t('app.changeUser')}>
              <Chip
                icon={<PersonIcon />}
                label={signedIn}
                // On a phone cut short (the whole is its accessible name): the bar must leave the screen to the room.
                sx={{ maxWidth: { xs: 140, sm: 'none' } }}
                onClick={signOut}
                // The words shown are part of its name (WCAG 2.5.3), so "click Maya Ortiz" works by voice too.
                aria-label={`${t('app.signedInAs', { name: signedIn })}. ${t('app.changeUser')}`}
                data-testid="actor-chip"
              />
            </Tooltip>
          )}
        </Toolbar>
        {/* Under the bar, so it stays in view while scrolling: what is on screen may be behind the room. */}
        {!roomConnected && (
          <Alert severity="warning" variant="filled" square role="status" data-testid="connection-lost">
            {t('connection.lost')}
          </Alert>
        )}
        {restoring && (
          <Alert severity="info" variant="filled" square role="status" data-testid="room-restoring" sx={{ '& .MuiAlert-message': { flexGrow: 1 } }}>
            {t(isHost ? 'connection.restoringHere' : 'connection.restoring', { title: isolate(restoring.title) })}
            {/* The rows written, then (no share) the search index and counts rebuilt: a large crisis takes minutes. */}
            <LinearProgress
              color="inherit" sx={{ mt: 0.5 }} aria-hidden data-testid="room-restoring-progress"
              variant={restoring.share === null ? 'indeterminate' : 'determinate'} value={Math.round((restoring.share ?? 0) * 100)}
            />
          </Alert>
        )}
      </AppBar>
      <Box component="main" sx={{ px: { xs: 1, sm: 3 }, py: { xs: 1, sm: 2 }, maxWidth: 1200, mx: 'auto' }}>
        {children}
      </Box>
    </Box>
  );
}
