/**
 * Reading a .zip from outside — a .docx, an .xlsx, a backup file — without letting it inflate past what
 * such a file can hold. A 1.4 MB .docx can declare a 414 MB document.xml; a 12 MB .xlsx can hold a
 * million rows. So, before anything inflates a file into memory:
 *
 * - the central directory is read first (yauzl, a few bytes an entry) and the file refused when it has
 *   too many entries, an entry or a total larger than its kind's limits, or an entry that inflates at a
 *   ratio no real document reaches;
 * - every entry's real size is checked against the directory while it streams (yauzl's
 *   validateEntrySizes), so a file that lies in its directory is refused at the first byte too many;
 * - a workbook's rows, cells and strings are counted while its sheets stream, and the reading stops at
 *   the limit instead of loading a million rows first.
 *
 * One function per kind of file: checkDocx (before a DOM reader such as mammoth), docxText in
 * docx-text.ts (a .docx's text, streamed), checkXlsx (before exceljs loads a workbook), zipHas (a kind
 * told by one entry, not read), ZipFileReader.open with BACKUP_ZIP (a backup file, read entry by entry).
 */
import fs from 'node:fs';
import { PassThrough, Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../shared/result';
import { fileSizeText } from '../../shared/numbers';

const MB = 1024 * 1024;
const GB = 1024 * MB;

export interface ZipLimits {
  /** The kind of file, for messages: 'Word 文档', '备份文件'. */
  what: string;
  maxEntries: number;
  /** Largest entry, uncompressed. */
  maxEntryBytes: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** Largest uncompressed : compressed ratio of an entry of a megabyte or more. */
  maxRatio: number;
}

/** Below this an entry's ratio does not matter: it cannot inflate into anything large. */
const RATIO_FROM = MB;

/**
 * Word and Excel files: a real one's document.xml or sheet is a few megabytes and deflates 5–30 times;
 * a deflate bomb reaches about 1000.
 */
const OFFICE = { maxEntries: 5_000, maxEntryBytes: 50 * MB, maxTotalBytes: 200 * MB, maxRatio: 200 };
export const DOCX_ZIP: ZipLimits = { what: 'Word 文档', ...OFFICE };
export const XLSX_ZIP: ZipLimits = { what: 'Excel 工作簿', ...OFFICE };

/**
 * A backup file legitimately holds the whole database and every photo: limits in proportion to a real
 * archive (a database of gigabytes, hundreds of thousands of attachments of at most tens of megabytes).
 * Its database deflates as far as its empty pages let it, so the ratio says little here; the real
 * guard is each entry's size checked while it streams, and the disk's free space (backup-file.ts).
 */
export const BACKUP_ZIP: ZipLimits = { what: '备份文件', maxEntries: 1_000_000, maxEntryBytes: 64 * GB, maxTotalBytes: 1024 * GB, maxRatio: 1100 };

/** A .zip refused for what it would inflate into (its limits, or an entry larger than its directory says). */
export class ZipRefused extends AppError {
  constructor(message: string) {
    super('invalid', message, 'uploadId');
  }
}

const refusedTail = '可能是恶意构造的文件（“压缩炸弹”），已拒绝读取。请确认文件来源；如确为正常文件，请拆分或精简后再试。';

/** '所选备份文件', '所选 Word 文档'. */
const chosen = (l: ZipLimits) => (/^[A-Za-z]/.test(l.what) ? `所选 ${l.what}` : `所选${l.what}`);

const tooManyEntries = (l: ZipLimits) => new ZipRefused(`${chosen(l)}包含的文件超过 ${l.maxEntries} 个，不像正常的${l.what}，${refusedTail}`);

/** The central directory's refusal of one entry, or of the total so far; null when within limits. */
function directoryRefusal(l: ZipLimits, name: string, e: yauzl.Entry, total: number): ZipRefused | null {
  const at = `${chosen(l)}中的「${name.slice(0, 80)}」`;
  if (e.uncompressedSize > l.maxEntryBytes) {
    return new ZipRefused(`${at}解压后有 ${fileSizeText(e.uncompressedSize)}，超过单个部分 ${fileSizeText(l.maxEntryBytes)} 的上限，${refusedTail}`);
  }
  if (total > l.maxTotalBytes) return new ZipRefused(`${chosen(l)}解压后超过 ${fileSizeText(l.maxTotalBytes)} 的上限，${refusedTail}`);
  const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
  if (e.uncompressedSize >= RATIO_FROM && ratio > l.maxRatio) {
    return new ZipRefused(`${at}的压缩比异常（${Math.round(ratio)}∶1，正常文件不超过 ${l.maxRatio}∶1），${refusedTail}`);
  }
  return null;
}

/** yauzl's errors when an entry's real size differs from its directory's. */
const SIZE_MISMATCH = /too many bytes in the stream|not enough bytes in the stream|size mismatch/;

/** A .zip opened for reading, its directory within `limits`: its entries' names, and one entry's content as a stream. */
export class ZipFileReader {
  private constructor(private readonly zip: yauzl.ZipFile, private readonly entries: Map<string, yauzl.Entry>, readonly limits: ZipLimits) {}

  /** Throws ZipRefused past `limits`, and a plain Error when `source` (a file, or bytes) is not a readable .zip. */
  static async open(source: string | Buffer, limits: ZipLimits): Promise<ZipFileReader> {
    // Names stay raw bytes (decodeStrings: false): yauzl would refuse the whole file for one entry named
    // '../x'; here such a name is only a string that matches nothing the caller reads.
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: false };
    const zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    try {
      // The count is the directory's own (yauzl reads no more entries than it says).
      if (zip.entryCount > limits.maxEntries) throw tooManyEntries(limits);
      for await (const e of zip.eachEntry()) {
        const name = Buffer.from(e.fileName as unknown as Uint8Array).toString('utf8');
        total += e.uncompressedSize;
        const refusal = directoryRefusal(limits, name, e, total);
        if (refusal) throw refusal;
        if (!name.endsWith('/')) entries.set(name, e);
      }
    } catch (e) {
      zip.close();
      throw e;
    }
    return new ZipFileReader(zip, entries, limits);
  }

  /** The names of its files (not folders), in the .zip's order. */
  fileNames(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Uncompressed size of a file (as its directory says, and as reading it checks), or null when there is none of this name. */
  size(name: string): number | null {
    return this.entries.get(name)?.uncompressedSize ?? null;
  }

  /** A file's content as a stream; it fails with ZipRefused at the first byte its directory did not declare. */
  async stream(name: string): Promise<Readable> {
    const e = this.entries.get(name);
    if (!e) throw new Error(`${name} 不在压缩包中`);
    const source = await this.zip.openReadStreamPromise(e);
    const out = new PassThrough();
    source.on('error', (err: Error) => out.destroy(SIZE_MISMATCH.test(err.message)
      ? new ZipRefused(`${chosen(this.limits)}中的「${name.slice(0, 80)}」实际解压出的内容与压缩包目录记载的大小不符，文件已损坏或被篡改，已拒绝读取。`)
      : err));
    out.on('close', () => source.destroy()); // a reader that stops early (a row limit) stops the inflating too
    return source.pipe(out);
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

  /** Inflate every file but `skip` into nothing: afterwards every size the directory states is known to be true. */
  async verifySizes(skip: ReadonlySet<string> = new Set()): Promise<void> {
    for (const name of this.entries.keys()) {
      if (skip.has(name)) continue;
      await pipeline(await this.stream(name), new Writable({ write(_c, _e, next) { next(); } }));
    }
  }

  close(): void {
    this.zip.close();
  }
}

/** Open `bytes` as a .zip within `limits`; null when it is no readable .zip at all. Refusals are thrown. */
async function openOrNull(bytes: Buffer, limits: ZipLimits): Promise<ZipFileReader | null> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return null;
  try {
    return await ZipFileReader.open(bytes, limits);
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    return null;
  }
}

/**
 * Whether `bytes` are a .zip holding the file `entry` (how a .docx or .xlsx is told from other files),
 * its directory within the Office limits (a refusal is thrown). Reads the directory only.
 */
export async function zipHas(bytes: Buffer, entry: string, limits: ZipLimits = entry.startsWith('xl/') ? XLSX_ZIP : DOCX_ZIP): Promise<boolean> {
  const zip = await openOrNull(bytes, limits);
  if (!zip) return false;
  zip.close();
  return zip.has(entry);
}

/**
 * What a DOM reader of Word's XML (mammoth) may be given: it takes about a hundred times the XML in
 * memory (4 MB of document.xml, 400 MB), so its XML parts are held to a few megabytes — a case or a
 * report of a hundred pages.
 */
export const DOM_XML_BYTES = 4 * MB;

/**
 * A .docx that may be handed to a reader that inflates it whole (mammoth): false when it is no .docx
 * at all; refused (thrown) past DOCX_ZIP, when an entry is larger than its directory says, or when its
 * XML parts are more than `maxXmlBytes` together. Answers the uncompressed size of each part.
 * (For the text alone, docx-text.ts streams it with no such limit.)
 */
export async function checkDocx(bytes: Buffer, maxXmlBytes = DOM_XML_BYTES): Promise<Map<string, number> | false> {
  const zip = await openOrNull(bytes, DOCX_ZIP);
  if (!zip) return false;
  try {
    if (!zip.has('word/document.xml')) return false;
    const xml = zip.fileNames().filter((n) => n.endsWith('.xml')).reduce((sum, n) => sum + zip.size(n)!, 0);
    if (xml > maxXmlBytes) {
      throw new ZipRefused(`所选 Word 文档的正文过长（内容部分解压后共 ${fileSizeText(xml)}，一次最多读取 ${fileSizeText(maxXmlBytes)}）。请把文档拆分成几个文件后再导入。`);
    }
    await zip.verifySizes();
    return new Map(zip.fileNames().map((n) => [n, zip.size(n)!]));
  } finally {
    zip.close();
  }
}

export interface SheetLimits {
  /** Rows holding a value, in any one sheet. */
  maxRows: number;
  /** The refusal when a sheet has more. */
  tooManyRows: string;
  /** Cells of all sheets (and shared strings), each one costing a reader's memory. */
  maxCells: number;
}

/** The worksheets a reader loads (exceljs matches this, unanchored). */
const WORKSHEET = /xl\/worksheets\/sheet\d+\.xml$/;
/** The elements counted: a row, a cell, a cell's value (v, or is for inline text), a shared string. */
const COUNTED_TAG = /<(?:[A-Za-z_][\w.-]{0,40}:)?(row|c|v|is|si)(?=[\s/>])/g;
/** Enough of a chunk's end kept for the next, so no tag is cut in two. */
const CARRY = 64;

/**
 * Count rows with a value, cells and shared strings in one part while it streams (bytes taken as latin1:
 * in UTF-8 no byte of a multi-byte character is '<'), and stop at the first count past its limit.
 * Comments or CDATA holding such text only count more, never less.
 */
async function countPart(zip: ZipFileReader, name: string, limits: SheetLimits, counts: { cells: number }): Promise<void> {
  let carry = '';
  let rows = 0;
  let rowHasValue = false;
  const tally = (text: string, upTo: number) => {
    COUNTED_TAG.lastIndex = 0;
    let last = 0;
    for (let m = COUNTED_TAG.exec(text); m && m.index < upTo; m = COUNTED_TAG.exec(text)) {
      last = COUNTED_TAG.lastIndex;
      switch (m[1]) {
        case 'row':
          if (rowHasValue) rows++;
          rowHasValue = false;
          break;
        case 'v': case 'is':
          rowHasValue = true;
          break;
        default: // c, si
          counts.cells++;
      }
    }
    if (rows > limits.maxRows) throw new ZipRefused(limits.tooManyRows);
    if (counts.cells > limits.maxCells) {
      throw new ZipRefused(`所选 Excel 工作簿的单元格超过 ${limits.maxCells / 10_000} 万个，不像是要导入的表格，已拒绝读取。请只保留需要导入的工作表和列后再试。`);
    }
    return Math.max(last, upTo);
  };
  const source = await zip.stream(name);
  try {
    for await (const chunk of source) {
      const text = carry + (chunk as Buffer).toString('latin1');
      const upTo = Math.max(0, text.length - CARRY);
      carry = text.slice(Math.min(tally(text, upTo), text.length));
    }
    tally(carry, carry.length);
    if (rowHasValue) rows++;
    if (rows > limits.maxRows) throw new ZipRefused(limits.tooManyRows);
  } finally {
    source.destroy();
  }
}

/**
 * An .xlsx that may be loaded whole (exceljs): false when it is no .xlsx at all; refused (thrown) past
 * XLSX_ZIP, when an entry is larger than its directory says, or when a sheet has more than `limits.maxRows`
 * rows or the workbook more than `limits.maxCells` cells — counted while the sheets stream, so a
 * million rows are refused after the first ten thousand.
 */
export async function checkXlsx(bytes: Buffer, limits: SheetLimits): Promise<boolean> {
  const zip = await openOrNull(bytes, XLSX_ZIP);
  if (!zip) return false;
  try {
    if (!zip.has('xl/workbook.xml')) return false;
    const counted = zip.fileNames().filter((n) => WORKSHEET.test(n) || n === 'xl/sharedStrings.xml');
    const counts = { cells: 0 };
    for (const name of counted) await countPart(zip, name, limits, counts);
    await zip.verifySizes(new Set(counted));
    return true;
  } finally {
    zip.close();
  }
}
