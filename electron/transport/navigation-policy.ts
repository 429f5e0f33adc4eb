import { isSafeExternalUrl } from '../../shared/security';

export const APP_SCHEME = 'firebreak';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The window may only ever show the app's own pages; everything else is refused (Electron `will-navigate`). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

/** In-app navigation stays; an http(s) link goes to the system browser; any other scheme is dropped. */
export function decideNavigation(raw: string): NavigationDecision {
  if (isAppUrl(raw)) return { allow: true };
  return { allow: false, openExternally: isSafeExternalUrl(raw) ? raw : null };
}
