import { app, session, shell, type WebContents } from 'electron';
import { decideNavigation } from '../transport/navigation-policy';

/** Locks every web contents down: no new windows, no navigation away, no webviews, no permissions. */
export function hardenWebContents(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideNavigation(url);
      if (!decision.allow && decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      const decision = decideNavigation(url);
      if (decision.allow) return;
      event.preventDefault();
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
