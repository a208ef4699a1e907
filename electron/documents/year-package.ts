/**
 * The year package (年度归档): every file under its kind's folder with a name Windows accepts, the
 * 归档目录 (.docx and .xlsx) listing them with their SHA-256, and a .zip of the whole. The store writes
 * the result into the data folder.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { CatalogueEntry } from '../../shared/schemas/year-close';
import { catalogueDocx, catalogueXlsx } from './catalogue';
import type { GeneratedFile } from './pack';
import type { DocFonts } from './profile';
import { writeZip } from './zip';

/** One file of the package, before it is written. */
export interface PackageFile extends GeneratedFile {
  title: string;
  kind: string;
  date: string;
  /** Sub-folder inside the package (by kind). */
  folder: string;
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

export interface YearPackage {
  /** Each file by its path inside the package folder ('/'-separated), the catalogue's two files last. */
  files: { path: string; bytes: Buffer }[];
  catalogue: CatalogueEntry[];
  /** The .zip of the package folder, under the top folder 「{year}年度归档」. */
  zip: Buffer;
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Lay out the package: names made safe and unique within their folder, the catalogue, the .zip. */
export async function buildYearPackage(office: string, year: number, fonts: DocFonts, files: PackageFile[]): Promise<YearPackage> {
  const taken = new Set<string>();
  const catalogue: CatalogueEntry[] = [];
  const written: { path: string; bytes: Buffer }[] = [];
  for (const f of files) {
    const name = safeName(f.fileName);
    const ext = path.extname(name);
    let rel = `${f.folder}/${name}`;
    for (let n = 2; taken.has(rel.toLowerCase()); n++) rel = `${f.folder}/${name.slice(0, name.length - ext.length)}（${n}）${ext}`;
    taken.add(rel.toLowerCase());
    written.push({ path: rel, bytes: f.bytes });
    catalogue.push({ no: catalogue.length + 1, title: f.title, kind: f.kind, date: f.date, size: f.bytes.length, sha256: sha256(f.bytes), path: rel });
  }
  written.push({ path: '归档目录.docx', bytes: await catalogueDocx(office, year, catalogue, fonts) });
  written.push({ path: '归档目录.xlsx', bytes: await catalogueXlsx(office, year, catalogue) });
  const top = `${year}年度归档`;
  const zip = await writeZip(written.map((w) => ({ name: `${top}/${w.path}`, bytes: w.bytes })));
  return { files: written, catalogue, zip };
}
