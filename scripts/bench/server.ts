/**
 * Browser mode as the benchmark drives it: the real server (`electron/web/cli.ts`, started as the
 * Playwright fixtures start it) and a client that calls it exactly as the page does — POST /api/<channel>
 * with the token and our Origin, jobs followed with jobs.get every JOB_POLL_MS, offered files fetched
 * with GET /files/<id>?sig=…, files sent as the body of POST /upload — and the server's resident
 * memory read from /proc/<pid>/status.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { spawnWebServer } from '../../electron/testing/web-server';
import { downloadSignature, TOKEN_HEADER } from '../../electron/web/server';
import { JOB_POLL_MS, type FileRef, type JobStarted, type JobState, type UploadKind, type Uploaded } from '../../shared/schemas/files';
import type { ApiResult } from '../../shared/result';

export class BenchServer {
  readonly origin: string;
  readonly token: string;

  private constructor(readonly child: ChildProcess, readonly url: string, readonly dataDir: string) {
    this.origin = new URL(url).origin;
    this.token = new URL(url).searchParams.get('token')!;
  }

  get pid(): number { return this.child.pid!; }

  /**
   * Start the server over `dataDir`, its output appended to `log`; `ms`: from the spawn until it has
   * answered the page's first call.
   */
  static async start(dataDir: string, staticDir: string, log: string): Promise<{ server: BenchServer; ms: number }> {
    const t = performance.now();
    const { child, url } = await spawnWebServer(dataDir, { env: { DUDAO_STATIC_DIR: staticDir }, timeoutMs: 120_000 });
    const out = fs.createWriteStream(log, { flags: 'a' });
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    child.on('exit', (code, signal) => out.write(`[bench] 服务器进程结束：${code ?? signal}\n`));
    const server = new BenchServer(child, url, dataDir);
    await server.call('dataFolder.status', {});
    return { server, ms: performance.now() - t };
  }

  /**
   * POST /api/<channel> as renderer/src/api.ts sends it. A request on a kept-alive connection that the
   * server closed before answering is sent once more, as a browser does: a server busy for seconds in
   * one synchronous step (a restore's integrity check) lets its keep-alive timer close connections a
   * request has already gone out on; Chromium resends such a request, Node's fetch does not.
   */
  private async post(channel: string, input: unknown, retried = false): Promise<Response> {
    try {
      return await fetch(`${this.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: this.token, origin: this.origin },
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      const code = ((e as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      if (retried || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw e;
      this.resent++;
      return this.post(channel, input, true);
    }
  }

  /** Requests sent again after the server closed their connection (see post). */
  resent = 0;

  /** One API call; the answer's data, or an Error with the Chinese message. */
  async call<T = unknown>(channel: string, input: unknown): Promise<T> {
    const res = await this.post(channel, input);
    if (res.status !== 200) throw new Error(`${channel}: HTTP ${res.status} ${await res.text()}`);
    const body = await res.json() as ApiResult<T>;
    if (!body.ok) throw new Error(`${channel} ${JSON.stringify(input)}: ${body.error.message}`);
    return body.data;
  }

  /**
   * A round trip that runs no SQL: jobs.get of a job that does not exist (answered from memory with a
   * Chinese not-found message). What any call costs on top of its work: HTTP, JSON, validation.
   */
  async bareRoundTrip(): Promise<void> {
    const body = await (await this.post('jobs.get', { jobId: '0'.repeat(32) })).json() as ApiResult<unknown>;
    if (body.ok || body.error.code !== 'not_found') throw new Error(`jobs.get: ${JSON.stringify(body)}`);
  }

  /**
   * Start a job and follow it to its end as renderer/src/jobs.ts does; its result, and the longest any
   * jobs.get took to answer (how long the progress bar stood still because the server could not answer).
   */
  async job<T>(channel: string, input: unknown): Promise<{ result: T; longestWaitMs: number }> {
    const { jobId } = await this.call<JobStarted<T>>(channel, input);
    let longestWaitMs = 0;
    for (;;) {
      const t = performance.now();
      const s = await this.call<JobState>('jobs.get', { jobId });
      longestWaitMs = Math.max(longestWaitMs, performance.now() - t);
      if (s.state === 'done') return { result: s.result as T, longestWaitMs };
      if (s.state === 'failed' || s.state === 'canceled') throw new Error(`${channel}: ${s.error?.message ?? s.stage}`);
      await new Promise((r) => setTimeout(r, JOB_POLL_MS));
    }
  }

  /** Fetch an offered file once (GET /files/<id>?sig=…), written to `file` as it arrives, as a browser saves it. */
  async download(ref: FileRef, file: string): Promise<number> {
    const res = await fetch(`${this.origin}/files/${ref.fileId}?sig=${downloadSignature(this.token, ref.fileId)}`);
    if (res.status !== 200 || !res.body) throw new Error(`GET /files（${ref.fileName}）: HTTP ${res.status} ${await res.text()}`);
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), fs.createWriteStream(file));
    return fs.statSync(file).size;
  }

  /** Send a file as the page does: the file itself as the body of POST /upload, streamed from disk. */
  upload(kind: UploadKind, file: string): Promise<Uploaded> {
    const url = new URL(`${this.origin}/upload?kind=${kind}&name=${encodeURIComponent(path.basename(file))}`);
    return new Promise((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: this.token, origin: this.origin, 'content-length': fs.statSync(file).size },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<Uploaded>;
          if (body.ok) resolve(body.data); else reject(new Error(`POST /upload: ${body.error.message}`));
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      fs.createReadStream(file).on('error', reject).pipe(req);
    });
  }

  /** Stop it as the user's Ctrl+C does (its shutdown backup, if one is due, included). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** A process's resident memory in MB (VmRSS), or null once it has exited. */
export function residentMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The server's resident memory sampled every `everyMs` through the whole run, each sample filed under
 * the phase running at the time (启动, 列表, 台账导出 …), whichever server process is current.
 */
export class MemoryWatch {
  private pid: number | null = null;
  private current = '';
  private readonly timer: NodeJS.Timeout;
  readonly peaks = new Map<string, { peak: number; samples: number }>();

  constructor(everyMs = 100) {
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  watch(pid: number | null): void { this.pid = pid; this.sample(); }

  phase(name: string): void { this.current = name; this.sample(); }

  sample(): void {
    if (this.pid === null || !this.current) return;
    const mb = residentMb(this.pid);
    if (mb === null) return;
    const p = this.peaks.get(this.current) ?? { peak: 0, samples: 0 };
    this.peaks.set(this.current, { peak: Math.max(p.peak, mb), samples: p.samples + 1 });
  }

  stop(): void { clearInterval(this.timer); }
}
