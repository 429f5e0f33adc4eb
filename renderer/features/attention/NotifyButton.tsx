import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import NotificationsOffIcon from '@mui/icons-material/NotificationsOff';
import { IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../i18n';
import { useStore } from '../../store';
import { askToNotify, notifySupport, showNotification } from './desktop-notifications';

/** The bell on the app bar: desktop notifications on this laptop, on or off. */
export function NotifyButton() {
  const { t } = useTranslation();
  const enabled = useStore((s) => s.notifyDesktop);
  const setEnabled = useStore((s) => s.setNotifyDesktop);
  const language = useStore((s) => s.language);
  const notify = useStore((s) => s.notify);
  // Re-read on each render: the permission can change in the browser's site settings meanwhile.
  const [, rerender] = useState(0);
  const on = enabled && notifySupport() === 'granted';

  const toggle = async () => {
    if (on) {
      setEnabled(false);
      rerender((n) => n + 1);
      return;
    }
    const support = await askToNotify();
    rerender((n) => n + 1);
    if (support === 'unsupported') return notify('error', t('attention.unsupported'));
    if (support !== 'granted') return notify('error', t('attention.denied'));
    setEnabled(true);
    // The first one right away: whoever turned them on sees how they look on this laptop.
    showNotification(t('app.name'), t('attention.enabled'), { tag: 'firebreak:enabled', lang: language, dir: directionOf(language) });
  };

  const label = on ? t('attention.turnOff') : t('attention.turnOn');
  return (
    <Tooltip title={label}>
      <IconButton onClick={() => void toggle()} aria-label={label} aria-pressed={on} data-testid={on ? 'notify-on' : 'notify-off'}>
        {on ? <NotificationsActiveIcon color="primary" /> : <NotificationsOffIcon />}
      </IconButton>
    </Tooltip>
  );
}
