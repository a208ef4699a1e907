import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { app, BrowserWindow, dialog, ipcMain, nativeImage, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import type { Store } from '../store/store';
import { transfers } from '../transfer/transfers';
import { FILE_TRANSPORT } from '../../shared/contract/names';
import { FILE_ID, UPLOAD_KINDS } from '../../shared/schemas/files';
import { answerFiles, chooseInput, receiveChosen, saveInput, saveOffered } from './file-core';

/**
 * How files travel in the desktop app (browser mode's GET /files and POST /upload are the other way):
 * an offered file is saved where the user says in the save dialog (defaulting to its name in the last
 * folder used), written as a stream; files to upload are chosen in the open dialog and read from there
 * by this process. `folders` keeps the last folder used (in the shell's config.json).
 */
export function registerFileTransport(store: Store, folders: { last(): string | undefined; remember(folder: string): void }): void {
  const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender) ?? undefined;

  ipcMain.handle(FILE_TRANSPORT.save, (event, input: unknown) => answerFiles(event.senderFrame?.url, saveInput, input, ({ fileId }) =>
    saveOffered(transfers(store), fileId, async (fileName) => {
      const options: Electron.SaveDialogOptions = {
        title: '保存文件',
        defaultPath: path.join(folders.last() ?? app.getPath('documents'), fileName),
        filters: filtersFor(path.extname(fileName).slice(1)),
      };
      const win = windowOf(event);
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return undefined;
      folders.remember(path.dirname(r.filePath));
      return r.filePath;
    })));

  ipcMain.handle(FILE_TRANSPORT.choose, (event, input: unknown) => answerFiles(event.senderFrame?.url, chooseInput, input, async ({ kind }) => {
    const spec = UPLOAD_KINDS[kind];
    const options: Electron.OpenDialogOptions = {
      title: `选择${spec.label}`,
      defaultPath: folders.last(),
      properties: spec.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: spec.extensions.length ? [{ name: spec.label, extensions: [...spec.extensions] }] : undefined,
    };
    const win = windowOf(event);
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    if (r.canceled || r.filePaths.length === 0) return [];
    folders.remember(path.dirname(r.filePaths[0]));
    // Only the paths this dialog answered are ever read: the page sends none.
    return receiveChosen(transfers(store), kind, r.filePaths, shrinkPicture);
  }));
}

const FILTERS: Record<string, FileFilter> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  zip: { name: '压缩包', extensions: ['zip'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
};

function filtersFor(ext: string): FileFilter[] {
  const own = FILTERS[ext.toLowerCase()] ?? (ext ? { name: `${ext.toUpperCase()} 文件`, extensions: [ext] } : undefined);
  return [...(own ? [own] : []), { name: '所有文件', extensions: ['*'] }];
}

/** A picture made at most `max` pixels on its longer side, as JPEG (Electron's own decoder); null if unreadable. */
function shrinkPicture(file: string, max: number): Buffer | null {
  const image = nativeImage.createFromPath(file);
  if (image.isEmpty()) return null;
  const { width, height } = image.getSize();
  const scale = Math.min(1, max / Math.max(width, height));
  const fitted = scale < 1 ? image.resize({ width: Math.round(width * scale), height: Math.round(height * scale), quality: 'good' }) : image;
  return fitted.toJPEG(85);
}

/** app://dudao/files/<id>: an offered file, once, as a stream (the page shows pictures this way). */
export function offeredResponse(store: Store | null, fileId: string): Response {
  const plain = (status: number, message: string) => new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (!store || !FILE_ID.test(fileId)) return plain(404, '没有这个文件。');
  const t = transfers(store);
  const got = t.take(fileId);
  if ('refused' in got) return plain(got.refused === 'unknown' ? 404 : 410, '文件已失效，请刷新页面。');
  const stream = fs.createReadStream(got.offer.path);
  stream.on('close', () => t.delivered(got.offer));
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'content-type': got.offer.ref.mime,
      'content-length': String(got.offer.ref.size),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
