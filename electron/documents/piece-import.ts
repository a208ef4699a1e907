/**
 * Reading a case (案例, 心得, 论文) from the office's own Word file: mammoth turns the .docx into HTML,
 * which is read here into the block model (shared/schemas/blocks.ts) — headings, paragraphs with bold,
 * lists, tables and pictures — with the title from the first heading (or the first short line) and the
 * author and school from the byline under it when there is one ("作者：…", "××学校 张三", "文/…").
 * Fed bytes, it returns plain data: pictures come back as bytes for the caller to store.
 */
import path from 'node:path';
import mammoth from 'mammoth';
import { AppError } from '../../shared/result';
import type { Block } from '../../shared/schemas/blocks';
import { pictureTooLarge } from '../../shared/image-header';
import { imageKind } from './blocks';
import { imageInfo } from './image-check';
import { checkDocx } from './safe-zip';

/** A picture read from the file, to be stored (by the caller) and referred to by its hash. */
export interface ImportedImage { type: 'imageBytes'; bytes: Buffer; mime: string; width: number; height: number }
export type ImportedBlock = Exclude<Block, { type: 'image' }> | ImportedImage;

export interface ImportedPiece {
  /** The file's name without folders. */
  fileName: string;
  title: string;
  /** From the byline, as written; null when there is none. */
  author: string | null;
  school: string | null;
  blocks: ImportedBlock[];
  /** What could not be taken over as it was (in Chinese), for the result list. */
  notes: string[];
}

// The block model's limits (shared/schemas/blocks.ts).
const MAX = { title: 100, heading: 200, run: 20_000, item: 5000, cell: 2000, columns: 20, rows: 1000, blocks: 5000 };
/** Word's title styles read as headings (mammoth maps Heading 1–6 itself). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='标题'] => h1:fresh"];
// ---- A small reader for mammoth's HTML (well formed, a few elements, attributes quoted) ----

interface El { tag: string; attrs: Record<string, string>; children: Node[] }
type Node = El | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (t: string) => t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
  if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  return ENTITIES[e.toLowerCase()] ?? m;
});
const VOID = new Set(['img', 'br', 'hr']);

function parseHtml(html: string): El {
  const root: El = { tag: 'root', attrs: {}, children: [] };
  const stack = [root];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (m[5] !== undefined) { top.children.push(decode(m[5])); continue; }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) attrs[a[1].toLowerCase()] = decode(a[2] ?? '');
    const el: El = { tag, attrs, children: [] };
    top.children.push(el);
    if (!VOID.has(tag) && !m[4]) stack.push(el);
  }
  return root;
}

/** The text of a node: <br> as a line break, paragraphs in a cell or item on lines of their own. */
function textOf(n: Node): string {
  if (typeof n === 'string') return n;
  if (n.tag === 'br') return '\n';
  const inner = n.children.map(textOf).join('');
  return n.tag === 'p' || /^h\d$/.test(n.tag) || n.tag === 'li' ? `${inner}\n` : inner;
}
const clean = (t: string) => t.replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n{2,}/g, '\n').trim();
const cut = (t: string, n: number) => ([...t].length > n ? [...t].slice(0, n).join('') : t);

// ---- HTML → blocks ----

interface Reading { blocks: ImportedBlock[]; notes: string[]; images: Map<string, ImportedImage | string> }

/** Runs of a paragraph (bold where <strong>/<b>), pictures taken out as blocks of their own in place. */
function paragraph(el: El, r: Reading): void {
  let runs: { text: string; bold?: boolean }[] = [];
  const flush = () => {
    const merged = runs.reduce<{ text: string; bold?: boolean }[]>((out, x) => {
      const last = out[out.length - 1];
      if (last && !!last.bold === !!x.bold) last.text += x.text; else out.push({ ...x });
      return out;
    }, []);
    const text = merged.map((x) => x.text).join('');
    if (text.trim()) {
      const first = merged[0];
      first.text = first.text.replace(/^\s+/, '');
      const last = merged[merged.length - 1];
      last.text = last.text.replace(/\s+$/, '');
      r.blocks.push({ type: 'paragraph', runs: merged.filter((x) => x.text).map((x) => ({ text: cut(x.text, MAX.run), ...(x.bold ? { bold: true } : {}) })) });
    }
    runs = [];
  };
  const walk = (n: Node, bold: boolean) => {
    if (typeof n === 'string') { runs.push({ text: n, ...(bold ? { bold } : {}) }); return; }
    if (n.tag === 'br') { flush(); return; } // a line break in Word: the next line as a paragraph of its own
    if (n.tag === 'img') { flush(); picture(n, r); return; }
    for (const c of n.children) walk(c, bold || n.tag === 'strong' || n.tag === 'b');
  };
  walk(el, false);
  flush();
}

function picture(el: El, r: Reading): void {
  const got = r.images.get(el.attrs.src ?? '');
  if (!got) return;
  if (typeof got === 'string') r.notes.push(got);
  else r.blocks.push(got);
}

function list(el: El, r: Reading): void {
  const items: string[] = [];
  const walk = (l: El) => {
    for (const li of l.children) {
      if (typeof li === 'string' || li.tag !== 'li') continue;
      const own = clean(li.children.filter((c) => typeof c === 'string' || (c.tag !== 'ol' && c.tag !== 'ul')).map(textOf).join(''));
      if (own) items.push(cut(own, MAX.item));
      for (const c of li.children) if (typeof c !== 'string' && (c.tag === 'ol' || c.tag === 'ul')) walk(c);
      for (const c of li.children) if (typeof c !== 'string') for (const img of find(c, 'img')) picture(img, r);
    }
  };
  walk(el);
  for (let i = 0; i < items.length; i += 500) r.blocks.push({ type: 'list', ordered: el.tag === 'ol', items: items.slice(i, i + 500) });
}

const find = (n: El, tag: string): El[] => n.children.flatMap((c) => (typeof c === 'string' ? [] : c.tag === tag ? [c] : find(c, tag)));

function table(el: El, r: Reading, n: number): void {
  const rows = find(el, 'tr').map((tr) => tr.children.filter((c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')));
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((x) => x.length));
  if (width === 0) return;
  if (width > MAX.columns) r.notes.push(`第${n}个表格有${width}列，只导入了前${MAX.columns}列。`);
  if (rows.length > MAX.rows) r.notes.push(`第${n}个表格有${rows.length}行，只导入了前${MAX.rows}行。`);
  let long = false;
  const cells = rows.slice(0, MAX.rows).map((row) => Array.from({ length: Math.min(width, MAX.columns) }, (_, i) => {
    const t = row[i] ? clean(textOf(row[i])) : '';
    if ([...t].length > MAX.cell) long = true;
    return cut(t, MAX.cell);
  }));
  if (long) r.notes.push(`第${n}个表格有单元格超过${MAX.cell}字，超出部分未导入。`);
  const boldRow = rows[0].every((c) => c.tag === 'th' || (find(c, 'strong').length > 0 && clean(textOf(c)) === clean(find(c, 'strong').map(textOf).join(''))));
  r.blocks.push({ type: 'table', header: boldRow, rows: cells });
  for (const img of find(el, 'img')) picture(img, r);
}

/** Headings typed as plain short paragraphs, the way offices number them: 一、 → level 1, （一） → level 2. */
function numberedHeading(b: ImportedBlock): ImportedBlock {
  if (b.type !== 'paragraph') return b;
  const text = b.runs.map((x) => x.text).join('').trim();
  if ([...text].length > 40 || /[。；;：:]$/.test(text) || text.includes('\n')) return b;
  if (/^[一二三四五六七八九十]+、/.test(text)) return { type: 'heading', level: 1, text };
  if (/^（[一二三四五六七八九十]+）/.test(text)) return { type: 'heading', level: 2, text };
  return b;
}

function toBlocks(html: string, images: Map<string, ImportedImage | string>): Reading {
  const r: Reading = { blocks: [], notes: [], images };
  let tables = 0;
  const walk = (n: Node) => {
    if (typeof n === 'string') {
      if (n.trim()) r.blocks.push({ type: 'paragraph', runs: [{ text: cut(n.trim(), MAX.run) }] });
      return;
    }
    const h = /^h(\d)$/.exec(n.tag);
    if (h) {
      const text = clean(textOf(n)).replace(/\n/g, ' ');
      if (!text) return;
      if ([...text].length > MAX.heading) r.blocks.push({ type: 'paragraph', runs: [{ text: cut(text, MAX.run), bold: true }] });
      else r.blocks.push({ type: 'heading', level: Math.min(4, Number(h[1])) as 1 | 2 | 3 | 4, text });
      for (const img of find(n, 'img')) picture(img, r);
      return;
    }
    if (n.tag === 'p') return paragraph(n, r);
    if (n.tag === 'ol' || n.tag === 'ul') return list(n, r);
    if (n.tag === 'table') return table(n, r, ++tables);
    if (n.tag === 'img') return picture(n, r);
    n.children.forEach(walk);
  };
  walk(parseHtml(html));
  r.blocks = r.blocks.map(numberedHeading);
  return r;
}

// ---- Title and byline ----

const SCHOOL_END = '(?:学校|小学|中学|幼儿园|完小|学院|大学|中心|教学点|督导室|教育局|督导组|责任区|教研室|研究室|办公室)';
const NAME = '(?:[\\u4e00-\\u9fa5]{2,4}|[\\u4e00-\\u9fa5]{1,6}·[\\u4e00-\\u9fa5]{1,6})';
const NAMES = `${NAME}(?:[、，,\\s\\u3000]+${NAME})*`;
const GAP = '[\\s\\u3000]';
/** ××学校 张三 (a gap between them unless the line says 作者：). */
const schoolThenNames = (gap: boolean) => new RegExp(`^(.{2,40}?${SCHOOL_END})${GAP}${gap ? '+' : '*'}(${NAMES})$`);
const NAMES_THEN_SCHOOL = new RegExp(`^(${NAMES})${GAP}*[（(](.{2,40}?${SCHOOL_END})[)）]$`);
const NAMES_ONLY = new RegExp(`^${NAMES}$`);
const names = (t: string) => t.split(/[、，,\s\u3000]+/).filter(Boolean).join('、');

/** A byline's author and school, or null when the line is not one. */
export function readByline(line: string): { author: string | null; school: string | null } | null {
  let t = line.trim().replace(/^[（(](.*)[）)]$/, '$1').trim();
  const school = /^(?:单位|学校|工作单位)[：:\s\u3000]+(.+)$/.exec(t);
  if (school) return { author: null, school: school[1].trim() };
  const labelled = /^(?:作者|撰稿人?|撰写人?|执笔人?|供稿人?)[：:\s\u3000]*(.+)$/.exec(t) ?? /^文\s*[/／]\s*(.+)$/.exec(t);
  if (labelled) t = labelled[1].trim();
  let m = schoolThenNames(!labelled).exec(t);
  if (m) return { school: m[1].trim(), author: names(m[2]) };
  m = NAMES_THEN_SCHOOL.exec(t);
  if (m) return { author: names(m[1]), school: m[2].trim() };
  if (labelled && NAMES_ONLY.test(t)) return { author: names(t), school: null };
  return null;
}

/** The title (first heading, or a first short line), then a byline of up to three lines under it. */
function titleAndByline(fileName: string, blocks: ImportedBlock[]): { title: string; author: string | null; school: string | null; body: ImportedBlock[] } {
  const text = (b: ImportedBlock | undefined) => (b?.type === 'heading' ? b.text : b?.type === 'paragraph' ? b.runs.map((x) => x.text).join('').trim() : null);
  let rest = blocks;
  let title = path.basename(fileName).replace(/\.docx$/i, '');
  const first = text(rest[0]);
  if (first && (rest[0].type === 'heading' || ([...first].length <= 60 && !/[。；]$/.test(first)))) {
    title = first.replace(/\s*\n\s*/g, '');
    rest = rest.slice(1);
  }
  let author: string | null = null;
  let school: string | null = null;
  for (let i = 0; i < 3; i++) {
    const line = text(rest[0]);
    const by = line && rest[0].type === 'paragraph' && [...line].length <= 60 ? readByline(line) : null;
    if (!by) break;
    author ??= by.author;
    school ??= by.school;
    rest = rest.slice(1);
  }
  return { title: cut(title, MAX.title), author, school, body: rest };
}

// ---- The file ----

/** Read a case from a .docx; refused with a Chinese reason when it is not one that can be read. */
export async function readPieceDocx(fileName: string, bytes: Buffer): Promise<ImportedPiece> {
  const name = path.basename(fileName.replace(/\\/g, '/'));
  const ext = path.extname(name).slice(1).toLowerCase();
  if (ext === 'doc' || ext === 'wps') throw new AppError('invalid', `「${name}」是旧版 .${ext} 文件，请在 Word 或 WPS 中另存为 .docx 后再导入。`, 'uploadId');
  if (ext !== 'docx') throw new AppError('invalid', `「${name}」不是 Word 文档，只能导入 .docx 文件。`, 'uploadId');
  if (bytes.length === 0) throw new AppError('invalid', `「${name}」是空文件，请重新选择。`, 'uploadId');
  const damaged = new AppError('invalid', `「${name}」已损坏或不是有效的 Word 文档，无法读取。请用 Word 打开检查，另存为 .docx 后再导入。`, 'uploadId');
  // Judged by its directory before mammoth inflates it whole (a bomb is refused here, cheaply).
  if (!(await checkDocx(bytes))) throw damaged;

  const images = new Map<string, ImportedImage | string>();
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, {
      styleMap: STYLE_MAP,
      convertImage: mammoth.images.imgElement(async (image) => {
        const src = `picture:${images.size + 1}`;
        const data = await image.read();
        // A picture Word can embed (imageKind), its size read from the header (imageInfo).
        const info = imageKind(data) ? imageInfo(data) : null;
        const refused = info ? pictureTooLarge(`第${images.size + 1}张图片`, info) : null;
        images.set(src, info && !refused && info.width > 0 && info.height > 0
          ? { type: 'imageBytes', bytes: data, mime: info.mime, width: info.width, height: info.height }
          : refused ?? `第${images.size + 1}张图片是 ${image.contentType.replace('image/', '').toUpperCase()} 格式，无法导入；请在 Word 中把它另存为 JPG 或 PNG 图片后补上。`);
        return { src };
      }),
    });
    html = result.value;
  } catch {
    throw damaged;
  }

  const read = toBlocks(html, images);
  const { title, author, school, body } = titleAndByline(name, read.blocks);
  if (body.length === 0 && !title) throw new AppError('invalid', `「${name}」中没有文字内容，请检查文件。`, 'uploadId');
  if (body.length > MAX.blocks) read.notes.push(`正文过长，只导入了前${MAX.blocks}段。`);
  return { fileName: name, title, author, school, blocks: body.slice(0, MAX.blocks), notes: read.notes };
}
