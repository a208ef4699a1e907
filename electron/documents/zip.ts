/** .zip files (jszip): writing a set of entries, and reading one back entry by entry. */
import JSZip from 'jszip';

export interface ZipEntry {
  /** Path inside the .zip, '/'-separated. */
  name: string;
  bytes: Buffer;
}

/** A .zip of the entries, in their order (DEFLATE, level 6). */
export async function writeZip(entries: Iterable<ZipEntry>): Promise<Buffer> {
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.bytes);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** A .zip opened for reading; an entry's content is inflated only when asked for. */
export class ZipReader {
  private constructor(private readonly zip: JSZip) {}

  /** Throws when the bytes are not a readable .zip (with `checkCRC32`, also when an entry is corrupt). */
  static async open(bytes: Buffer, opts: { checkCRC32?: boolean } = {}): Promise<ZipReader> {
    return new ZipReader(await JSZip.loadAsync(bytes, { checkCRC32: opts.checkCRC32 ?? false }));
  }

  /** Whether a file (not a folder) of this name is in the .zip. */
  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  /** The names of its files (not folders), in the .zip's order. */
  fileNames(): string[] {
    return Object.values(this.zip.files).filter((e) => !e.dir).map((e) => e.name);
  }

  /** A file's content, or null when there is no such file. */
  async bytes(name: string): Promise<Buffer | null> {
    const f = this.zip.file(name);
    return f ? f.async('nodebuffer') : null;
  }

  /** A file's content as UTF-8 text, or null when there is no such file. */
  async text(name: string): Promise<string | null> {
    const f = this.zip.file(name);
    return f ? f.async('string') : null;
  }
}

/** Whether `bytes` are a .zip holding the file `entry` (how a .docx or .xlsx is told from other files). */
export async function zipHas(bytes: Buffer, entry: string): Promise<boolean> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return false;
  try {
    return (await ZipReader.open(bytes)).has(entry);
  } catch {
    return false;
  }
}
