import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnWebServer } from '../testing/web-server';
import { docxBomb, longDocx, manyRowsXlsx, pngHeaderOnly } from '../testing/hostile-files';
import type { ApiResult } from '../../shared/result';
import type { JobState } from '../../shared/schemas/files';

// The hostile files, through the real channels of a real browser-mode server (a child process,
// so its memory is its own): each refused with a Chinese message in under 5 s, the server's resident
// memory under 300 MB throughout (sampled from /proc every 20 ms), and the server answering afterwards.

const MB = 1024 * 1024;
let child: ChildProcess;
let base: string;
let token: string;
let folder: string;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-hostile-'));
  const started = await spawnWebServer(folder, { timeoutMs: 60_000 });
  child = started.child;
  const url = new URL(started.url);
  base = url.origin;
  token = url.searchParams.get('token')!;
  expect((await api('dataFolder.initialize', { mode: 'empty' })).ok).toBe(true);
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(folder, { recursive: true, force: true });
});

async function api<T>(channel: string, input: unknown): Promise<ApiResult<T>> {
  const res = await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'X-Dudao-Token': token }, body: JSON.stringify(input) });
  return res.json() as Promise<ApiResult<T>>;
}

async function upload(kind: string, name: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${base}/upload?kind=${kind}&name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'X-Dudao-Token': token }, body: bytes });
  const body = await res.json() as ApiResult<{ uploadId: string }>;
  if (!body.ok) throw new Error(body.error.message);
  return body.data.uploadId;
}

/** The server's resident memory in bytes, from /proc. */
function rss(): number {
  const status = fs.existsSync(`/proc/${child.pid}/status`) ? fs.readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024; // 0 once it has exited
}

const LIMIT = 300 * MB;

/**
 * Run `work` while sampling the server's memory; answers its result, the time it took and the highest
 * memory seen. Past the limit the server is killed at once (the test has failed; the machine is spared).
 */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peak: number }> {
  let peak = rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, rss());
    if (peak > LIMIT) child.kill('SIGKILL');
  }, 20);
  const t0 = Date.now();
  try {
    const result = await work();
    return { result, ms: Date.now() - t0, peak: Math.max(peak, rss()) };
  } finally {
    clearInterval(timer);
  }
}

async function jobEnd(jobId: string): Promise<JobState> {
  for (;;) {
    const s = await api<JobState>('jobs.get', { jobId });
    if (!s.ok) throw new Error(s.error.message);
    if (['done', 'failed', 'canceled'].includes(s.data.state)) return s.data;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.runIf(process.platform === 'linux')('hostile files through the real channels (browser mode, its memory measured)', () => {
  it('a 1.3 MB .docx whose document.xml inflates to 415 MB: legacy.add refuses it at once', async () => {
    const bomb = docxBomb(414);
    const { result, ms, peak } = await measured(async () => {
      const uploadId = await upload('legacy', '2019年工作总结.docx', bomb);
      return api('legacy.add', { year: 2019, title: '2019年工作总结', kind: '工作总结', uploadId });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!result.ok) expect(result.error.message).toMatch(/「word\/document\.xml」解压后有 415\.0 MB.*压缩炸弹/);
    expect(ms).toBeLessThan(5000);
    expect(peak).toBeLessThan(LIMIT);
    expect((await api<{ total: number }>('legacy.list', {})).ok).toBe(true);
  }, 30_000);

  it('a long .docx within the limits (document.xml of 40 MB) is taken, its text read as it streams', async () => {
    const { result, ms, peak } = await measured(async () => {
      const uploadId = await upload('legacy', '2018年督导资料汇编.docx', longDocx(40));
      return api<{ searchable: boolean }>('legacy.add', { year: 2018, title: '2018年督导资料汇编', kind: '其他', uploadId });
    });
    expect(result).toMatchObject({ ok: true, data: { searchable: true } });
    expect(ms).toBeLessThan(5000);
    expect(peak).toBeLessThan(LIMIT);
  }, 30_000);

  it('an .xlsx of a million rows: the roster preview stops at the row limit', async () => {
    const file = manyRowsXlsx(1_000_000);
    const { result, ms, peak } = await measured(async () => {
      const uploadId = await upload('roster', '督学名册.xlsx', file);
      const started = await api<{ jobId: string }>('excel.previewImport', { kind: 'supervisors', uploadId });
      if (!started.ok) throw new Error(started.error.message);
      return jobEnd(started.data.jobId);
    });
    expect(result).toMatchObject({ state: 'failed', error: { code: 'invalid', message: '表格有超过 10000 行数据，超过一次最多导入的 10000 行。请分成几个文件导入。' } });
    expect(ms).toBeLessThan(5000);
    expect(peak).toBeLessThan(LIMIT);
  }, 30_000);

  it('a photo whose header declares 3.6 billion pixels is refused before anything decodes it', async () => {
    const uploadId = await upload('photo', '证件照.png', pngHeaderOnly(60_000, 60_000));
    const res = await api('attachments.put', { uploadId });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!res.ok) expect(res.error.message).toContain('「证件照.png」的尺寸为 60000×60000 像素');
    expect((await api('dataFolder.status', {})).ok).toBe(true);
  }, 30_000);
});
