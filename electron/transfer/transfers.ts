/**
 * Files on their way between the archive and the user, the same for both shells (only how the bytes
 * travel differs: browser mode's GET /files and POST /upload in electron/web/server.ts, Electron's save
 * and open dialogs in electron/main/files.ts). Everything lives in the store's transferDir.
 *
 * - Out: a file the archive made (an export, in transferDir, removed once delivered) or keeps (an
 *   attachment, a year package) is *offered* under a random id; the shell fetches it once.
 * - In: a file the user gives is *received* as a stream into transferDir, hashed and size-checked on the
 *   way, under a random upload id; a channel then takes it (moves it into the attachment store, reads it
 *   for an import or a restore).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Store } from '../store/store';
import { AppError } from '../../shared/result';
import {
  UPLOAD_KINDS, mimeOf, tooLargeMessage, type FileRef, type UploadKind, type Uploaded,
} from '../../shared/schemas/files';

export const newId = (): string => crypto.randomBytes(16).toString('hex');

interface Offer {
  ref: FileRef;
  path: string;
  /** A file made for this download: removed once delivered or expired. */
  temp: boolean;
  expires: number;
  used: boolean;
}

export interface Received extends Uploaded {
  kind: UploadKind;
  path: string;
  expires: number;
}

/** Why an id gives no file: never offered, forgotten once expired (its file removed), or fetched already. */
export type Refusal = 'unknown' | 'used';

/** An upload refused for its size (browser mode answers 413). */
export class TooLarge extends AppError {
  constructor(kind: UploadKind) { super('invalid', tooLargeMessage(kind), 'uploadId'); }
}

export class Transfers {
  /** The clock and lifetimes; tests set them. */
  now: () => number = Date.now;
  offerTtlMs = 15 * 60_000;
  uploadTtlMs = 2 * 3600_000;
  private readonly offers = new Map<string, Offer>();
  private readonly uploads = new Map<string, Received>();

  constructor(readonly dir: string) {}

  /** A fresh path inside the temporary folder (nothing is created). */
  tempPath(suffix = ''): string {
    return path.join(this.dir, `${newId()}${suffix}`);
  }

  /** Offer a file for one fetch. `temp`: it was made for this, and goes once delivered. */
  offer(file: string, fileName: string, opts: { temp: boolean; mime?: string }): FileRef {
    this.sweep();
    const ref: FileRef = { fileId: newId(), fileName, size: fs.statSync(file).size, mime: opts.mime ?? mimeOf(fileName) };
    this.offers.set(ref.fileId, { ref, path: file, temp: opts.temp, expires: this.now() + this.offerTtlMs, used: false });
    return ref;
  }

  /** Offer bytes made in memory (a Word document), written into the temporary folder first. */
  offerBytes(file: { fileName: string; bytes: Buffer }): FileRef {
    const tmp = this.tempPath(path.extname(file.fileName));
    fs.writeFileSync(tmp, file.bytes);
    return this.offer(tmp, file.fileName, { temp: true });
  }

  /** What an id offers, without using it up (Electron asks where to save first). */
  peek(fileId: string): { offer: Offer } | { refused: Refusal } {
    this.sweep();
    const o = this.offers.get(fileId);
    if (!o) return { refused: 'unknown' };
    return o.used ? { refused: 'used' } : { offer: o }; // sweep() forgot the expired ones
  }

  /** Use an offer up: later fetches of the id are refused as used. Call `delivered` when done with it. */
  take(fileId: string): { offer: Offer } | { refused: Refusal } {
    const got = this.peek(fileId);
    if ('offer' in got) got.offer.used = true;
    return got;
  }

  /** The offer was fetched (or the fetch broke off): a temporary file goes. */
  delivered(o: Offer): void {
    if (o.temp) fs.rmSync(o.path, { force: true });
  }

  /**
   * Receive an upload: `source` streamed into the temporary folder, hashed on the way, refused past the
   * kind's size limit (while streaming, and at once when `declaredSize` says so). A broken or refused
   * upload leaves nothing behind.
   */
  async receive(kind: UploadKind, source: Readable, rawName: string, opts: { declaredSize?: number } = {}): Promise<Uploaded> {
    this.sweep();
    const spec = UPLOAD_KINDS[kind];
    // What the file is (its type, whether it is whole) is judged by whoever reads it: the roster, backup,
    // 历年档案 readers refuse what is not theirs, with their own message.
    const fileName = cleanFileName(rawName);
    if ((opts.declaredSize ?? 0) > spec.maxBytes) {
      source.resume();
      throw new TooLarge(kind);
    }
    const uploadId = newId();
    const file = path.join(this.dir, uploadId);
    const part = `${file}.part`;
    const hash = crypto.createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > spec.maxBytes) return done(new TooLarge(kind));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, fs.createWriteStream(part, { flags: 'wx' }));
      if (size === 0) throw new AppError('invalid', `所选${spec.label}「${fileName}」是空文件，请重新选择。`, 'uploadId');
      fs.renameSync(part, file);
    } catch (e) {
      fs.rmSync(part, { force: true });
      throw e;
    }
    const got: Received = { uploadId, fileName, size, sha256: hash.digest('hex'), mime: mimeOf(fileName), kind, path: file, expires: this.now() + this.uploadTtlMs };
    this.uploads.set(uploadId, got);
    const { kind: _k, path: _p, expires: _e, ...uploaded } = got;
    return uploaded;
  }

  /** A received file, for the channel that uses it; refused when unknown, expired or of another kind. */
  upload(uploadId: string, kinds: readonly UploadKind[]): Received {
    this.sweep();
    const u = this.uploads.get(uploadId);
    if (!u || !kinds.includes(u.kind) || !fs.existsSync(u.path)) {
      throw new AppError('not_found', '所选文件已失效（超过2小时未使用，或程序已重新启动），请重新选择文件。', 'uploadId');
    }
    return u;
  }

  /** A small received file's content (a roster, a 历年档案 file: each limited as it came in). */
  bytes(uploadId: string, kinds: readonly UploadKind[]): Buffer {
    return fs.readFileSync(this.upload(uploadId, kinds).path);
  }

  /** The upload was used up (moved into the archive, or no longer needed). */
  discard(uploadId: string): void {
    const u = this.uploads.get(uploadId);
    if (!u) return;
    this.uploads.delete(uploadId);
    fs.rmSync(u.path, { force: true });
  }

  /** Forget what has expired; temporary files go with it. */
  sweep(): void {
    const now = this.now();
    for (const [id, o] of this.offers) {
      if (o.expires > now) continue;
      this.offers.delete(id);
      if (!o.used) this.delivered(o); // a used one is removed by whoever is delivering it
    }
    for (const [id, u] of this.uploads) if (u.expires <= now) this.discard(id);
  }
}

/** A received file's name: its last path segment, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...(base || '文件')].slice(-200).join('');
}

const all = new WeakMap<Store, Transfers>();

/** The store's transfers (one set per open archive). */
export function transfers(a: Store): Transfers {
  let t = all.get(a);
  if (!t) all.set(a, (t = new Transfers(a.transferDir)));
  return t;
}
