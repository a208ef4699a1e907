import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Duplex } from 'node:stream';
import { PassThrough, pipeline } from 'node:stream';
import type { Store } from '../store/store';
import { dispatch } from '../api';
import { toApiError } from '../api/errors';
import { transfers, TooLarge } from '../transfer/transfers';
import { AppError } from '../../shared/result';
import { FILE_ID, UPLOAD_KIND_NAMES, type UploadKind } from '../../shared/schemas/files';

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

const BAD_PATH = '请求的地址无效（编码有误或含有不允许的字符）。';
const BAD_CHANNEL = '请求的接口名称无效（编码有误）。';
const INTERNAL = '服务器内部错误，本次请求没有完成；督导档案仍在运行，请刷新页面后重试。';

/**
 * The request being answered, for the last-resort handler (installLastResort): an error thrown
 * anywhere in a request's work, however deep or late, is known to belong to that request.
 */
interface RequestScope { res: http.ServerResponse; what: string }
const requestScope = new AsyncLocalStorage<RequestScope>();

/** Thrown while reading a request body the client abandoned: nobody is left to answer. */
class ClientGone extends Error {}

/**
 * Browser mode: the built renderer and `POST /api/<channel>` on 127.0.0.1 only. Every API request
 * needs the per-launch token, and a browser request must come from our own origin. Files travel
 * beside the API, never inside it: `POST /upload?kind=…&name=…` streams a request body into the
 * archive's temporary folder (token and origin as for the API; size limit enforced while it streams),
 * and `GET /files/<fileId>?sig=…` fetches an offered file once, `sig` being the HMAC-SHA256 of the id
 * under the token (a link can carry no header, and the token itself never goes into a URL).
 *
 * No request may stop the server: every request runs in one guarded promise chain (bad encoding 400, a body
 * the client abandons is dropped, anything else 500 with a Chinese message); request lines Node's
 * parser cannot read get a 400 from the clientError handler; and cli.ts installs installLastResort
 * for what escapes a request's own promise chain (an emitter's 'error' or a timer in its work).
 */
export async function startWebServer(opts: {
  store: Store; staticDir: string; port?: number; token?: string;
  /** Tests only: answer API calls with this instead of the handler table. */
  dispatch?: typeof dispatch;
}): Promise<WebServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const staticRoot = path.resolve(opts.staticDir);
  const answer = opts.dispatch ?? dispatch;
  let origin = '';

  const server = http.createServer((req, res) => {
    res.on('error', (e) => console.error(`[web] response to ${req.method} ${req.url}:`, e.message));
    requestScope.run({ res, what: `${req.method} ${req.url}` }, () => {
      route(req, res).catch((e: unknown) => failed(req, res, e));
    });
  });

  // A request Node's parser rejects (broken request line or headers, a body longer than announced
  // running into the next request): answer 400 in Chinese if the connection is still open.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: never write into a response already under way on this connection.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return void socket.destroy();
    const [status, text] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : [400, 'Bad Request'];
    const body = Buffer.from(status === 408 ? '请求超时。' : status === 431 ? '请求头过大。' : '无法解析的请求。');
    socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString('latin1')}`, 'latin1');
  });
  server.on('error', (e) => console.error('[web] server error:', e));

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page on another site could point a DNS name at 127.0.0.1: only our own Host is served.
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, '请求的主机名不正确。');
    const target = requestPath(req.url);
    if (target === null) return send(res, 400, BAD_PATH);
    if (target.startsWith('/api/')) return handleApi(req, res, target.slice(5));
    if (target === '/upload') return handleUpload(req, res);
    if (target.startsWith('/files/')) return handleDownload(req, res, target.slice('/files/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '不支持的请求方法。');
    serveStatic(req, res, target);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, rawChannel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, '接口只接受 POST 请求。');
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) return send(res, 403, '拒绝来自其他网站的请求。');
    const given = String(req.headers[TOKEN_HEADER] ?? '');
    if (!safeEqual(given, token)) return send(res, 401, '缺少或错误的访问令牌，请使用启动时显示的完整地址打开。');
    const channel = decodePath(rawChannel);
    if (channel === null) return json(res, 400, { ok: false, error: { code: 'invalid', message: BAD_CHANNEL } });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) return tooLarge(req, res);
    const body = await readBody(req);
    if (body === null) return tooLarge(req, res);
    let input: unknown;
    try {
      const text = body.toString('utf8');
      input = text ? JSON.parse(text) : undefined;
    } catch {
      return json(res, 400, { ok: false, error: { code: 'invalid', message: '请求内容不是有效的 JSON。' } });
    }
    json(res, 200, await answer(opts.store, channel, input));
  }

  /** Token and origin, as every API call: false when refused (answered already). */
  function trusted(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) return send(res, 403, '拒绝来自其他网站的请求。'), false;
    const given = String(req.headers[TOKEN_HEADER] ?? '');
    if (!safeEqual(given, token)) return send(res, 401, '缺少或错误的访问令牌，请使用启动时显示的完整地址打开。'), false;
    return true;
  }

  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, '上传只接受 POST 请求。');
    if (!trusted(req, res)) return refuseBody(req, res);
    const query = new URL(req.url!, 'http://127.0.0.1').searchParams;
    const kind = query.get('kind') ?? '';
    const name = query.get('name') ?? '';
    if (!(UPLOAD_KIND_NAMES as string[]).includes(kind) || !name) {
      return json(res, 400, { ok: false, error: { code: 'invalid', message: '上传请求缺少文件用途或文件名。' } }), refuseBody(req, res);
    }
    // A client leaving half-way ends the body with an error, so the partial file is removed.
    const body = new PassThrough();
    body.on('error', () => {}); // seen by receive's pipeline while it runs; after it, nobody needs it
    req.on('error', (e) => body.destroy(e));
    req.on('close', () => { if (!req.complete) body.destroy(new ClientGone('client left during the upload')); });
    req.pipe(body);
    try {
      opts.store.lock.assertHeld();
      const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
      const data = await transfers(opts.store).receive(kind as UploadKind, body, name, { declaredSize: declared });
      json(res, 200, { ok: true, data });
    } catch (e) {
      if (e instanceof ClientGone || !(e instanceof AppError)) throw e;
      json(res, e instanceof TooLarge ? 413 : 400, { ok: false, error: toApiError(e) });
      refuseBody(req, res);
    }
  }

  async function handleDownload(req: http.IncomingMessage, res: http.ServerResponse, rawId: string): Promise<void> {
    if (req.method !== 'GET') return send(res, 405, '下载只接受 GET 请求。');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, '拒绝来自其他网站的请求。');
    const fileId = decodePath(rawId) ?? '';
    if (!FILE_ID.test(fileId)) return send(res, 404, '没有这个文件。');
    const sig = new URL(req.url!, 'http://127.0.0.1').searchParams.get('sig') ?? '';
    if (!safeEqual(sig, downloadSignature(token, fileId))) return send(res, 403, '下载凭证无效，请在督导档案的页面中重新下载。');
    try {
      opts.store.lock.assertHeld();
    } catch (e) {
      return send(res, 409, (e as Error).message); // the data folder is no longer ours: say whose it is
    }
    const got = transfers(opts.store).take(fileId);
    if ('refused' in got) {
      return got.refused === 'unknown' ? send(res, 404, '没有这个文件：下载在导出后15分钟内有效，程序重新启动后也会失效。请重新导出。')
        : send(res, 410, '这个文件已经下载过一次，请重新导出或重新点击下载。');
    }
    const { offer } = got;
    const stat = fs.statSync(offer.path, { throwIfNoEntry: false });
    if (!stat) return send(res, 404, '文件已不在档案文件夹中（可能被移走或删除），请重新导出。');
    res.writeHead(200, {
      'content-type': offer.ref.mime,
      'content-length': stat.size,
      'content-disposition': contentDisposition(offer.ref.fileName),
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    pipeline(fs.createReadStream(offer.path), res, (e) => {
      transfers(opts.store).delivered(offer);
      if (e && e.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`[web] download ${offer.ref.fileName}:`, e.message);
    });
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const rel = decodePath(pathname === '/' ? '/index.html' : pathname);
    // Names the build produces never hold NUL, backslashes or colons (Windows separators, drives,
    // alternate data streams): refuse them instead of letting the file system interpret them.
    if (rel === null || /[\0\\:]/.test(rel)) return send(res, 400, BAD_PATH);
    const file = path.resolve(staticRoot, '.' + rel);
    if (!file.startsWith(staticRoot + path.sep)) return send(res, 404, '找不到页面。');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return send(res, 404, '找不到页面。');
    }
    if (!stat.isFile()) return send(res, 404, '找不到页面。');
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    // pipeline: a read error or a client leaving mid-file ends both streams, never an unhandled 'error'.
    pipeline(fs.createReadStream(file), res, (e) => {
      if (e && e.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error(`[web] ${file}:`, e.message);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
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

/** The path of an origin-form request target (`/…`, query dropped), or null for anything else. */
function requestPath(url: string | undefined): string | null {
  if (!url || !url.startsWith('/')) return null;
  try {
    // The URL parser resolves `.`/`..` segments (also `%2e`) and reads backslashes as slashes.
    return new URL(url, 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

/** Percent-decoded text, or null when the encoding is broken. */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The whole body, null past MAX_BODY; throws ClientGone when the client leaves before the end. */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const gone = () => reject(new ClientGone('client left during the upload'));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.pause();
        return resolve(null);
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', gone);
    req.on('close', () => { if (!req.complete) gone(); });
  });
}

/** 413, then close the connection: the rest of the body is never read. */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('connection', 'close');
  res.on('finish', () => req.destroy());
  send(res, 413, '请求内容过大。');
}

/** After an answer that did not read the body: close the connection once the answer is out. */
function refuseBody(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.complete) return;
  if (res.writableFinished) return void req.destroy();
  res.on('finish', () => req.destroy());
}

/** The `sig` of a download URL: HMAC-SHA256 of the file id under the launch token, hex. */
export function downloadSignature(token: string, fileId: string): string {
  return crypto.createHmac('sha256', token).update(fileId).digest('hex');
}

/** `attachment` with the name in UTF-8 (RFC 6266 / 5987) and a plain ASCII fallback for old clients. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Whatever went wrong with one request: 500 if it can still be answered, otherwise drop it. */
function failed(req: http.IncomingMessage, res: http.ServerResponse, e: unknown): void {
  if (e instanceof ClientGone || (req.destroyed && !req.complete)) return void res.destroy();
  console.error(`[web] ${req.method} ${req.url} failed:`, e);
  answerFailure(res);
}

function answerFailure(res: http.ServerResponse): void {
  if (res.writableFinished) return; // answered already; the failure came later
  if (res.headersSent || res.destroyed) return void res.destroy();
  res.setHeader('connection', 'close');
  send(res, 500, INTERNAL);
}

/**
 * The last resort for browser mode's process (cli.ts): an error that escapes everything else is
 * logged with its stack. If it arose in a request's work (requestScope), that request gets a 500 and
 * the server goes on serving. Anything else is a bug outside request handling: it is logged and
 * `onFatal` runs (the CLI closes the archive, releasing its lock, and exits non-zero), as Node would
 * exit, so such bugs are never silently swallowed.
 */
export function installLastResort(onFatal: (e: unknown) => void): void {
  process.on('uncaughtException', (e, origin) => {
    const scope = requestScope.getStore();
    if (scope) {
      console.error(`[web] ${origin} while answering ${scope.what}; the server keeps running:`, e);
      answerFailure(scope.res);
      return;
    }
    console.error(`[web] ${origin} outside any request; stopping:`, e);
    onFatal(e);
  });
}

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

// Both do nothing once the client is gone or an answer has started (a late failure cannot answer twice).
function send(res: http.ServerResponse, status: number, message: string) {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(message);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  if (res.headersSent || res.destroyed) return;
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': bytes.length });
  res.end(bytes);
}
