/**
 * .zip files written as a stream with yazl: each file read from disk as its turn comes, so memory stays
 * flat whatever the total (ZIP64 past 4 GB). Reading a .zip from outside is safe-zip.ts (yauzl, by the
 * same author), which refuses what would inflate past its limits.
 */
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** One entry: a file on disk (streamed), a stream being written as the .zip is (a sheet), or a few bytes made in memory (a manifest). */
export type ZipInput = { name: string; file: string; size: number; stored?: boolean } | { name: string; stream: Readable } | { name: string; bytes: Buffer };

/** Formats that are compressed already: stored as they are (deflating a photo again only costs time). */
const STORED = /\.(jpe?g|png|gif|webp|zip|docx|xlsx|pdf)$/i;

export interface ZipProgress {
  /** Deflate level for the rest (1 = fastest; the default 6). */
  level?: number;
  /** Bytes of the inputs read so far, of all. */
  step?: (done: number, total: number) => void;
  /** Called between chunks; throwing (a cancel) stops the writing. */
  check?: () => void;
}

/**
 * Write a .zip of `entries` into `out` (which must not exist). On any failure, a cancel included, the
 * partial `out` is removed and the error thrown.
 */
export async function writeZipFile(out: string, entries: ZipInput[], opts: ZipProgress = {}): Promise<void> {
  const zip = new yazl.ZipFile();
  const total = entries.reduce((s, e) => s + ('file' in e ? e.size : 0), 0);
  let done = 0;
  const meter = () => new Transform({
    transform(chunk: Buffer, _enc, next) {
      try {
        opts.check?.();
      } catch (e) {
        return next(e as Error);
      }
      done += chunk.length;
      opts.step?.(done, total);
      next(null, chunk);
    },
  });
  // yazl listens for no 'error' on the streams it is given: every failure comes here instead.
  let fail!: (e: unknown) => void;
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  const level = (name: string) => (STORED.test(name) ? 0 : opts.level ?? 6);
  for (const e of entries) {
    if ('bytes' in e) {
      zip.addBuffer(e.bytes, e.name, { compressionLevel: level(e.name) });
      continue;
    }
    if ('stream' in e) {
      e.stream.on('error', (err) => fail(err));
      zip.addReadStream(e.stream, e.name, { compressionLevel: level(e.name) });
      continue;
    }
    zip.addReadStreamLazy(e.name, { size: e.size, compressionLevel: e.stored ? 0 : level(e.name) }, (give) => {
      const source = fs.createReadStream(e.file);
      const counted = meter();
      source.on('error', (err) => counted.destroy(err));
      counted.on('error', (err) => { source.destroy(); fail(err); });
      give(null, source.pipe(counted));
    });
  }
  zip.on('error', (e) => fail(e));
  zip.end();
  try {
    await Promise.race([pipeline(zip.outputStream as Readable, fs.createWriteStream(out, { flags: 'wx' })), failed]);
  } catch (e) {
    (zip.outputStream as Readable).destroy();
    await new Promise((r) => setImmediate(r)); // let the write stream close before removing its file
    fs.rmSync(out, { force: true });
    throw e;
  }
}
