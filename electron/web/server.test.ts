import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { startWebServer, type WebServer } from './server';

let store: Awaited<ReturnType<typeof tempStore>>;
let server: WebServer;
let staticDir: string;
let origin: string;

beforeAll(async () => {
  store = await tempStore();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>督导档案</title>');
  server = await startWebServer({ store, staticDir });
  origin = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  store.dispose();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

function post(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser mode server', () => {
  it('binds to 127.0.0.1 and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('answers a request with the token from our own origin', async () => {
    const res = await post('dataFolder.status', {}, { 'x-dudao-token': server.token, origin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, data: { folder: store.dataFolder } });
  });

  it('refuses a request without the token or with a wrong one', async () => {
    expect((await post('dataFolder.status', {})).status).toBe(401);
    expect((await post('dataFolder.status', {}, { 'x-dudao-token': 'x'.repeat(48) })).status).toBe(401);
    expect(await (await post('dataFolder.status', {})).text()).toContain('令牌');
  });

  it('refuses a request from another origin even with the token', async () => {
    const res = await post('dataFolder.status', {}, { 'x-dudao-token': server.token, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: `evil.example:${server.port}` } },
        (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.end();
    });
    expect(status).toBe(421);
  });

  it('accepts only POST on the API and answers bad JSON with a Chinese message', async () => {
    expect((await fetch(`${origin}/api/dataFolder.status`)).status).toBe(405);
    const res = await fetch(`${origin}/api/dataFolder.status`, {
      method: 'POST', headers: { 'x-dudao-token': server.token }, body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('JSON') } });
  });

  // Traversal, broken encoding and abandoned uploads are probed with raw sockets (fetch normalises
  // `/../` before sending) against the real CLI process: server.exploit.test.ts.
  it('serves the renderer with a CSP and its length', async () => {
    const res = await fetch(`${origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(Number(res.headers.get('content-length'))).toBe(fs.statSync(path.join(staticDir, 'index.html')).size);
    expect(await res.text()).toContain('督导档案');
    expect((await fetch(`${origin}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers an unknown channel with a Chinese not-found error', async () => {
    const res = await post('nope.nothing', {}, { 'x-dudao-token': server.token });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('nope.nothing') } });
  });
});
