/**
 * .zip files, streamed: yazl writes (each file read from disk as its turn comes, so memory stays flat
 * whatever the total), yauzl reads (random access through the central directory, one entry's stream
 * at a time). Both are small, long-kept libraries by one author, with ZIP64 for files past 4 GB.
 */
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import yauzl from 'yauzl';

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

/** A .zip opened for reading: its entries' names, and one entry's content as a stream. */
export class ZipFileReader {
  private constructor(private readonly zip: yauzl.ZipFile, private readonly entries: Map<string, yauzl.Entry>) {}

  /** Throws when `source` (a file, or bytes) is not a readable .zip. */
  static async open(source: string | Buffer): Promise<ZipFileReader> {
    // Names stay raw bytes (decodeStrings: false): yauzl would refuse the whole file for one entry named
    // '../x'; here such a name is only a string that matches nothing the caller reads.
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false };
    const zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const e of zip.eachEntry()) {
        const name = Buffer.from(e.fileName as unknown as Uint8Array).toString('utf8');
        if (!name.endsWith('/')) entries.set(name, e);
      }
    } catch (e) {
      zip.close();
      throw e;
    }
    return new ZipFileReader(zip, entries);
  }

  /** The names of its files (not folders), in the .zip's order. */
  fileNames(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Uncompressed size of a file, or null when there is none of this name. */
  size(name: string): number | null {
    return this.entries.get(name)?.uncompressedSize ?? null;
  }

  /** A file's content as a stream (sizes checked against the directory while it is read). */
  async stream(name: string): Promise<Readable> {
    const e = this.entries.get(name);
    if (!e) throw new Error(`${name} 不在压缩包中`);
    return this.zip.openReadStreamPromise(e);
  }

  /** A small file's content (a manifest), or null when there is none of this name. */
  async bytes(name: string): Promise<Buffer | null> {
    if (!this.entries.has(name)) return null;
    const chunks: Buffer[] = [];
    for await (const c of await this.stream(name)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  /** Write a file's content into `file`, passing each chunk to `watch` on the way (a hash). */
  async extract(name: string, file: string, watch?: (chunk: Buffer) => void): Promise<void> {
    const source = await this.stream(name);
    const tap = new Transform({ transform(chunk: Buffer, _enc, next) { watch?.(chunk); next(null, chunk); } });
    await pipeline(source, tap, fs.createWriteStream(file));
  }

  close(): void {
    this.zip.close();
  }
}

/** Whether `bytes` are a .zip holding the file `entry` (how a .docx or .xlsx is told from other files). */
export async function zipHas(bytes: Buffer, entry: string): Promise<boolean> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return false;
  try {
    const zip = await ZipFileReader.open(bytes);
    zip.close();
    return zip.has(entry);
  } catch {
    return false;
  }
}
