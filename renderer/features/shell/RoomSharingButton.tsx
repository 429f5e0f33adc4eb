import LanIcon from '@mui/icons-material/Lan';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomSharing } from '../../../shared/api/system';
import { renderSVG } from 'uqr';
import { showRoomCode } from '../../../shared/room';
import { call } from '../../api/client';
import { useStore } from '../../store';
import { useErrorText } from '../common/use-error-text';

/** A link as a QR code image (dark on white whatever the theme: cameras read it so). */
function qrImage(link: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(link, { border: 2 }))}`;
}

/**
 * "Other laptops": on the laptop that keeps the room (the desktop app, or its own browser on `firebreak serve`),
 * opens the room to the laptops around it and shows the code and links to give them. Elsewhere it is not shown.
 */
export function RoomSharingButton() {
  const { t } = useTranslation();
  const notify = useStore((s) => s.notify);
  const errorText = useErrorText();
  const [sharing, setSharing] = useState<RoomSharing | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('room.sharing', {}).then(setSharing, () => setSharing(null));
  }, []);
  if (!sharing?.canShare) return null;

  // Read afresh each time: who has joined since is worth seeing.
  const show = async () => {
    setOpen(true);
    setSharing(await call('room.sharing', {}).catch(() => sharing));
  };

  const share = async (openToOthers: boolean, newCode = false) => {
    setBusy(true);
    try {
      setSharing(await call('room.share', { open: openToOthers, newCode }));
    } catch (err) {
      notify('error', errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {/* On a phone the icon alone, with the words for screen readers: the bar must not take a fifth of the screen. */}
      <Button startIcon={<LanIcon />} onClick={() => void show()} color={sharing.open ? 'success' : 'inherit'} aria-label={t('sharing.button')} sx={{ minWidth: 0, '& .MuiButton-startIcon': { mx: { xs: 0, sm: undefined } } }} data-testid="sharing-button">
        <Box component="span" sx={{ display: { xs: 'none', sm: 'inline' } }}>
          {t('sharing.button')}
        </Box>
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="sharing-title">
        <DialogTitle id="sharing-title">{t('sharing.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {!sharing.open && <Typography>{t('sharing.intro')}</Typography>}
            {sharing.open && sharing.code && (
              <>
                <Typography>{t('sharing.isOpen')}</Typography>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography color="text.secondary">{t('sharing.code')}</Typography>
                  <Chip label={showRoomCode(sharing.code)} dir="ltr" sx={{ fontSize: '1.4rem', fontFamily: 'monospace', py: 2.5 }} data-testid="sharing-code" />
                </Stack>
                {sharing.links.length === 0 && <Alert severity="warning">{t('sharing.noAddress')}</Alert>}
                <Typography data-testid="sharing-windows">{t('sharing.windows', { count: sharing.windows })}</Typography>
                <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
                  {sharing.links.map((link) => (
                    <Stack key={link} component="li" direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
                      {/* For a phone or tablet in the room: its camera opens the link, code included. */}
                      <img src={qrImage(link)} alt={t('sharing.qr')} width={132} height={132} data-testid="sharing-qr" />
                      <Typography dir="ltr" sx={{ fontFamily: 'monospace', userSelect: 'all', wordBreak: 'break-all' }} data-testid="sharing-link">
                        {link}
                      </Typography>
                    </Stack>
                  ))}
                </Box>
                <Typography variant="body2" color="text.secondary">
                  {t('sharing.closeNote')} {t('sharing.renewNote')}
                </Typography>
              </>
            )}
            <Alert severity="info">{t('sharing.wifiNote')}</Alert>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('sharing.done')}</Button>
          {sharing.open && (
            <Button disabled={busy} onClick={() => void share(true, true)} data-testid="sharing-renew">
              {t('sharing.renew')}
            </Button>
          )}
          {sharing.open ? (
            <Button color="warning" disabled={busy} onClick={() => void share(false)} data-testid="sharing-close">
              {t('sharing.close')}
            </Button>
          ) : (
            <Button variant="contained" disabled={busy} onClick={() => void share(true)} data-testid="sharing-open">
              {t('sharing.open')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
