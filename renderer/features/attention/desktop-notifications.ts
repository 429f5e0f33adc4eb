/**
 * The browser's Notification API, as far as this window may use it. The desktop app may (Electron's permission check
 * passes notifications, so it never has to ask; its permission requests stay denied), and so may the host laptop's
 * own browser (http://localhost), once asked. Another laptop reaching the room over plain http on the local network
 * may not (browsers keep notifications for secure pages), so it says so instead of asking.
 */
export type NotifySupport = 'unsupported' | 'default' | 'granted' | 'denied';

export function notifySupport(): NotifySupport {
  if (typeof Notification === 'undefined' || !window.isSecureContext) return 'unsupported';
  return Notification.permission;
}

/** Asks the browser (or the OS, in the desktop app) once; must be called from a click. */
export async function askToNotify(): Promise<NotifySupport> {
  if (notifySupport() !== 'default') return notifySupport();
  return Notification.requestPermission();
}

type Options = { tag: string; lang: string; dir: 'ltr' | 'rtl'; onClick?: () => void };

/** One notification; a later one with the same tag replaces it instead of piling up. */
export function showNotification(title: string, body: string, { tag, lang, dir, onClick }: Options): void {
  if (notifySupport() !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag, lang, dir });
    n.onclick = () => {
      // The desktop app's main process raises (and restores) its window; a browser tab can only ask for focus.
      if (window.firebreak) void window.firebreak.showWindow();
      else window.focus();
      onClick?.();
      n.close();
    };
  } catch {
    // Some browsers (Chrome on Android) refuse the constructor outside a service worker: the title still counts.
  }
}
