// App-wide guards: they apply to every web contents, including any we did not expect.
import { app, session, type WebContents } from 'electron';
import { isTrustedUrl, type TrustedOrigin } from './paths';

/** Keeps a web contents on our own origin: no navigation away, no popups, no webviews. */
function guardContents(contents: WebContents, trusted: TrustedOrigin): void {
  const denyUntrusted = (event: { url: string; preventDefault(): void }): void => {
    if (!isTrustedUrl(event.url, trusted)) event.preventDefault();
  };
  contents.on('will-navigate', denyUntrusted);
  contents.on('will-redirect', denyUntrusted);
  contents.on('will-frame-navigate', denyUntrusted);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Must run before the first window exists, so 'web-contents-created' sees it too. */
export function installSecurityGuards(trusted: TrustedOrigin): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, trusted));

  // The app needs no camera, microphone, notifications, geolocation, clipboard-read, ….
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
