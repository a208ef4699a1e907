import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/store';
import { dispatch } from '../api';

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json',
};
const MAX_BODY = 40 * 1024 * 1024;
export const TOKEN_HEADER = 'x-dudao-token';

/**
 * Browser mode: the built renderer and `POST /api/<channel>` on 127.0.0.1 only. Every API request
 * needs the per-launch token, and a browser request must come from our own origin.
 */
export async function startWebServer(opts: { store: Store; staticDir: string; port?: number; token?: string }): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const staticRoot = path.resolve(opts.staticDir);
  let origin = '';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A page on another site could point a DNS name at 127.0.0.1: only our own Host is served.
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, '请求的主机名不正确。');
    if (url.pathname.startsWith('/api/')) return void handleApi(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '不支持的请求方法。');
    serveStatic(res, url.pathname);
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    if (req.method !== 'POST') return send(res, 405, '接口只接受 POST 请求。');
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) return send(res, 403, '拒绝来自其他网站的请求。');
    const given = String(req.headers[TOKEN_HEADER] ?? '');
    if (!safeEqual(given, token)) return send(res, 401, '缺少或错误的访问令牌，请使用启动时显示的完整地址打开。');
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, '请求内容过大。');
      chunks.push(chunk as Buffer);
    }
    let input: unknown;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      input = text ? JSON.parse(text) : undefined;
    } catch {
      return json(res, 400, { ok: false, error: { code: 'invalid', message: '请求内容不是有效的 JSON。' } });
    }
    json(res, 200, await dispatch(opts.store, decodeURIComponent(channel), input));
  }

  function serveStatic(res: http.ServerResponse, pathname: string) {
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(staticRoot, '.' + rel);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(res, 404, '找不到页面。');
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function send(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
