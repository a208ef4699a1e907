import net from 'node:net';

// Raw HTTP over node:net, for probing the browser-mode server the way an attacker would: `fetch`
// (and node:http) normalise paths (`/../`, `%2e%2e`, backslashes), refuse broken request lines and
// never stop half-way through a body, so they cannot send what these tests need to send.

export interface RawResponse {
  /** The status code of the first response, or null when the server sent none. */
  status: number | null;
  headers: Record<string, string>;
  body: Buffer;
  /** Everything the server sent. */
  raw: Buffer;
}

/**
 * Send `bytes` as they are and read the first response: until its Content-Length is complete, the
 * server closes the connection, or `timeoutMs` passes. The socket is then destroyed.
 */
export function rawRequest(port: number, bytes: string | Buffer, opts: { timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseResponse(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, opts.timeoutMs ?? 3000);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (complete(Buffer.concat(chunks))) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

/**
 * Open a connection, send `bytes`, then stop as a leaving client does: `destroy` (a reset, as when a
 * tab is reloaded) or `end` (the client's side closed, e.g. fewer body bytes than announced).
 * Resolves once the socket is closed.
 */
export function sendAndLeave(port: number, bytes: string | Buffer, how: 'destroy' | 'end', afterMs = 50): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.write(bytes, () => setTimeout(() => (how === 'destroy' ? socket.destroy() : socket.end()), afterMs));
    });
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => resolve());
    setTimeout(() => socket.destroy(), afterMs + 3000);
  });
}

function headEnd(buf: Buffer): number {
  return buf.indexOf('\r\n\r\n');
}

function complete(buf: Buffer): boolean {
  const end = headEnd(buf);
  if (end < 0) return false;
  const head = buf.subarray(0, end).toString('latin1');
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (m) return buf.length - (end + 4) >= Number(m[1]);
  return /\r\ntransfer-encoding:\s*chunked/i.test(head) && buf.subarray(end).includes('\r\n0\r\n\r\n');
}

function dechunk(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(buf.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parseResponse(raw: Buffer): RawResponse {
  const end = headEnd(raw);
  const head = (end < 0 ? raw : raw.subarray(0, end)).toString('latin1');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end < 0 ? Buffer.alloc(0) : raw.subarray(end + 4);
  const length = headers['content-length'];
  if (length !== undefined) body = body.subarray(0, Number(length));
  else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status: m ? Number(m[1]) : null, headers, body, raw };
}

/** A complete request in bytes: request line, Host, the given headers, Content-Length for a body. */
export function requestBytes(method: string, target: string, port: number, headers: Record<string, string> = {}, body?: string | Buffer): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  if (body !== undefined) lines.push(`Content-Length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), payload]);
}
