/**
 * The year package (年度归档): every file under its kind's folder with a name Windows accepts, the
 * 归档目录 (.docx and .xlsx) listing them with their SHA-256, and a .zip of the whole. Files are written
 * into the package folder one at a time (made, copied or streamed) and hashed on the way, so the
 * package's size never has to fit in memory; the store moves the finished folder into place.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CatalogueEntry } from '../../shared/schemas/year-close';
import { catalogueDocx, catalogueXlsx } from './catalogue';
import type { DocFonts } from './profile';
import { writeZipFile, type ZipProgress } from './zip';

/** What the catalogue says about a file of the package. */
export interface PackageItem {
  title: string;
  kind: string;
  date: string;
  /** Sub-folder inside the package (by kind). */
  folder: string;
  /** The name it is offered under (made safe and unique in its folder). */
  fileName: string;
}

/** Characters Windows forbids in a file name become full-width or go. */
export function safeName(name: string): string {
  const s = name.replace(/[\\/]/g, '－').replace(/:/g, '：').replace(/\*/g, '＊').replace(/\?/g, '？')
    .replace(/"/g, '＂').replace(/</g, '＜').replace(/>/g, '＞').replace(/\|/g, '｜')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, '').trim().replace(/[. ]+$/, '');
  const ext = path.extname(s);
  const stem = [...s.slice(0, s.length - ext.length)].slice(0, 80).join('');
  return `${stem || '文件'}${ext}`;
}

/** The package being written into `root`: each file placed, written and hashed; the catalogue as it grows. */
export class PackageWriter {
  readonly catalogue: CatalogueEntry[] = [];
  /** Every file's path inside the package ('/'-separated), in order; the catalogue's two files last. */
  readonly paths: string[] = [];
  private readonly taken = new Set<string>();

  constructor(private readonly root: string) {}

  /** A file made in memory (a Word document). */
  async addBytes(item: PackageItem, bytes: Buffer): Promise<void> {
    await this.add(item, async (file) => {
      fs.writeFileSync(file, bytes);
      return crypto.createHash('sha256').update(bytes).digest('hex');
    });
  }

  /** A stored file, copied as a stream and hashed on the way. */
  async addCopy(item: PackageItem, from: string): Promise<void> {
    await this.add(item, async (file) => {
      const hash = crypto.createHash('sha256');
      const tap = new Transform({ transform(chunk: Buffer, _enc, next) { hash.update(chunk); next(null, chunk); } });
      await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(file));
      return hash.digest('hex');
    });
  }

  /** A file another writer streams into place (the 台账), hashed once written. */
  async addWritten(item: PackageItem, write: (file: string) => Promise<void>): Promise<void> {
    await this.add(item, async (file) => {
      await write(file);
      const hash = crypto.createHash('sha256');
      for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    });
  }

  /** The 归档目录 (.docx and .xlsx) of everything added. */
  async finish(office: string, year: number, fonts: DocFonts): Promise<void> {
    fs.writeFileSync(path.join(this.root, '归档目录.docx'), await catalogueDocx(office, year, this.catalogue, fonts));
    fs.writeFileSync(path.join(this.root, '归档目录.xlsx'), await catalogueXlsx(office, year, this.catalogue));
    this.paths.push('归档目录.docx', '归档目录.xlsx');
  }

  private async add(item: PackageItem, write: (file: string) => Promise<string>): Promise<void> {
    const name = safeName(item.fileName);
    const ext = path.extname(name);
    let rel = `${item.folder}/${name}`;
    for (let n = 2; this.taken.has(rel.toLowerCase()); n++) rel = `${item.folder}/${name.slice(0, name.length - ext.length)}（${n}）${ext}`;
    this.taken.add(rel.toLowerCase());
    const file = path.join(this.root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const sha256 = await write(file);
    this.paths.push(rel);
    this.catalogue.push({ no: this.catalogue.length + 1, title: item.title, kind: item.kind, date: item.date, size: fs.statSync(file).size, sha256, path: rel });
  }
}

/** The .zip of the package folder into `out`, under the top folder 「{year}年度归档」, streamed file by file. */
export async function zipPackage(root: string, paths: string[], year: number, out: string, progress: ZipProgress = {}): Promise<void> {
  const top = `${year}年度归档`;
  await writeZipFile(out, paths.map((rel) => {
    const file = path.join(root, ...rel.split('/'));
    return { name: `${top}/${rel}`, file, size: fs.statSync(file).size };
  }), progress);
}
