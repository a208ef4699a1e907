import { z } from 'zod';

// Files never travel inside the contract's JSON. A file the archive side made or keeps is offered as
// a FileRef (an id and its metadata): browser mode fetches it once with GET /files/<fileId>, Electron's
// main process saves it where the user chooses. A file the user gives is received first (browser mode:
// the request body of POST /upload, streamed; Electron: read by the main process from the path chosen
// in its open dialog) and the channel then gets its uploadId.

/** A file ready to be fetched or saved once. */
export interface FileRef {
  fileId: string;
  fileName: string;
  size: number;
  mime: string;
}

/** A file received from the user, waiting in the archive's temporary folder for the channel that uses it. */
export interface Uploaded {
  uploadId: string;
  fileName: string;
  size: number;
  /** SHA-256 of the content, hex. */
  sha256: string;
  mime: string;
}

/** Ids are 128 random bits as 32 hex digits. */
export const FILE_ID = /^[0-9a-f]{32}$/;

export const uploadIdField = z.string({ error: '必须先选择文件' }).regex(FILE_ID, '所选文件已失效，请重新选择文件').describe('文件');

const MB = 1024 * 1024;

/**
 * What may be uploaded for what. `shrink`: pictures are made at most this many pixels on their longer
 * side, as JPEG (in the page before a browser uploads them, by the main process in Electron), which keeps
 * archives small; `maxBytes` is enforced while the file is received.
 */
export const UPLOAD_KINDS = {
  /** A supervisor's 照片. */
  photo: { label: '照片', extensions: ['jpg', 'jpeg', 'png', 'webp', 'bmp'], maxBytes: 20 * MB, shrink: 480, multiple: false },
  /** A picture in a rich text (case body, briefing article). */
  picture: { label: '图片', extensions: ['jpg', 'jpeg', 'png', 'webp', 'bmp'], maxBytes: 20 * MB, shrink: 1200, multiple: false },
  /** Photos and files of a record: pictures become photos, other files are kept as they are. */
  attachment: { label: '照片或文件', extensions: [] as string[], maxBytes: 20 * MB, shrink: 1600, multiple: true },
  /** Files of a record, kept as they are (pictures too). */
  file: { label: '文件', extensions: [] as string[], maxBytes: 20 * MB, shrink: null, multiple: true },
  /** A 历年档案 file. */
  legacy: { label: '历年档案文件', extensions: ['docx', 'pdf', 'xlsx', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp'], maxBytes: 20 * MB, shrink: null, multiple: false },
  /** An Excel roster to import. */
  roster: { label: 'Excel 名册', extensions: ['xlsx'], maxBytes: 20 * MB, shrink: null, multiple: false },
  /** An evaluation round's filled score sheet (评分表) to import. */
  scores: { label: 'Excel 评分表', extensions: ['xlsx'], maxBytes: 20 * MB, shrink: null, multiple: false },
  /** A case, 心得 or 论文 in Word, imported as a draft piece. */
  piece: { label: 'Word 文件（.docx）', extensions: ['docx'], maxBytes: 20 * MB, shrink: null, multiple: true },
  /** 督导记录表 filled and sent back by supervisors, imported in a batch (photos inside: a larger limit). */
  visitForm: { label: '督导记录表（.xlsx）', extensions: ['xlsx'], maxBytes: 50 * MB, shrink: null, multiple: true },
  /** A backup file to restore. */
  backup: { label: '备份文件', extensions: ['zip'], maxBytes: 8 * 1024 * MB, shrink: null, multiple: false },
} as const satisfies Record<string, { label: string; extensions: readonly string[]; maxBytes: number; shrink: number | null; multiple: boolean }>;
export type UploadKind = keyof typeof UPLOAD_KINDS;
export const UPLOAD_KIND_NAMES = Object.keys(UPLOAD_KINDS) as UploadKind[];
export const uploadKind = z.enum(UPLOAD_KIND_NAMES as [UploadKind, ...UploadKind[]], { error: '文件用途无效' });

/** '文件超过20MB…' for a kind's limit. */
export function tooLargeMessage(kind: UploadKind): string {
  const k = UPLOAD_KINDS[kind];
  const limit = k.maxBytes >= 1024 * MB ? `${k.maxBytes / 1024 / MB}GB` : `${k.maxBytes / MB}MB`;
  return `所选${k.label}超过${limit}，${kind === 'backup' ? '无法作为备份文件读取' : '请压缩后再上传'}。`;
}

const MIME: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp',
  pdf: 'application/pdf', zip: 'application/zip', txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword', xls: 'application/vnd.ms-excel',
};

/** The content type of a file by its extension (application/octet-stream when unknown). */
export function mimeOf(fileName: string): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

export const isPictureName = (fileName: string) => /^image\/(jpeg|png|webp|bmp|gif)$/.test(mimeOf(fileName));

// ---- Long operations (jobs) ----

/** What a long channel answers at once: the job doing the work (follow it with jobs.get). */
export interface JobStarted<T> {
  jobId: string;
  /** Type carrier only: what jobs.get gives as `result` when the job is done. */
  readonly __result?: T;
}

export interface JobState {
  jobId: string;
  /** What is being done, e.g. 导出问题整改台账. */
  title: string;
  /** The current step, e.g. 写入第 1200 / 121909 行. */
  stage: string;
  /** 0–100. */
  percent: number;
  state: 'running' | 'canceling' | 'done' | 'failed' | 'canceled';
  /** When done: the channel's answer. */
  result?: unknown;
  /** When failed: a Chinese message. */
  error?: { code: string; message: string; field?: string };
}

/** How often a page asks jobs.get how a job is going (renderer/src/jobs.ts; the benchmark follows jobs the same way). */
export const JOB_POLL_MS = 250;

export const jobInput = z.object({ jobId: z.string().regex(FILE_ID, '任务编号无效') });
