/**
 * Where a document's body ends, for what must sit at the foot of its last page (the 版记, a 回执) and for
 * double-sided printing (a body that must end on an even page, front matter that must fill whole sheets).
 * The pages are laid out with docx's layout (docx/layout), which lays lines out as Word does; the office's
 * CJK fonts are not in its width tables, so it measures them as a monospaced CJK font (an em a character,
 * half an em for digits and Latin), as 仿宋_GB2312, 黑体 and 楷体_GB2312 are.
 */
import { PageBreak, Paragraph, type Document, type FileChild, type ISectionOptions } from 'docx';
import { layoutDocument, type BlockLayout } from 'docx/layout';
import {
  COLOPHON_SLACK, LINE, MARGIN, TYPE_HEIGHT, blankPageSection, colophon, colophonSection, profileDocument, section, spacer,
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
 * Room to spare on the last page before the 版记 or a 回执 is put beside the body, for a reader's rounding:
 * body lines are exact, so a third of a line is plenty.
 */
const SHARE_MARGIN = Math.round(LINE / 3);

/**
 * A body and a block that belongs at the foot of its last page (a 回执 and its cut line): the block shares
 * the last page, pushed to its foot, when it fits there with a line to spare; otherwise it goes to a page of
 * its own, from the top. `body` is called for each layout (docx objects are written once each).
 */
export function withFootBlock(fonts: DocFonts, body: () => FileChild[], block: () => Paragraph[], height: number): ISectionOptions[] {
  const end = bodyEnd(profileDocument(fonts, { title: '', sections: [section({ children: body() })] }));
  const room = TYPE_HEIGHT - end.used;
  if (room >= height + SHARE_MARGIN) {
    return [section({ children: [...body(), spacer(room - height - COLOPHON_SLACK), ...block()] })];
  }
  const [first, ...rest] = block();
  return [section({ children: [...body(), new Paragraph({ children: [new PageBreak()] }), first, ...rest] })];
}

/**
 * A body closed by its 版记 (GB/T 9704 7.4, 7.5): at the foot of the last page, which is an even page when
 * printed double-sided. It shares the body's last page when that page is even and has room; a body ending
 * on an odd page is followed by the 版记's own (even) page; an even page without room, by a blank page and
 * then the 版记's page, neither numbered.
 */
export function withColophon(fonts: DocFonts, body: () => FileChild[], c: ColophonInput): ISectionOptions[] {
  const end = bodyEnd(profileDocument(fonts, { title: '', sections: [section({ children: body() })] }));
  const { paragraphs, height } = colophon(c);
  const room = TYPE_HEIGHT - end.used;
  if (end.pages % 2 === 0 && room >= height + SHARE_MARGIN) {
    return [section({ children: [...body(), spacer(room - height - COLOPHON_SLACK), ...paragraphs] })];
  }
  return [section({ children: body() }), ...(end.pages % 2 === 0 ? [blankPageSection()] : []), colophonSection(c)];
}
