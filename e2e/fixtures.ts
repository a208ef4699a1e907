import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AppServer {
  url: string;
  token: string;
  dataDir: string;
  /** Call a channel directly over HTTP (for setting up or checking state). */
  api<T = unknown>(channel: string, input?: unknown): Promise<T>;
}

/** Start `electron/web/cli.ts` over a fresh temp archive and wait for its one-line URL. */
export async function startServer(): Promise<{ server: AppServer; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [require.resolve('tsx/cli'), 'electron/web/cli.ts', '--data', dataDir, '--port', '0'], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)); });
  });
  const token = new URL(url).searchParams.get('token')!;
  const origin = new URL(url).origin;
  const server: AppServer = {
    url, token, dataDir,
    async api<T>(channel: string, input: unknown = {}) {
      const res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-dudao-token': token }, body: JSON.stringify(input),
      });
      const body = await res.json() as { ok: boolean; data: T; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message);
      return body.data;
    },
  };
  return {
    server,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SHOTS = path.resolve(__dirname, '..', 'e2e-artifacts');

/** Keep a screenshot as a test artifact (e2e-artifacts/NAME.png) for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** `app`: a server over a fresh archive; `demo`: the same, initialised with the demo county. */
export const test = base.extend<{ app: AppServer; demoApp: AppServer }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const s = await startServer();
    await use(s.server);
    await s.stop();
  },
  // eslint-disable-next-line no-empty-pattern
  demoApp: async ({}, use) => {
    const s = await startServer();
    await s.server.api('archive.initialize', { mode: 'demo' });
    await use(s.server);
    await s.stop();
  },
});
export { expect };
