import { test as base, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawnWebServer } from '../electron/testing/web-server';
import type { FileRef, JobStarted, JobState, UploadKind, Uploaded } from '../shared/schemas/files';

export interface AppServer {
  url: string;
  token: string;
  dataDir: string;
  /** Call a channel directly over HTTP (for setting up or checking state). */
  api<T = unknown>(channel: string, input?: unknown): Promise<T>;
  /** Follow a job a channel started to its end (its result), as the page does with jobs.get. */
  job<T>(started: JobStarted<T> | Promise<JobStarted<T>>): Promise<T>;
  /** Fetch an offered file once, as the page's download link does (GET /files/<id>?sig=…). */
  download(ref: FileRef | Promise<FileRef>): Promise<Buffer>;
  /** Send a file as the page does (POST /upload, the file as the body). */
  upload(kind: UploadKind, fileName: string, bytes: Buffer): Promise<Uploaded>;
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
    async job<T>(started: JobStarted<T> | Promise<JobStarted<T>>) {
      const { jobId } = await started;
      for (;;) {
        const s = await server.api<JobState>('jobs.get', { jobId });
        if (s.state === 'done') return s.result as T;
        if (s.state === 'failed' || s.state === 'canceled') throw new Error(s.error?.message ?? s.state);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async download(ref: FileRef | Promise<FileRef>) {
      const { fileId } = await ref;
      const sig = crypto.createHmac('sha256', token).update(fileId).digest('hex');
      const res = await fetch(`${origin}/files/${fileId}?sig=${sig}`);
      if (res.status !== 200) throw new Error(await res.text());
      return Buffer.from(await res.arrayBuffer());
    },
    async upload(kind: UploadKind, fileName: string, bytes: Buffer) {
      const res = await fetch(`${origin}/upload?kind=${kind}&name=${encodeURIComponent(fileName)}`, {
        method: 'POST', headers: { 'x-dudao-token': token }, body: new Uint8Array(bytes),
      });
      const body = await res.json() as { ok: boolean; data: Uploaded; error?: { message: string } };
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
