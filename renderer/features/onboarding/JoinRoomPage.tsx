import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { joinRoom } from '../../api/client';
import { useErrorText } from '../common/use-error-text';
import { LanguageSelect } from '../shell/LanguageSelect';

/**
 * A room server opened to other laptops shows this instead of the app until the browser gives the room code: the
 * page holds no data, and the room answers nothing else before. Once in, the app starts afresh with the room's cookie.
 */
export function JoinRoomPage({ onJoined }: { onJoined(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    setBusy(true);
    try {
      await joinRoom(code);
      onJoined();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', p: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSelect />
      </Box>
      <Paper component="form" onSubmit={submit} sx={{ maxWidth: 460, mx: 'auto', mt: 8, p: 3 }} data-testid="join-room">
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LockIcon color="primary" />
            <Typography variant="h5" component="h1">
              {t('room.joinTitle')}
            </Typography>
          </Stack>
          <Typography>{t('room.joinIntro')}</Typography>
          <TextField
            autoFocus
            required
            label={t('room.code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            // A code is Latin letters and digits whatever the page's direction.
            slotProps={{ htmlInput: { maxLength: 20, dir: 'ltr', autoComplete: 'off', spellCheck: false, 'data-testid': 'room-code' } }}
          />
          {error && (
            <Alert severity="error" data-testid="join-error">
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" disabled={busy} data-testid="room-join">
            {t('room.join')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
