import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import NotificationsOffIcon from '@mui/icons-material/NotificationsOff';
import { IconButton, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../i18n';
import { useStore } from '../../store';
import { chime, unlockChime } from './chime';
import { askToNotify, notifySupport, showNotification } from './desktop-notifications';

/**
 * The bell on the app bar: this laptop is told when something needs someone — by desktop notifications where the
 * window may show them, else by a chime (a laptop that joined the room over plain http, or one whose browser
 * blocks notifications). On or off, remembered.
 */
export function NotifyButton() {
  const { t } = useTranslation();
  const enabled = useStore((s) => s.notifyDesktop);
  const setEnabled = useStore((s) => s.setNotifyDesktop);
  const language = useStore((s) => s.language);
  const notify = useStore((s) => s.notify);

  const toggle = async () => {
    if (enabled) {
      setEnabled(false);
      return;
    }
    unlockChime(); // now, inside the click: later the chime may play without one
    const support = await askToNotify();
    setEnabled(true);
    if (support === 'granted') {
      // The first one right away: whoever turned them on sees how they look on this laptop.
      showNotification(t('app.name'), t('attention.enabled'), { tag: 'firebreak:enabled', lang: language, dir: directionOf(language) });
      return;
    }
    chime();
    notify(support === 'unsupported' ? 'success' : 'error', t(support === 'unsupported' ? 'attention.unsupported' : 'attention.denied'));
  };

  // Read at each render: the permission can change in the browser's site settings meanwhile.
  const label = !enabled ? t('attention.turnOn') : notifySupport() === 'granted' ? t('attention.turnOff') : t('attention.turnOffSound');
  return (
    <Tooltip title={label}>
      <IconButton onClick={() => void toggle()} aria-label={label} aria-pressed={enabled} data-testid={enabled ? 'notify-on' : 'notify-off'}>
        {enabled ? <NotificationsActiveIcon color="primary" /> : <NotificationsOffIcon />}
      </IconButton>
    </Tooltip>
  );
}
