/**
 * Browser mode in Chromium: start `electron/web/cli.ts` on a copy of the archive, time the first
 * screen with data (the dashboard) and the visits list (its first rows; from navigation to the list
 * scrolled to the bottom with the last rows' data shown), check scrolling for blank frames (rows still
 * placeholders), drive some API traffic, and read the server's peak memory (VmHWM) from /proc.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { stats, type Timing } from './measure';
import { spawnWebServer } from '../../electron/testing/web-server';

const ROOT = path.resolve(__dirname, '../..');
// The same flags as playwright.config.ts.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserReport {
  serverStartMs: number;
  firstScreen: Timing;
  /** Each round's time, in order (the first round meets a server that has just started). */
  firstScreenSamples: number[];
  visitsFirstPage: Timing;
  /** From navigation to the list scrolled to its bottom with the last rows' data visible. */
  visitsBottom: Timing;
  visitsTotal: number;
  scroll: ScrollReport;
  serverPeakRssMb: number;
  serverRssMb: number;
}

/**
 * Blank frames while scrolling the virtual list. `flick`: steps of a few rows, one per animation frame
 * (a fast wheel or touchpad scroll), each frame counted as blank when a row in view is still a
 * placeholder. `jumps`: the scroll bar dragged to places not yet fetched; how long until their rows show.
 */
export interface ScrollReport { flickFrames: number; flickBlankFrames: number; jumps: Timing; jumpsBlankAfter100ms: number }

const LIST = '[role="table"][aria-label="督导记录列表"]';

/**
 * Runs in the page: scroll the list and sample the rows in view after each frame. Plain JavaScript
 * in a string: tsx's helpers (__name) would not exist in the page if a compiled function were passed.
 */
const SCROLL_CHECK = `async (sel) => {
  const el = document.querySelector(sel);
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const blankInView = () => {
    const top = el.getBoundingClientRect().top + 40; // below the sticky header
    const bottom = el.getBoundingClientRect().bottom;
    const rows = [...el.querySelectorAll('[data-index]')];
    for (const row of rows) {
      const r = row.getBoundingClientRect();
      if (r.bottom > top && r.top < bottom && row.hasAttribute('data-placeholder')) return true;
    }
    // A gap where no row is drawn at all is blank too.
    return !rows.some((row) => { const r = row.getBoundingClientRect(); return r.top <= top + 1 && r.bottom > top; });
  };
  // A flick: 5 rows a frame for 300 frames, starting at a third of the list once its rows show.
  el.scrollTop = Math.floor(el.scrollHeight / 3);
  for (let i = 0; i < 100 && blankInView(); i++) await new Promise((r) => setTimeout(r, 50));
  let frames = 0;
  let blank = 0;
  for (let i = 0; i < 300; i++) {
    el.scrollTop += 240;
    await frame();
    frames++;
    if (blankInView()) blank++;
  }
  // Jumps: ten places spread over the list, each waited for until its rows show (at most 5 s).
  const jumps = [];
  let late = 0;
  for (let j = 0; j < 10; j++) {
    el.scrollTop = Math.floor(el.scrollHeight * ((j * 0.37 + 0.05) % 1));
    const t = performance.now();
    await frame();
    while (blankInView() && performance.now() - t < 5000) await frame();
    const ms = performance.now() - t;
    jumps.push(ms);
    if (ms > 100) late++;
  }
  return { frames, blank, jumps, late };
}`;

function vm(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+) kB`));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function startServer(dataDir: string, staticDir: string): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const t = performance.now();
  const { child, url } = await spawnWebServer(dataDir, { env: { DUDAO_STATIC_DIR: staticDir }, timeoutMs: 60_000 });
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
    const visitsBottom: number[] = [];
    let visitsTotal = 0;
    let scroll: ScrollReport = { flickFrames: 0, flickBlankFrames: 0, jumps: stats([0]), jumpsBlankAfter100ms: 0 };
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
      const table = page.locator(LIST);
      await table.locator('[role="row"][data-index="0"]:not([data-placeholder])').waitFor({ timeout: 30_000 });
      visitsFirst.push(performance.now() - t);

      // A fresh page again, then from navigation: the list scrolled to its very bottom (the deepest
      // offset), until the last row shows its data.
      await page.goto(`${origin}/?token=${token}#/`);
      await page.locator('a[title$="点击查看明细"]').first().waitFor({ state: 'visible', timeout: 30_000 });
      t = performance.now();
      await page.goto(`${origin}/?token=${token}#/visits`);
      await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('aria-rowcount')) > 1, LIST, { timeout: 30_000 });
      await table.evaluate((el) => { el.scrollTop = el.scrollHeight; });
      visitsTotal = Number(await table.getAttribute('aria-rowcount')) - 1;
      await table.locator(`[role="row"][aria-rowindex="${visitsTotal + 1}"]:not([data-placeholder])`).waitFor({ timeout: 30_000 });
      visitsBottom.push(performance.now() - t);
      if (r === 0) {
        fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
        await page.screenshot({ path: path.join(ROOT, 'bench-results', 'visits-bottom.png') });
        const check = await page.evaluate(`(${SCROLL_CHECK})(${JSON.stringify(LIST)})`) as { frames: number; blank: number; jumps: number[]; late: number };
        scroll = { flickFrames: check.frames, flickBlankFrames: check.blank, jumps: stats(check.jumps), jumpsBlankAfter100ms: check.late };
      }
      await context.close();
    }
    await traffic(origin, token);
    return {
      serverStartMs: ms, firstScreen: stats(first), firstScreenSamples: first.map(Math.round), visitsFirstPage: stats(visitsFirst), visitsBottom: stats(visitsBottom),
      visitsTotal, scroll, serverPeakRssMb: vm(child.pid!, 'VmHWM'), serverRssMb: vm(child.pid!, 'VmRSS'),
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
