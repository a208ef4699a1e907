/**
 * Long operations (the ledger, a collection, the year package, the backup file, a restore, an Excel
 * import) run as jobs: the channel answers at once with a jobId, the work goes on in this process, and
 * the page follows it with jobs.get (stage and percent) and may stop it with jobs.cancel. Both shells
 * poll the same way, so there is one model for progress. One job runs at a time per archive: they are
 * the operations that read or replace much of it.
 *
 * A job's work checks `job.check()` (or awaits `job.pause()`) between units of work and cleans up after
 * itself in `finally`, so a canceled job leaves no partial file and commits nothing; the job is reported
 * canceled only once its work has finished cleaning up.
 */
import type { Store } from '../store/store';
import { AppError } from '../../shared/result';
import type { JobStarted, JobState } from '../../shared/schemas/files';
import type { Progress } from '../../shared/progress';
import { newId } from '../transfer/transfers';
import { toApiError } from './errors';

/** Thrown by job.check() once the job was asked to stop. */
export class Canceled extends Error {
  constructor() { super('已取消'); }
}

/** A job's Progress (shared/progress.ts): check() throws Canceled once 取消 was asked for. */
export interface Job extends Progress {
  readonly signal: AbortSignal;
  /** Let the process answer other requests (and see a cancel), then check(). */
  pause(): Promise<void>;
}

interface Entry { state: JobState; controller: AbortController; endedAt: number | null }

const KEEP_MS = 30 * 60_000;
const all = new WeakMap<Store, Map<string, Entry>>();

function jobsOf(a: Store): Map<string, Entry> {
  let m = all.get(a);
  if (!m) all.set(a, (m = new Map()));
  const now = Date.now();
  for (const [id, e] of m) if (e.endedAt !== null && now - e.endedAt > KEEP_MS) m.delete(id);
  return m;
}

/** The job running on this archive, if any. */
export function runningJob(a: Store): JobState | null {
  for (const e of jobsOf(a).values()) if (e.endedAt === null) return { ...e.state };
  return null;
}

/** Start `work` as a job titled `title` (e.g. 导出问题整改台账); refused while another one runs. */
export function startJob<T>(a: Store, title: string, work: (job: Job) => Promise<T>): JobStarted<T> {
  const busy = runningJob(a);
  if (busy) throw new AppError('conflict', `正在${busy.title}，请等它完成或在进度条上点「取消」后再试。`);
  const jobId = newId();
  const controller = new AbortController();
  const entry: Entry = { state: { jobId, title, stage: '准备中', percent: 0, state: 'running' }, controller, endedAt: null };
  jobsOf(a).set(jobId, entry);
  let range: [number, number] = [0, 100];
  let text = '准备中';
  const job: Job = {
    signal: controller.signal,
    stage(t, from, to) {
      text = t;
      range = [from, to];
      entry.state.stage = t;
      entry.state.percent = Math.max(entry.state.percent, from);
    },
    progress(done, total, detail) {
      const f = total > 0 ? Math.min(1, done / total) : 1;
      entry.state.percent = Math.round(range[0] + (range[1] - range[0]) * f);
      entry.state.stage = `${text}（${detail ?? `${done} / ${total}`}）`;
    },
    check() {
      if (controller.signal.aborted) throw new Canceled();
    },
    async pause() {
      await new Promise((r) => setImmediate(r));
      job.check();
    },
  };
  void (async () => {
    try {
      await new Promise((r) => setImmediate(r)); // answer the channel first
      job.check();
      entry.state.result = await work(job);
      entry.state.state = 'done';
      entry.state.percent = 100;
      entry.state.stage = '完成';
    } catch (e) {
      if (e instanceof Canceled || (controller.signal.aborted && !(e instanceof AppError))) {
        entry.state.state = 'canceled';
        entry.state.stage = '已取消';
      } else {
        entry.state.state = 'failed';
        entry.state.error = toApiError(e);
        entry.state.stage = '未完成';
      }
    } finally {
      entry.endedAt = Date.now();
    }
  })();
  return { jobId };
}

function entryOf(a: Store, jobId: string): Entry {
  const e = jobsOf(a).get(jobId);
  if (!e) throw new AppError('not_found', '找不到这项任务（可能已结束很久或程序已重新启动），请重新操作。', 'jobId');
  return e;
}

export function jobState(a: Store, jobId: string): JobState {
  return { ...entryOf(a, jobId).state };
}

/** Ask a job to stop; it reports canceled once its work has cleaned up. A finished job stays as it ended. */
export function cancelJob(a: Store, jobId: string): JobState {
  const e = entryOf(a, jobId);
  if (e.endedAt === null && !e.controller.signal.aborted) {
    e.controller.abort();
    e.state.state = 'canceling';
    e.state.stage = '正在取消…';
  }
  return { ...e.state };
}
