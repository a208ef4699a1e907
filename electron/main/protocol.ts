import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CSP } from '../web/server';
import { APP_SCHEME, mimeType, resolveAppFile } from './security';

/** Must run before 'ready': app:// behaves like https (standard origin, secure context, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serve the built renderer from `root` on app://dudao/, with the same CSP as browser mode; and
 * app://dudao/files/<id>, an offered file fetched once by the page (a picture to show), from `offered`.
 */
export function serveRenderer(root: string, offered: (fileId: string) => Response): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, '不支持的请求方法。');
    const files = /^app:\/\/dudao\/files\/([^/?#]*)/.exec(request.url);
    if (files) return request.method === 'GET' ? offered(files[1]) : text(405, '不支持的请求方法。');
    const file = resolveAppFile(root, request.url);
    if (!file) return text(404, '找不到页面。');
    const body = await fs.readFile(file).catch(() => null); // also reads inside app.asar
    if (!body) return text(404, '找不到页面。');
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': mimeType(file),
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
