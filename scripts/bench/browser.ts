/**
 * The page in Chromium, at the office's window sizes: the first screen with data in a freshly started
 * browser (each round launches a new one: no cache, no warm process), then the two long lists the way
 * a user goes through them — opened from the menu, scrolled to the middle and to the end (the scroll
 * bar dragged there) until those rows show their data — and blank frames while scrolling fast.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { figure, WINDOWS, type Figure } from './figures';
import { stats } from './measure';
import type { BenchServer } from './server';

const FIGURES_SHOWN = 'a[title$="点击查看明细"]';
const LISTS = [
  { label: '督导记录', route: '/visits', table: '[role="table"][aria-label="督导记录列表"]' },
  { label: '问题台账', route: '/problems', table: '[role="table"][aria-label="问题台账"]' },
];

/**
 * Runs in the page: the list scrolled 5 rows a frame for 300 frames from a third of the way down,
 * counting frames where a row in view is still a placeholder. Plain JavaScript in a string: tsx's
 * helpers (__name) would not exist in the page if a compiled function were passed.
 */
const FLICK = `async (sel) => {
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
    return !rows.some((row) => { const r = row.getBoundingClientRect(); return r.top <= top + 1 && r.bottom > top; });
  };
  el.scrollTop = Math.floor(el.scrollHeight / 3);
  for (let i = 0; i < 100 && blankInView(); i++) await new Promise((r) => setTimeout(r, 50));
  let blank = 0;
  for (let i = 0; i < 300; i++) {
    el.scrollTop += 240;
    await frame();
    if (blankInView()) blank++;
  }
  return blank;
}`;

/** Scroll the list so row `index` (from 0) is at the top and wait until it shows its data; ms taken. */
async function jumpTo(page: Page, table: string, index: number): Promise<number> {
  const t = performance.now();
  await page.locator(table).evaluate((el, i) => {
    const row = el.querySelector('[role="row"][data-index]') as HTMLElement;
    el.scrollTop = 40 + i * row.getBoundingClientRect().height;
  }, index);
  await page.locator(`${table} [role="row"][aria-rowindex="${index + 2}"]:not([data-placeholder])`).waitFor({ timeout: 30_000 });
  return performance.now() - t;
}

export async function browserBench(server: BenchServer, opts: {
  rounds: number; year: number; month: number; totals: Record<string, number>; shots: string;
}): Promise<Figure[]> {
  const out: Figure[] = [];
  fs.mkdirSync(opts.shots, { recursive: true });
  for (const size of WINDOWS) {
    const tag = `${size.width}×${size.height}`;
    const samples = new Map<string, number[]>();
    const add = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
    let blankFrames = 0;
    for (let r = 0; r < opts.rounds; r++) {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      try {
        const page = await (await browser.newContext({ locale: 'zh-CN', viewport: size })).newPage();
        let t = performance.now();
        await page.goto(`${server.url}#/dashboard?year=${opts.year}&month=${opts.month}`);
        await page.locator(FIGURES_SHOWN).first().waitFor({ state: 'visible', timeout: 30_000 });
        add('首屏', performance.now() - t);
        if (r === 0) await page.screenshot({ path: path.join(opts.shots, `首页-${tag}.png`) });

        for (const list of LISTS) {
          const total = list.route === '/visits' ? opts.totals.visits : opts.totals.problems;
          t = performance.now();
          await page.evaluate(`location.hash = '#${list.route}'`); // as a click in the menu: no reload
          await page.locator(`${list.table} [role="row"][data-index="0"]:not([data-placeholder])`).waitFor({ timeout: 30_000 });
          add(`${list.label} 打开到首行`, performance.now() - t);
          for (const index of [30_000, 60_000].filter((i) => i < total - 20)) add(`${list.label} 跳到第${index}行`, await jumpTo(page, list.table, index));
          add(`${list.label} 跳到末行`, await jumpTo(page, list.table, total - 1));
          if (r === 0) await page.screenshot({ path: path.join(opts.shots, `${list.label}-末页-${tag}.png`) });
          if (r === 0 && list.route === '/visits') blankFrames = await page.evaluate(`(${FLICK})(${JSON.stringify(list.table)})`) as number;
        }
      } finally {
        await browser.close();
      }
    }
    for (const [name, ms] of samples) {
      const kind = name === '首屏' ? 'firstScreen' : 'browser';
      out.push(figure(kind, `${name === '首屏' ? '首屏有数据（新启动的浏览器）' : name} ${tag}`, stats(ms).p50));
    }
    out.push(figure('frames', `督导记录 快速滚动空白帧（共300帧） ${tag}`, blankFrames));
  }
  return out;
}
