/**
 * 案例集 and other collections (学习心得, 论文): cover, optional 前言, a table of contents, then each piece
 * on a new page: title (2号小标宋), author and school (楷体), body blocks with pictures.
 */
import { Paragraph, StyleLevel, TabStopType, TableOfContents, TextRun, type Document, type FileChild } from 'docx';
import type { Block } from '../../shared/schemas/blocks';
import { blockRenderer, type BlockRenderer, type BuildContext } from './blocks';
import { isMonospacedCjkFont, piecePages, standInBlocks, standInPageNumbers } from './collection-pages';
import { FIT, STYLE, TYPE_WIDTH, blankLine, blankPageSection, profileDocument, section, titleOf, type DocFonts, type ProfileDocumentOptions } from './profile';
import { pageCount } from './page-end';
import { chineseNumber } from '../../shared/numbers';
import { volumeLabel } from '../../shared/labels';
import { docxFile, type GeneratedFile } from './pack';

export interface CollectionPiece {
  title: string;
  author: string;
  school?: string | null;
  blocks: Block[];
}

export interface CollectionInput {
  /** e.g. 教育督导案例集 */
  title: string;
  /** 第N册, or null for a single volume. */
  volume?: number | null;
  office: string;
  year: number;
  preface?: Block[] | null;
  pieces: CollectionPiece[];
  /**
   * Write the table of contents with its page numbers, laying the pages out while packing (default true).
   * Without it the entries are written without numbers until Word updates the field.
   */
  tocPageNumbers?: boolean;
}

export function bylineText(p: CollectionPiece): string {
  return p.school ? `${p.school}\u3000${p.author}` : p.author;
}

/** The cover page. */
function cover(c: CollectionInput, words: readonly string[] = []): Paragraph[] {
  const lines = (n: number) => Array.from({ length: n }, () => blankLine());
  return [
    ...lines(5),
    titleOf(c.title, words, { style: STYLE.coverTitle, fit: FIT.cover }),
    ...(c.volume ? [new Paragraph({ style: STYLE.partTitle, children: [new TextRun(`第${chineseNumber(c.volume)}册`)] })] : []),
    ...lines(9),
    new Paragraph({ style: STYLE.byline, children: [new TextRun(c.office)] }),
    new Paragraph({ style: STYLE.byline, children: [new TextRun(`${c.year}年`)] }),
  ];
}

/**
 * The collection as a Document: the cover in a section of its own without a page number; 前言, 目录 and
 * the pieces from the next odd page, numbered from 1. The table of contents is a real TOC field over the
 * pieces' titles (the Title style), written with its entries filled in and marked for Word to update its
 * page numbers on opening (`updateFields`). The numbers written come from laying out a stand-in of the
 * document whose body text is replaced by as many empty lines (see collection-pages.ts).
 */
export function buildCollection(c: CollectionInput, given: BuildContext): Document {
  // The stand-in has the same pictures: read each file once.
  const images = new Map<string, Uint8Array | null>();
  const load = given.loadImage;
  const ctx: BuildContext = load
    ? { ...given, loadImage: (hash) => (images.has(hash) ? images.get(hash)! : images.set(hash, load(hash)).get(hash)!) }
    : given;
  const estimate = (c.tocPageNumbers ?? true) && isMonospacedCjkFont(ctx.fonts.body);
  const front = frontPages(c, ctx);
  return collectionDocument(c, ctx, {
    estimatePages: (c.tocPageNumbers ?? true) && !estimate,
    pageNumbers: estimate
      ? standInPageNumbers((pageNumbers) => collectionDocument(c, ctx, { pageNumbers }, standInPiece(ctx.fonts, ctx.words), front), ctx.fonts)
      : undefined,
  }, undefined, front);
}

/**
 * A piece in the stand-in of the document that page numbers are worked out on: the title (its TOC entry), a line and
 * an empty page for each further page it takes, when its pages are counted; otherwise the piece with its body text
 * replaced by as many empty lines.
 */
function standInPiece(fonts: DocFonts, words?: readonly string[]) {
  return (p: CollectionPiece, blocks: BlockRenderer, first: boolean): FileChild[] => {
    const pages = piecePages({ title: p.title, byline: bylineText(p), blocks: p.blocks, words }, fonts);
    if (pages === null) return pieceContent({ ...p, blocks: standInBlocks(p.blocks) }, blocks, words, first);
    return [
      titleOf(p.title, words, { pageBreakBefore: !first }),
      blankLine(),
      ...Array.from({ length: pages - 1 }, () => new Paragraph({ style: STYLE.normal, pageBreakBefore: true })),
    ];
  };
}

/** A piece: from a new page, its title (2号小标宋), author and school (楷体), an empty line and its body. */
function pieceContent(p: CollectionPiece, blocks: BlockRenderer, words?: readonly string[], first = false): FileChild[] {
  return [
    titleOf(p.title, words, { pageBreakBefore: !first }),
    new Paragraph({ style: STYLE.byline, children: [new TextRun(bylineText(p))] }),
    blankLine(),
    ...blocks.render(p.blocks),
  ];
}

/**
 * 前言 and 目录, before the body. `toc` is the real TOC field, or a stand-in of its entries (one line each,
 * the title and a page number at a dotted tab) when the front matter's pages are counted.
 */
function frontMatter(c: CollectionInput, blocks: BlockRenderer, toc: 'field' | 'stand-in', standIn: boolean): FileChild[] {
  const out: FileChild[] = [];
  if (c.preface?.length) {
    out.push(new Paragraph({ style: STYLE.partTitle, children: [new TextRun('前言')] }), blankLine(),
      ...blocks.render(standIn ? standInBlocks(c.preface) : c.preface));
  }
  out.push(new Paragraph({ style: STYLE.partTitle, pageBreakBefore: out.length > 0, children: [new TextRun('目录')] }), blankLine());
  if (toc === 'field') {
    out.push(new TableOfContents('目录', { hyperlink: true, stylesWithLevels: [new StyleLevel('Title', 1)] }));
  } else {
    out.push(...c.pieces.map((p) => new Paragraph({
      style: STYLE.toc1, tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH, leader: 'dot' }],
      children: [new TextRun(`${p.title}\t${c.pieces.length * 9}`)],
    })));
  }
  return out;
}

/**
 * Pages the front matter takes, laid out: printed double-sided it is made up to whole sheets, so the body
 * starts on a right-hand page whatever the reader decides an odd-page break means after a restart.
 */
function frontPages(c: CollectionInput, ctx: BuildContext): number {
  const children = frontMatter(c, blockRenderer(ctx.loadImage), 'stand-in', false);
  return pageCount(profileDocument(ctx.fonts, { title: '', sections: [section({ children, pageNumbers: false })] }));
}

function collectionDocument(c: CollectionInput, ctx: BuildContext, pages: Pick<ProfileDocumentOptions, 'estimatePages' | 'pageNumbers'>,
  standIn?: (p: CollectionPiece, blocks: BlockRenderer, first: boolean) => FileChild[], front = frontPages(c, ctx)): Document {
  const blocks = blockRenderer(ctx.loadImage);
  const matter = frontMatter(c, blocks, 'field', Boolean(standIn));
  const body = c.pieces.flatMap((p, i) => (standIn ? standIn(p, blocks, i === 0) : pieceContent(p, blocks, ctx.words, i === 0)));
  const name = c.volume ? `${c.title}（第${chineseNumber(c.volume)}册）` : c.title;
  return profileDocument(ctx.fonts, {
    title: name,
    updateFields: true,
    ...pages,
    // Printed double-sided: the cover and its blank back, the front matter made up to whole sheets, both
    // unnumbered; the body from a right-hand page, "— 1 —". The blank pages are pages of their own, so every
    // reader prints them; each part also starts at an odd-page break, which agrees with the counts.
    sections: [
      section({ children: cover(c, ctx.words), pageNumbers: false, firstPageNumber: 1 }),
      blankPageSection(),
      section({ children: matter, pageNumbers: false, start: 'odd' }),
      ...(front % 2 === 1 ? [blankPageSection()] : []),
      section({ children: body, start: 'odd', firstPageNumber: 1 }),
    ],
  });
}

/** The collection as a .docx: its title and volume, 教育督导案例集（第二册）.docx */
export function collectionFile(c: CollectionInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`${c.title}${volumeLabel(c.volume ?? null)}`, buildCollection(c, ctx));
}
