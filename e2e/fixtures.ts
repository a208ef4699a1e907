import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnWebServer } from '../electron/testing/web-server';

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
  const { child, url } = await spawnWebServer(dataDir);
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
    await s.server.api('dataFolder.initialize', { mode: 'demo' });
    await use(s.server);
    await s.stop();
  },
});
export { expect };
