import path from 'node:path';

// Pure checks behind the Electron security guards (no 'electron' import, so Vitest runs them in Node).

/** The renderer is served from app://dudao/ — a standard, secure custom scheme instead of file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dudao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` belongs to our own app:// origin. (Node's URL reports origin 'null' for
 * non-special schemes, so scheme and host are compared instead.)
 */
export function isAppUrl(url: string | undefined | null): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** IPC is answered only for frames showing our own pages (event.senderFrame.url). */
export const isTrustedSender = isAppUrl;

/** The window may only ever show our own pages; every other navigation is refused. */
export const isAllowedNavigation = isAppUrl;

/**
 * The URL to hand to shell.openExternal, or null. Only plain https: links without credentials:
 * never file:, smb:, ms-* or other handlers that could run programs on Windows.
 */
export function safeExternalUrl(url: string | undefined | null): string | null {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.hostname === '' || u.username !== '' || u.password !== '') return null;
  return u.href;
}

export function isSafeExternalUrl(url: string | undefined | null): boolean {
  return safeExternalUrl(url) !== null;
}

/**
 * The file under `root` that an app:// request asks for, or null when it is not ours or would leave
 * `root`: other hosts, `..` segments (also percent-encoded), absolute or drive paths, backslashes,
 * NUL bytes. `p` is the path flavour (path.win32 in tests, to check Windows rules on Linux).
 */
export function resolveAppFile(root: string, url: string, p: path.PlatformPath = path): string | null {
  const u = parse(url);
  if (!u || !isAppUrl(url)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  rel = rel.slice(1);
  if (rel.includes('\0') || rel.includes('\\') || rel.includes(':')) return null;
  const segments = rel.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return null;
  if (p.isAbsolute(rel)) return null;
  const base = p.resolve(root);
  const file = p.resolve(base, ...segments);
  return file.startsWith(base + p.sep) ? file : null;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
