/**
 * npx tsx scripts/memory-check.ts [--problems N] [--photos N] [--keep]
 *
 * Shows that browser mode's memory stays flat however large the archive: generates an archive (the demo
 * county plus N problems and N photos of 1 MB in one year, default 50,000 and 200) in a temp folder,
 * starts browser mode on it (electron/web/cli.ts, its own process) and, over HTTP as the page does it,
 * exports the unfiltered 台账, makes the backup file, files the year package and restores the backup
 * file, fetching every file through GET /files into nothing and sending the backup through POST /upload.
 * The server's resident memory (/proc/<pid>/status VmRSS, Linux) is sampled every 50 ms throughout.
 * Run it once at a tenth of the size and once at full size: the peaks should be close.
 * Not part of npm test (a minute or two, and a few hundred MB of disk).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openStore } from '../electron/store/store';
import { call } from '../electron/api';
import { putAttachment } from '../electron/store/attachments';
import { spawnWebServer } from '../electron/testing/web-server';
import { fileSizeText } from '../shared/numbers';
import type { FileRef, JobStarted, JobState, Uploaded } from '../shared/schemas/files';

const argv = process.argv.slice(2);
const num = (name: string, fallback: number) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : fallback);
const PROBLEMS = num('problems', 50_000);
const PHOTOS = num('photos', 200);
const YEAR = 2025;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function generate(folder: string): Promise<void> {
  const a = await openStore(folder, { actor: 'memory-check' });
  try {
    await call(a, 'dataFolder.initialize', { mode: 'demo' });
    const school = a.db.prepare('SELECT id FROM schools WHERE deleted_at IS NULL LIMIT 1').pluck().get() as number;
    const at = `${YEAR}-05-06 00:00:00`;
    const add = a.db.prepare(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
      VALUES ('督导记录', ?, '校务管理和制度执行情况', ?, '学校', '待整改', ?, ?)`);
    a.db.transaction(() => {
      for (let i = 0; i < PROBLEMS; i++) add.run(school, `第${i}个问题：食堂留样记录不完整，部分留样量不足，需在期限内整改并报送整改报告。`, `${YEAR}-05-06`, at);
    })();
    const visit = Number(a.db.prepare(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (?, ?, '经常性', ?, ?)`)
      .run(school, `${YEAR}-05-06`, at, at).lastInsertRowid);
    for (let i = 0; i < PHOTOS; i++) {
      const hash = putAttachment(a, crypto.randomBytes(1024 * 1024), `照片${i}.jpg`, 'image/jpeg');
      a.db.prepare(`INSERT INTO visit_attachments (visit_id, hash, file_name, kind, seq) VALUES (?, ?, ?, 'photo', ?)`).run(visit, hash, `照片${i}.jpg`, i + 1);
    }
  } finally {
    a.close();
  }
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-memory-'));
  console.log(`生成档案：演示县 + ${PROBLEMS} 个问题 + ${PHOTOS} 张 1 MB 照片 → ${folder}`);
  await generate(folder);
  const { child, url } = await spawnWebServer(folder);
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token')!;
  const pid = child.pid!;
  const samples: { at: number; rss: number; step: string }[] = [];
  let step = '启动后';
  const sampler = setInterval(() => samples.push({ at: performance.now(), rss: rssOf(pid), step }), 50);
  const peaks: Record<string, number> = {};
  const api = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dudao-token': token }, body: JSON.stringify(input) });
    const body = await res.json() as { ok: boolean; data: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
    return body.data;
  };
  const job = async <T>(started: Promise<JobStarted<T>>): Promise<T> => {
    const { jobId } = await started;
    for (;;) {
      const s = await api<JobState>('jobs.get', { jobId });
      if (s.state === 'done') return s.result as T;
      if (s.state !== 'running') throw new Error(`${s.title}: ${s.error?.message ?? s.state}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  /** GET /files into `into` (a file), or into nothing. */
  const fetchFile = async (ref: FileRef, into?: string): Promise<number> => {
    const sig = crypto.createHmac('sha256', token).update(ref.fileId).digest('hex');
    const res = await fetch(`${origin}/files/${ref.fileId}?sig=${sig}`);
    let n = 0;
    const sink = into ? fs.createWriteStream(into) : new Writable({ write(c: Buffer, _e, done) { n += c.length; done(); } });
    await pipeline(Readable.fromWeb(res.body! as never), sink);
    return into ? fs.statSync(into).size : n;
  };
  const timed = async (name: string, run: () => Promise<string>) => {
    step = name;
    const t = performance.now();
    const what = await run();
    const s = ((performance.now() - t) / 1000).toFixed(1);
    peaks[name] = Math.max(...samples.filter((x) => x.step === name).map((x) => x.rss), 0);
    console.log(`  ${name}: ${s} s，${what}，服务器内存峰值 ${mb(peaks[name])}`);
  };
  try {
    await new Promise((r) => setTimeout(r, 500));
    const idle = rssOf(pid);
    console.log(`服务器启动后内存 ${mb(idle)}`);
    await timed('导出台账（不筛选）', async () => {
      const out = await job(api<JobStarted<{ file: FileRef; rows: number }>>('problems.exportLedger', {}));
      return `${out.rows} 行，${fileSizeText(await fetchFile(out.file))}`;
    });
    const backup = path.join(folder, '..', `${path.basename(folder)}-备份.zip`);
    await timed('备份文件', async () => {
      const ref = await job(api<JobStarted<FileRef>>('backups.createFile', {}));
      return mb(await fetchFile(ref, backup));
    });
    await timed(`${YEAR}年度归档包`, async () => {
      const { openWork } = await api<{ openWork: number }>('yearClose.check', { year: YEAR }); // confirmed, as the page asks
      const r = await job(api<JobStarted<{ catalogue: unknown[]; zip: string }>>('yearClose.close', { year: YEAR, openWork }));
      return `${r.catalogue.length} 个文件，.zip ${mb(fs.statSync(r.zip).size)}`;
    });
    await timed('下载归档包', async () => mb(await fetchFile(await api<FileRef>('yearClose.download', { year: YEAR }))));
    await timed('从备份文件恢复', async () => {
      const res = await fetch(`${origin}/upload?kind=backup&name=${encodeURIComponent('备份.zip')}`, {
        method: 'POST', headers: { 'x-dudao-token': token, 'content-length': String(fs.statSync(backup).size) },
        body: Readable.toWeb(fs.createReadStream(backup)) as never, duplex: 'half',
      } as RequestInit);
      const up = (await res.json() as { data: Uploaded }).data;
      const r = await job(api<JobStarted<{ keptAs: string }>>('backups.restoreFile', { uploadId: up.uploadId }));
      return `恢复前的档案保存为 ${r.keptAs}`;
    });
    const peak = Math.max(...samples.map((x) => x.rss));
    console.log(`\n问题 ${PROBLEMS}，照片 ${PHOTOS} × 1 MB：服务器内存峰值 ${mb(peak)}（启动后 ${mb(idle)}），目标 < 300 MB ${peak < 300 * 1048576 ? '✓' : '✗'}`);
    fs.rmSync(backup, { force: true });
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (!argv.includes('--keep')) fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
