import { app, shell, type Session } from 'electron';
import { isAllowedNavigation, safeExternalUrl } from './security';

const guarded = new WeakSet<Session>();

/**
 * Electron's security checklist, applied to every web contents ever created (windows, devtools,
 * anything a bug might open): no navigation away from app://, no new windows, no <webview>, no
 * permissions. https: links a page tries to open go to the user's browser instead.
 */
export function installGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (isAllowedNavigation(event.url)) return;
      event.preventDefault();
      openExternal(event.url);
    });
    contents.setWindowOpenHandler(({ url }) => {
      openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    denyPermissions(contents.session);
  });
}

/** Camera, microphone, notifications, geolocation, clipboard reads, USB/HID/serial…: all refused. */
export function denyPermissions(session: Session): void {
  if (guarded.has(session)) return;
  guarded.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Only parsed https: URLs ever reach the operating system's URL handlers. */
export function openExternal(url: string): void {
  const safe = safeExternalUrl(url);
  if (safe === null) {
    console.warn(`[guard] blocked ${url}`);
    return;
  }
  shell.openExternal(safe).catch((e: unknown) => console.warn(`[guard] could not open ${safe}:`, e));
}
