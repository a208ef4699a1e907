import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Store } from '../store/store';
import { jobState } from '../api/jobs';
import { transfers } from '../transfer/transfers';
import { AppError } from '../../shared/result';
import type { FileRef, JobStarted, JobState, UploadKind } from '../../shared/schemas/files';

/** Wait for a job to end: its result; its error thrown as an AppError; a cancel thrown as 'canceled'. */
export async function finished<T>(a: Store, started: JobStarted<T> | Promise<JobStarted<T>>): Promise<T> {
  const end = await ended(a, started);
  if (end.state === 'done') return end.result as T;
  if (end.state === 'failed') throw new AppError(end.error!.code as AppError['code'], end.error!.message, end.error!.field);
  throw new Error('canceled');
}

/** Wait for a job to end, whichever way. */
export async function ended(a: Store, started: JobStarted<unknown> | Promise<JobStarted<unknown>>): Promise<JobState> {
  const { jobId } = await started;
  for (;;) {
    const s = jobState(a, jobId);
    if (s.state === 'done' || s.state === 'failed' || s.state === 'canceled') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** An offered file's bytes, fetched once as a shell would. */
export function offeredBytes(a: Store, ref: FileRef | Promise<FileRef>): Promise<Buffer> {
  return Promise.resolve(ref).then((r) => {
    const got = transfers(a).take(r.fileId);
    if ('refused' in got) throw new Error(`offer ${r.fileId} refused: ${got.refused}`);
    try {
      return fs.readFileSync(got.offer.path);
    } finally {
      transfers(a).delivered(got.offer);
    }
  });
}

/** Bytes received as an upload of `kind`, as a shell would stream them in: the uploadId. */
export async function uploaded(a: Store, kind: UploadKind, fileName: string, bytes: Buffer | string): Promise<string> {
  return (await transfers(a).receive(kind, Readable.from([Buffer.from(bytes)]), fileName)).uploadId;
}
