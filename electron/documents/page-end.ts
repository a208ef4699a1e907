/**
 * Where a document's body ends, for what must sit at the foot of its last page (the 版记, a 回执) and for
 * double-sided printing (a body that must end on an even page, front matter that must fill whole sheets).
 * The pages are laid out with docx's layout (docx/layout), which lays lines out as Word does; the office's
 * CJK fonts are not in its width tables, so it measures them as a monospaced CJK font (an em a character,
 * half an em for digits and Latin), as 仿宋_GB2312, 黑体 and 楷体_GB2312 are.
 *
 * Two things Word and LibreOffice do that the layout does not: they put a fifth of an em between Chinese
 * and a group of digits or Latin letters on each side ("autospace"), and they let a closing mark hang past
 * the line's end. Both are laid out on a stand-in of the document's text (`forLayout`); what is left (a
 * substitute font's digit widths, a mark hanging mid-paragraph) moves a line break by a character, so what
 * is placed at the foot keeps a line to spare.
 */
import { PageBreak, Paragraph, type Document, type FileChild, type ISectionOptions } from 'docx';
import { layoutDocument, type BlockLayout } from 'docx/layout';
import {
  LINE, MARGIN, TYPE_HEIGHT, colophon, colophonSection, profileDocument, section, spacer,
  type ColophonInput, type DocFonts,
} from './profile';

/** Pixels of the layout (96 to the inch) to twips. */
const TWIPS_PER_PX = 15;

export interface BodyEnd {
  /** Pages the document takes. */
  pages: number;
  /** Twips of the last page's type area taken, from its top to the foot of its last line or table row. */
  used: number;
}

function bottom(b: BlockLayout): number {
  if (b.type === 'paragraph') return Math.max(0, ...b.lines.map((l) => l.y + l.height));
  return Math.max(0, ...b.rows.map((r) => r.y + r.height));
}

/** Lay `doc` out and say where its body ends. */
export function bodyEnd(doc: Document): BodyEnd {
  const { pages } = layoutDocument(doc, { guess: true });
  const last = pages.at(-1);
  if (!last) return { pages: 1, used: 0 };
  const foot = Math.max(0, ...last.body.map(bottom)) * TWIPS_PER_PX;
  return { pages: pages.length, used: Math.max(0, Math.round(foot - MARGIN.top)) };
}

/** Pages a document takes, laid out. */
export function pageCount(doc: Document): number {
  return layoutDocument(doc, { guess: true }).pages.length;
}

/**
 * Room kept free under what sits at the foot of the last page, for a line the layout may count differently
 * (a hanging closing mark): at most a line above the foot, never pushed onto another page.
 */
const SHARE_MARGIN = LINE;

/** Keys of a builder's input that are read as data, not printed as they are (dates, hashes, kinds). */
const DATA_KEYS = new Set(['date', 'issuedDate', 'hash', 'type', 'kind', 'visitType', 'channel']);

/**
 * A builder's input with its printed text set as Word and LibreOffice set it, for laying out: each group of
 * digits or Latin letters one character longer, the half an em that stands in for the fifth of an em of
 * space on each side of it; and a paragraph's closing 。！？ left out, as it hangs past a full last line
 * instead of taking a line of its own. Dates and other data fields are left as they are.
 */
export function forLayout<T>(input: T): T {
  const widen = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      return key && DATA_KEYS.has(key) ? v : v.replace(/[0-9A-Za-z]+/g, (m) => `${m}${/\d/.test(m[0]) ? '0' : 'x'}`).replace(/[。！？]$/, '');
    }
    if (Array.isArray(v)) return v.map((x) => widen(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, widen(x, k)]));
    return v;
  };
  return widen(input) as T;
}

/**
 * A body and a block that belongs at the foot of its last page (a 回执 and its cut line): the block shares
 * the last page, pushed to its foot, when it fits there with a line to spare; otherwise it goes to a page of
 * its own, from the top. `body(true)` is the stand-in laid out (forLayout), `body(false)` what is written.
 */
export function withFootBlock(fonts: DocFonts, body: (layout: boolean) => FileChild[], block: () => Paragraph[], height: number): ISectionOptions[] {
  const end = bodyEnd(profileDocument(fonts, { title: '', sections: [section({ children: body(true) })] }));
  const room = TYPE_HEIGHT - end.used;
  if (room >= height + SHARE_MARGIN) {
    return [section({ children: [...body(false), spacer(room - height - SHARE_MARGIN), ...block()] })];
  }
  return [section({ children: [...body(false), new Paragraph({ children: [new PageBreak()] }), ...block()] })];
}

/**
 * A body closed by its 版记 (GB/T 9704 7.4, 7.5): at the foot of the last page, which is an even page when
 * printed double-sided. It shares the body's last page when the layout is sure that page is even and has
 * room: the body ends a few lines clear of the page's top and of the 版记. Otherwise the 版记 has a page of
 * its own from the next even page (colophonSection), which the reader itself makes even, putting a blank
 * page before it when the body ends on an even page.
 */
export function withColophon(fonts: DocFonts, body: (layout: boolean) => FileChild[], c: ColophonInput): ISectionOptions[] {
  const end = bodyEnd(profileDocument(fonts, { title: '', sections: [section({ children: body(true) })] }));
  const { paragraphs, height } = colophon(c);
  const room = TYPE_HEIGHT - end.used;
  const sure = end.used >= 2 * LINE && room >= height + SHARE_MARGIN;
  if (end.pages % 2 === 0 && sure) {
    return [section({ children: [...body(false), spacer(room - height - SHARE_MARGIN), ...paragraphs] })];
  }
  return [section({ children: body(false) }), colophonSection(c)];
}
