/**
 * Browser mode in Chromium: start `electron/web/cli.ts` on a copy of the archive, time the first
 * screen with data (the dashboard) and the visits list (first page, then paging to the last page),
 * drive some API traffic, and read the server's peak memory (VmHWM) from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { stats, type Timing } from './measure';

const ROOT = path.resolve(__dirname, '../..');
// The same flags as playwright.config.ts.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserReport {
  serverStartMs: number;
  firstScreen: Timing;
  visitsFirstPage: Timing;
  visitsLastPage: Timing;
  visitsPages: number;
  serverPeakRssMb: number;
  serverRssMb: number;
}

function vm(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function startServer(dataDir: string, staticDir: string): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const t = performance.now();
  // `node --import tsx` so the child's pid is the server itself (the tsx CLI would add a wrapper process).
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--data', dataDir, '--port', '0'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DUDAO_STATIC_DIR: staticDir },
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)); });
  });
  return { child, url, ms: performance.now() - t };
}

/** The start-up backup copies the whole archive; wait until its file stops growing so it does not skew timings. */
async function waitForBackup(dataDir: string): Promise<void> {
  const dir = path.join(dataDir, 'backups');
  let last = -1;
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.db')) : [];
    const size = files.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
    if (files.length && size === last) return;
    last = size;
  }
}

export async function browserBench(archiveDir: string, runDir: string, staticDir: string, rounds: number,
  traffic: (origin: string, token: string) => Promise<void>): Promise<BrowserReport> {
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  fs.copyFileSync(path.join(archiveDir, 'archive.db'), path.join(runDir, 'archive.db'));
  const { child, url, ms } = await startServer(runDir, staticDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await waitForBackup(runDir);
    const origin = new URL(url).origin;
    const token = new URL(url).searchParams.get('token')!;
    const first: number[] = [];
    const visitsFirst: number[] = [];
    const visitsLast: number[] = [];
    let pages = 0;
    for (let r = 0; r < rounds; r++) {
      // A fresh context each round: nothing cached, as when the app starts.
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      let t = performance.now();
      await page.goto(url);
      await page.locator('a[title$="点击查看明细"]').first().waitFor({ state: 'visible', timeout: 30_000 });
      first.push(performance.now() - t);

      t = performance.now();
      await page.goto(`${origin}/?token=${token}#/visits`);
      const table = page.getByRole('table', { name: '督导记录列表' });
      await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
      visitsFirst.push(performance.now() - t);

      // The list is paged (30 a page), not virtualised: jump to the last page, the deepest OFFSET.
      const buttons = page.locator('.mantine-Pagination-control');
      const lastNumber = buttons.filter({ hasText: /^\d+$/ }).last();
      pages = Number(await lastNumber.textContent());
      const firstRow = await table.locator('tbody tr').first().textContent();
      t = performance.now();
      await lastNumber.click();
      await page.waitForFunction(([sel, before]) => {
        const row = document.querySelector(sel);
        return row && row.textContent !== before;
      }, ['table[aria-label="督导记录列表"] tbody tr', firstRow ?? ''] as const, { timeout: 30_000 });
      visitsLast.push(performance.now() - t);
      if (r === 0) {
        fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
        await page.screenshot({ path: path.join(ROOT, 'bench-results', 'visits-last-page.png') });
      }
      await context.close();
    }
    await traffic(origin, token);
    return {
      serverStartMs: ms, firstScreen: stats(first), visitsFirstPage: stats(visitsFirst), visitsLastPage: stats(visitsLast),
      visitsPages: pages, serverPeakRssMb: vm(child.pid!, 'VmHWM'), serverRssMb: vm(child.pid!, 'VmRSS'),
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
