/**
 * npm run bench [-- --years N] [--small] [--fresh] [--no-browser] [--no-operations] [--iterations N] [--out DIR]
 *
 * Measures the app on the user's path: a copy of a generated archive (a ten-year county with 300
 * photos of 1 MB, see bench/generate.ts; cached in the temp folder) served by the real browser-mode
 * server and called over HTTP exactly as the page calls it, the long operations run as jobs and their
 * files downloaded, the page itself in Chromium at the office's window sizes, and the server's memory
 * sampled through all of it. Every figure, how it is measured and its target: bench/figures.ts.
 * Writes DIR/bench.json ([{name, value, unit, target, ok}]), DIR/bench-details.json (timings, plans of the
 * misses, memory by phase) and DIR/server.log, and the page's screenshots; it ends with
 * the line `bench: N passed, M failed`. Not part of `npm test` (scripts/bench.test.ts runs it small).
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../electron/api';
import { openStore } from '../electron/store/store';
import { benchParams, ensureArchive, type BenchParams } from './bench/generate';
import { apiCases, figure, KINDS, type CaseContext, type Figure } from './bench/figures';
import { capture, interleaved, plans, replay, stats, type Captured, type Timing } from './bench/measure';
import { BenchServer, MemoryWatch } from './bench/server';
import { browserBench } from './bench/browser';
import { longOperations } from './bench/operations';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const ROOT = path.resolve(__dirname, '..');
const SMALL = flag('small');
const YEARS = Number(option('years') ?? 10);
const ITER = Number(option('iterations') ?? (SMALL ? 5 : 40));
const OUT = path.resolve(ROOT, option('out') ?? (YEARS === 10 ? 'bench-results' : `bench-results/years-${YEARS}`));
/** Server starts, and fresh browsers per window size for the first screen (the smoke test's small run: one of each). */
const STARTS = SMALL ? 1 : 3;
const ROUNDS = SMALL ? 1 : 3;
const log = (s: string) => console.log(s);
const started = performance.now();
/** A phase's heading, with the time since the start (the whole run takes a while). */
const section = (s: string) => log(`\n[${Math.round((performance.now() - started) / 1000)} 秒] ${s}`);

interface Details {
  at: string; machine: Record<string, unknown>; params: BenchParams; archive: unknown; iterations: number;
  api: Record<string, { channel: string; input: unknown; layer: Timing; raw: Timing; floor: Timing; plan?: string[] }>;
  operations: Record<string, unknown>; memory: Record<string, { peakMb: number; samples: number }>;
}

async function main() {
  if (!Number.isInteger(YEARS) || YEARS < 1 || YEARS > 30) throw new Error(`--years 应为 1 到 30 的整数：${option('years')}`);
  const params = benchParams({ years: YEARS, small: SMALL });
  const archive = await ensureArchive(params, { fresh: flag('fresh'), log });
  const browser = !flag('no-browser');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-bench-run-'));
  const staticDir = path.join(work, 'renderer');
  const dataDir = path.join(work, '档案');
  const figures: Figure[] = [];
  const details: Details = {
    at: new Date().toISOString(), machine: { loadBefore: os.loadavg(), cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryMb: Math.round(os.totalmem() / 1048576), node: process.version },
    params, archive, iterations: ITER, api: {}, operations: {}, memory: {},
  };
  fs.mkdirSync(OUT, { recursive: true });
  const serverLog = path.join(OUT, 'server.log');
  fs.rmSync(serverLog, { force: true });
  const watch = new MemoryWatch();
  let server: BenchServer | null = null;
  try {
    if (browser) buildRenderer(staticDir);
    section(`复制档案到 ${dataDir} …`);
    fs.mkdirSync(dataDir);
    fs.copyFileSync(path.join(archive.folder, 'archive.db'), path.join(dataDir, 'archive.db'));
    fs.cpSync(path.join(archive.folder, 'attachments'), path.join(dataDir, 'attachments'), { recursive: true });

    section('记录每项调用执行的 SQL …');
    const { context, captured } = await captureStatements(dataDir, params);
    const cases = apiCases(context);

    // ---- Server start: the first one also takes the day's automatic backup in the background.
    section(`启动服务器（${STARTS}次）…`);
    const starts: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      watch.phase('启动');
      const s = await BenchServer.start(dataDir, staticDir, serverLog);
      server = s.server;
      starts.push(s.ms);
      watch.watch(server.pid);
      if (i === 0) {
        watch.phase('启动后自动备份');
        await waitForAutoBackup(dataDir);
      }
      if (i < STARTS - 1) { await server.stop(); watch.watch(null); }
    }
    figures.push(figure('serverStart', `服务器启动（${mb(archive.bytes)} 档案）`, stats(starts).p50));
    details.operations.serverStartsMs = starts.map(Math.round);
    const live = server!;

    // ---- Lists, searches and the dashboard over HTTP, each interleaved with its raw statements.
    watch.phase('列表、搜索与首页');
    section(`列表、搜索与首页（每项 ${ITER} 次，与原始 SQL 交替）…`);
    const raw = new Database(path.join(dataDir, 'archive.db'), { readonly: true, fileMustExist: true });
    try {
      for (const c of cases) {
        const statements = captured.get(c.name)!;
        const t = await interleaved({ layer: () => live.call(c.channel, c.input), raw: replay(raw, statements), floor: () => live.bareRoundTrip() }, ITER);
        const f = figure(c.kind, `${c.name} p95`, t.layer.p95);
        const ratio = figure('ratio', `${c.name} 对原始SQL倍数`, t.layer.p50 / (t.raw.p50 + t.floor.p50));
        figures.push(f, ratio);
        details.api[c.name] = { channel: c.channel, input: c.input, ...t, plan: f.ok && ratio.ok ? undefined : plans(raw, statements) };
        log(`  ${mark(f.ok)}${mark(ratio.ok)} ${c.name}: p95 ${t.layer.p95.toFixed(1)} ms（p50 ${t.layer.p50.toFixed(1)}，SQL p50 ${t.raw.p50.toFixed(1)}，`
          + `空请求 p50 ${t.floor.p50.toFixed(1)}，${ratio.value}×）`);
      }
    } finally {
      raw.close();
    }

    // ---- The page in Chromium.
    if (browser) {
      watch.phase('浏览器');
      section('浏览器（Chromium）…');
      const fromBrowser = await browserBench(live, {
        rounds: ROUNDS, year: context.currentYear, month: Number(context.currentMonth.slice(5)), totals: context.totals, shots: OUT,
      });
      for (const f of fromBrowser) log(`  ${mark(f.ok)} ${f.name}: ${f.value} ${f.unit}`);
      figures.push(...fromBrowser);
    }

    // ---- The long operations, each a job followed as the page follows it, its file downloaded.
    if (!flag('no-operations')) {
      section('长时间操作…');
      const done = await longOperations({ server: live, params, problems: context.totals.problems, folder: path.join(work, '下载'), watch, log });
      figures.push(...done.figures);
      details.operations = { ...details.operations, ...done.details };
    }

    // ---- Memory: every phase, the server's highest resident size.
    watch.phase('');
    for (const [phase, m] of watch.peaks) {
      figures.push(figure('rss', `服务器内存峰值：${phase}`, m.peak));
      details.memory[phase] = { peakMb: Math.round(m.peak), samples: m.samples };
    }
  } finally {
    watch.stop();
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }

  figures.unshift(figure('info', '档案大小', archive.bytes / 1048576, 'MB'), figure('info', '档案生成用时（首次）', archive.seconds, 's'));
  details.machine.loadAfter = os.loadavg();
  fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(figures, null, 2));
  fs.writeFileSync(path.join(OUT, 'bench-details.json'), JSON.stringify({ ...details, kinds: KINDS }, null, 2));
  printSummary(figures);
  log(`结果已写入 ${path.relative(ROOT, OUT) || '.'}/bench.json`);
  log(`bench: ${figures.filter((f) => f.ok === true).length} passed, ${figures.filter((f) => f.ok === false).length} failed`);
}

/**
 * On the run's copy, before the server takes it: what the cases need (totals as the lists count them,
 * ids for filters), and each case's statements, captured from its second run (the first warms caches).
 */
async function captureStatements(dataDir: string, p: BenchParams): Promise<{ context: CaseContext; captured: Map<string, Captured[]> }> {
  const a = await openStore(dataDir, { actor: 'bench' });
  try {
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(a, channel, input);
      if (!r.ok) throw new Error(`${channel} ${JSON.stringify(input)}: ${r.error.message}`);
      return r.data as T;
    };
    const total = async (channel: string) => (await call<{ total: number }>(channel, { limit: 1 })).total;
    const one = <T>(sql: string) => a.db.prepare(sql).pluck().get() as T;
    const context: CaseContext = {
      totals: {
        visits: await total('visits.list'), problems: await total('problems.list'), complaints: await total('complaints.list'),
        notices: await total('notices.list'), pieces: await total('pieces.list'), schools: await total('schools.list'),
        supervisors: await total('supervisors.list'), audit: await total('audit.list'),
      },
      schoolId: one('SELECT id FROM schools WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM schools)'),
      zoneId: one('SELECT id FROM zones WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM zones)'),
      supervisorId: one('SELECT supervisor_id FROM visit_supervisors GROUP BY supervisor_id ORDER BY count(*) DESC LIMIT 1'),
      item: one('SELECT item FROM visit_items GROUP BY item ORDER BY count(*) ASC LIMIT 1'),
      fullYear: p.packageYear, currentYear: p.lastYear, currentMonth: p.today.slice(0, 7),
    };
    const captured = new Map<string, Captured[]>();
    for (const c of apiCases(context)) {
      await call(c.channel, c.input);
      captured.set(c.name, await capture(a.db, () => call(c.channel, c.input)));
    }
    return { context, captured };
  } finally {
    a.close();
  }
}

/** The automatic backup starts a few seconds after the server; wait until its file has stopped growing. */
async function waitForAutoBackup(dataDir: string): Promise<void> {
  const dir = path.join(dataDir, 'backups');
  let last = -1;
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('自动-'));
    const size = files.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
    if (files.length && size === last) return;
    last = size;
  }
  throw new Error('自动备份没有在5分钟内完成');
}

/** This run's own build of the page (a few seconds; parallel runs never share one). */
function buildRenderer(dir: string): void {
  section('构建界面（vite build）…');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'],
    { cwd: ROOT, stdio: 'inherit' });
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const mark = (ok: boolean | null) => (ok === null ? '·' : ok ? '✓' : '✗');

/** The figures by kind of target: the misses in full, the passes counted. */
function printSummary(figures: Figure[]): void {
  section('结果（未达标的和仅供参考的）');
  for (const f of figures.filter((x) => x.ok !== true)) {
    log(`${mark(f.ok)} ${f.name}: ${f.value} ${f.unit}${f.target === null ? '' : `（目标 < ${f.target} ${f.unit}）`}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
