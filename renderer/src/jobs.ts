/**
 * Following a long operation (a job: the ledger, a collection, the year package, the backup file, a
 * restore, an Excel import): its stage and percent polled with jobs.get every quarter second, shown by
 * <JobProgress /> with 取消 (jobs.cancel). Both shells do the same.
 */
import { useSyncExternalStore } from 'react';
import { JOB_POLL_MS, type JobStarted, type JobState } from '../../shared/schemas/files';
import { ApiCallError, call } from './api';

let running: JobState[] = [];
const listeners = new Set<() => void>();
const publish = (next: JobState[]) => { running = next; listeners.forEach((l) => l()); };
const put = (s: JobState) => publish(running.some((j) => j.jobId === s.jobId) ? running.map((j) => (j.jobId === s.jobId ? s : j)) : [...running, s]);
const drop = (jobId: string) => publish(running.filter((j) => j.jobId !== jobId));

/** The jobs this page is following, for the progress panel. */
export function useRunningJobs(): JobState[] {
  return useSyncExternalStore((l) => { listeners.add(l); return () => listeners.delete(l); }, () => running);
}

/** Ask the job to stop; the panel shows 正在取消… until its work has cleaned up. */
export async function cancel(jobId: string): Promise<void> {
  put(await call('jobs.cancel', { jobId }));
}

/**
 * Follow a started job to its end: its result, null when it was canceled; a failure throws its Chinese
 * message. `start` is the channel call that starts it.
 */
export async function followJob<T>(start: Promise<JobStarted<T>>): Promise<T | null> {
  const { jobId } = await start;
  for (;;) {
    const s = await call('jobs.get', { jobId });
    if (s.state === 'done' || s.state === 'failed' || s.state === 'canceled') {
      drop(jobId);
      if (s.state === 'failed') throw new ApiCallError(s.error as ConstructorParameters<typeof ApiCallError>[0]);
      return s.state === 'done' ? (s.result as T) : null;
    }
    put(s);
    await new Promise((r) => setTimeout(r, JOB_POLL_MS));
  }
}
