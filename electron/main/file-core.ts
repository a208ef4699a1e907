/**
 * Electron's file transport, without 'electron' (so Vitest runs it): the inputs the page may send,
 * saving an offered file where the save dialog says, and receiving the files the open dialog chose.
 * The page never names a path: every path here comes from a dialog the main process showed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { toApiError } from '../api/errors';
import { TooLarge, type Transfers } from '../transfer/transfers';
import { AppError, type ApiResult } from '../../shared/result';
import { FILE_ID, UPLOAD_KINDS, isPictureName, uploadKind, type UploadKind, type Uploaded } from '../../shared/schemas/files';
import { checkIfImageFile, checkImageFile } from '../documents/image-check';
import { isTrustedSender } from './security';
import { UNTRUSTED_SENDER_MESSAGE } from './messages';

export const saveInput = z.object({ fileId: z.string().regex(FILE_ID, '文件编号无效') }).strict();
export const chooseInput = z.object({ kind: uploadKind }).strict();

/** Answer one file-transport call like a channel: our own page only, input checked, errors in Chinese. */
export async function answerFiles<S extends z.ZodType, T>(senderUrl: string | undefined, schema: S, input: unknown, run: (i: z.output<S>) => Promise<T>): Promise<ApiResult<T>> {
  if (!isTrustedSender(senderUrl)) return { ok: false, error: { code: 'invalid', message: UNTRUSTED_SENDER_MESSAGE } };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid', message: `文件请求无效：${parsed.error.issues[0]?.message ?? '格式不对'}。` } };
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

const REFUSED = {
  unknown: '没有这个文件：导出的文件15分钟内有效，程序重新启动后也会失效。请重新导出。',
  used: '这个文件已经保存过一次，请重新导出。',
};

/**
 * Save an offered file where `ask` (the save dialog) says: written beside the destination and renamed,
 * so a failure leaves no partial file. Canceling the dialog keeps the offer for another try.
 */
export async function saveOffered(t: Transfers, fileId: string, ask: (fileName: string) => Promise<string | undefined>): Promise<{ saved: boolean; path?: string }> {
  const seen = t.peek(fileId);
  if ('refused' in seen) throw new AppError('not_found', REFUSED[seen.refused]);
  const dest = await ask(seen.offer.ref.fileName);
  if (!dest) return { saved: false };
  const got = t.take(fileId);
  if ('refused' in got) throw new AppError('not_found', REFUSED[got.refused]);
  const part = `${dest}.${process.pid}.part`;
  try {
    await pipeline(fs.createReadStream(got.offer.path), fs.createWriteStream(part));
    fs.renameSync(part, dest);
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw new AppError('internal', `无法保存到 ${dest}：${(e as Error).message}。请换一个文件夹（例如「文档」）后重新导出。`);
  } finally {
    t.delivered(got.offer);
  }
  return { saved: true, path: dest };
}

/**
 * Receive the files the open dialog chose, each read by this process from its path. Pictures of a kind
 * that shrinks are checked by their header (image-check.ts), then made smaller by `shrink` (JPEG bytes,
 * null when it cannot read the picture).
 */
export async function receiveChosen(t: Transfers, kind: UploadKind, paths: readonly string[], shrink: (file: string, max: number) => Buffer | null): Promise<Uploaded[]> {
  const spec = UPLOAD_KINDS[kind];
  const out: Uploaded[] = [];
  for (const file of paths) {
    const size = fs.statSync(file).size;
    if (size > spec.maxBytes) throw new TooLarge(kind);
    const name = path.basename(file);
    if (spec.shrink !== null && isPictureName(name)) {
      // Judged by its header before Electron's decoder sees it: a picture too large to decode is refused.
      const picture = kind === 'photo' || kind === 'picture' ? checkImageFile(file, name) : checkIfImageFile(file, name);
      const jpeg = picture ? shrink(file, spec.shrink) : null;
      if (jpeg) {
        out.push(await t.receive(kind, Readable.from([jpeg]), `${name.replace(/\.[^.]*$/, '') || '照片'}.jpg`));
        continue;
      }
      if (kind === 'photo' || kind === 'picture') throw new AppError('invalid', `「${name}」不是可识别的图片，请选择 JPG 或 PNG 照片。`, 'uploadId');
    }
    out.push(await t.receive(kind, fs.createReadStream(file), name, { declaredSize: size }));
  }
  return out;
}
