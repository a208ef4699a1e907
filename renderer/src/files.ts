/**
 * How files travel between the page and the archive, for both shells. File content never goes through
 * a channel's JSON: a channel answers a FileRef (an id), an upload answers an uploadId.
 * - Electron: window.files (the preload) — the main process asks where to save and writes the file,
 *   or shows its open dialog and reads the chosen files itself; offered files for display come from
 *   app://dudao/files/<id>.
 * - Browser mode: GET ./files/<id>?sig=… (sig: HMAC of the id under the launch token, so the token
 *   never goes into a URL) and POST ./upload, the file as the request body.
 */
import type { ApiResult } from '../../shared/result';
import { UPLOAD_KINDS, type FileRef, type UploadKind, type Uploaded } from '../../shared/schemas/files';
import { IMAGE_HEAD_BYTES, pictureRefusal } from '../../shared/image-header';
import { ApiCallError, browserToken, call } from './api';

/** What the preload exposes in Electron (electron/main/files.ts answers). */
interface FileBridge {
  save(input: { fileId: string }): Promise<ApiResult<{ saved: boolean; path?: string }>>;
  choose(input: { kind: UploadKind }): Promise<ApiResult<Uploaded[]>>;
}
declare global {
  interface Window { files?: FileBridge }
}

const inElectron = () => window.files !== undefined;

function unwrap<T>(res: ApiResult<T>): T {
  if (!res.ok) throw new ApiCallError(res.error);
  return res.data;
}

async function signature(fileId: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(browserToken()), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(fileId)));
  return Array.from(sig, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Where an offered file is fetched from (once). */
async function fileUrl(ref: FileRef): Promise<string> {
  return inElectron() ? `./files/${ref.fileId}` : `./files/${ref.fileId}?sig=${await signature(ref.fileId)}`;
}

/**
 * Save an offered file on the user's disk: Electron asks where (remembering the last folder); a browser
 * downloads it to its downloads folder. False when the user canceled the save dialog.
 */
export async function saveFile(ref: FileRef): Promise<boolean> {
  if (window.files) return unwrap(await window.files.save({ fileId: ref.fileId })).saved;
  const a = document.createElement('a');
  a.href = await fileUrl(ref);
  a.download = ref.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  return true;
}

/** An offered file's content, for the page itself (a picture to show). */
export async function fetchFile(ref: FileRef): Promise<Blob> {
  const res = await fetch(await fileUrl(ref));
  if (!res.ok) throw new Error(`无法读取文件「${ref.fileName}」：${await res.text()}`);
  return res.blob();
}

// Pictures of the archive by content hash, as blob: URLs; fetched once per page load.
const pictures = new Map<string, Promise<string>>();

/** A stored picture (attachment hash) as a URL an <img> can show. */
export function pictureUrl(hash: string): Promise<string> {
  let url = pictures.get(hash);
  if (!url) {
    url = call('attachments.get', { hash }).then(fetchFile).then((b) => URL.createObjectURL(b));
    url.catch(() => pictures.delete(hash)); // try again next time
    pictures.set(hash, url);
  }
  return url;
}

/** Save a stored file (an attachment) under its own name. */
export async function saveStored(hash: string): Promise<boolean> {
  return saveFile(await call('attachments.get', { hash }));
}

/** Electron: the main process's open dialog, which reads and receives the chosen files itself ([] if canceled). */
export async function chooseInMain(kind: UploadKind): Promise<Uploaded[]> {
  return unwrap(await window.files!.choose({ kind }));
}

/**
 * Browser mode: upload files the user chose in the page, each as a streamed request body. Pictures of
 * a kind that shrinks are made smaller first (JPEG); `onProgress` gets the fraction sent.
 */
export async function uploadChosen(kind: UploadKind, files: File[], onProgress?: (fraction: number) => void): Promise<Uploaded[]> {
  const out: Uploaded[] = [];
  const shrink = UPLOAD_KINDS[kind].shrink;
  for (const [i, f] of files.entries()) {
    const picture = shrink !== null && f.type.startsWith('image/');
    const body = picture ? await resizeImage(f, shrink) : f;
    const name = picture ? `${f.name.replace(/\.[^.]*$/, '') || '照片'}.jpg` : f.name;
    out.push(await upload(kind, name, body, (x) => onProgress?.((i + x) / files.length)));
  }
  return out;
}

/** POST ./upload with the file as the body (XMLHttpRequest, for its upload progress). */
function upload(kind: UploadKind, fileName: string, body: Blob, onProgress?: (fraction: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `./upload?kind=${kind}&name=${encodeURIComponent(fileName)}`);
    xhr.setRequestHeader('x-dudao-token', browserToken());
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress?.(e.loaded / e.total); };
    xhr.onerror = () => reject(new Error('无法连接督导档案服务，文件没有上传。请确认程序仍在运行后重试。'));
    xhr.onload = () => {
      let res: ApiResult<Uploaded> | null = null;
      try { res = JSON.parse(xhr.responseText) as ApiResult<Uploaded>; } catch { /* not JSON: below */ }
      if (!res) return reject(new Error(xhr.responseText || `上传失败（${xhr.status}）。`));
      try { resolve(unwrap(res)); } catch (e) { reject(e); }
    };
    xhr.send(body);
  });
}

/**
 * Shrink a picture to fit `max` pixels on its longer side, as JPEG (keeps archives small). Its header is
 * read first: a picture too large to decode safely is refused before the browser tries.
 */
async function resizeImage(file: File, max: number): Promise<Blob> {
  const refusal = pictureRefusal(new Uint8Array(await file.slice(0, IMAGE_HEAD_BYTES).arrayBuffer()), file.name);
  if (refusal) throw new Error(refusal);
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = () => reject(new Error('所选文件不是可识别的图片，请选择 JPG 或 PNG 照片。'));
      i.src = url;
    });
    const scale = Math.min(1, max / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('图片无法转换，请换一张 JPG 或 PNG 照片。'))), 'image/jpeg', 0.85));
  } finally {
    URL.revokeObjectURL(url);
  }
}
