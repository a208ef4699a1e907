/**
 * The text of a .docx for the search, read as document.xml streams: each run's text, a line per
 * paragraph. Memory stays flat however long the document (a DOM reader such as mammoth takes about a
 * hundred times the XML: 4 MB of XML, 400 MB of memory), and the reading stops once `maxChars` are in.
 */
import { DOCX_ZIP, ZipFileReader, ZipRefused } from './safe-zip';

/**
 * A run's text, a paragraph's end, a tab or a line break (any namespace prefix; latin1, so bytes). A tab
 * character is <w:tab/>; a <w:tab w:pos=…/> with attributes is a tab stop, not text.
 */
const PIECE = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>|<\/(?:\w+:)?p>|<(?:\w+:)?(?:(tab)\s*|(?:br|cr)\b[^>]*)\/>/g;
/** What is kept of a chunk's unread end for the next chunk: a run's text longer than this loses its start. */
const CARRY_MAX = 64 * 1024;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8')
  .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (all, hex: string, dec: string, name: string) => {
    if (name) return ENTITY[name] ?? all;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });

/**
 * The text of the .docx in `bytes` (at most `maxChars`), or null when it is no .docx. The directory is
 * checked (DOCX_ZIP) and document.xml's size while it streams; a refusal is thrown.
 */
export async function docxText(bytes: Buffer, maxChars: number): Promise<string | null> {
  let zip: ZipFileReader;
  try {
    zip = await ZipFileReader.open(bytes, DOCX_ZIP);
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    return null;
  }
  try {
    if (!zip.has('word/document.xml')) return null;
    const out: string[] = [];
    let length = 0;
    let carry = '';
    const source = await zip.stream('word/document.xml');
    try {
      for await (const chunk of source) {
        const text = carry + (chunk as Buffer).toString('latin1');
        let end = 0;
        PIECE.lastIndex = 0;
        for (let m = PIECE.exec(text); m; m = PIECE.exec(text)) {
          end = PIECE.lastIndex;
          const piece = m[1] !== undefined ? decode(m[1]) : m[2] === 'tab' ? '\t' : '\n';
          out.push(piece);
          length += piece.length;
        }
        carry = text.slice(Math.max(end, text.length - CARRY_MAX));
        if (length >= maxChars) break;
      }
    } finally {
      source.destroy();
    }
    return out.join('').replace(/\n{3,}/g, '\n\n').trim().slice(0, maxChars);
  } finally {
    zip.close();
  }
}
