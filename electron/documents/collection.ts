/**
 * 案例集 and other collections (学习心得, 论文): cover, optional 前言, a table of contents, then each piece
 * on a new page: title (2号小标宋), author and school (楷体), body blocks with pictures.
 */
import { Paragraph, StyleLevel, TableOfContents, TextRun, type Document, type FileChild } from 'docx';
import type { Block } from '../../shared/schemas/blocks';
import { blockRenderer, type BlockRenderer, type BuildContext } from './blocks';
import { isMonospacedCjkFont, piecePages, standInBlocks, standInPageNumbers } from './collection-pages';
import { STYLE, blankLine, profileDocument, section, type DocFonts, type ProfileDocumentOptions } from './profile';
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

function cover(c: CollectionInput): Paragraph[] {
  const lines = (n: number) => Array.from({ length: n }, () => blankLine());
  return [
    ...lines(5),
    new Paragraph({ style: STYLE.coverTitle, children: [new TextRun(c.title)] }),
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
  return collectionDocument(c, ctx, {
    estimatePages: (c.tocPageNumbers ?? true) && !estimate,
    pageNumbers: estimate
      ? standInPageNumbers((pageNumbers) => collectionDocument(c, ctx, { pageNumbers }, standInPiece(ctx.fonts)), ctx.fonts)
      : undefined,
  });
}

/**
 * A piece in the stand-in of the document that page numbers are worked out on: the title (its TOC entry), a line and
 * an empty page for each further page it takes, when its pages are counted; otherwise the piece with its body text
 * replaced by as many empty lines.
 */
function standInPiece(fonts: DocFonts) {
  return (p: CollectionPiece, blocks: BlockRenderer): FileChild[] => {
    const pages = piecePages({ title: p.title, byline: bylineText(p), blocks: p.blocks }, fonts);
    if (pages === null) return pieceContent({ ...p, blocks: standInBlocks(p.blocks) }, blocks);
    return [
      new Paragraph({ style: STYLE.title, pageBreakBefore: true, children: [new TextRun(p.title)] }),
      blankLine(),
      ...Array.from({ length: pages - 1 }, () => new Paragraph({ style: STYLE.normal, pageBreakBefore: true })),
    ];
  };
}

/** A piece: from a new page, its title (2号小标宋), author and school (楷体), an empty line and its body. */
function pieceContent(p: CollectionPiece, blocks: BlockRenderer): FileChild[] {
  return [
    new Paragraph({ style: STYLE.title, pageBreakBefore: true, children: [new TextRun(p.title)] }),
    new Paragraph({ style: STYLE.byline, children: [new TextRun(bylineText(p))] }),
    blankLine(),
    ...blocks.render(p.blocks),
  ];
}

function collectionDocument(c: CollectionInput, ctx: BuildContext, pages: Pick<ProfileDocumentOptions, 'estimatePages' | 'pageNumbers'>,
  standIn?: (p: CollectionPiece, blocks: BlockRenderer) => FileChild[]): Document {
  const blocks = blockRenderer(ctx.loadImage);
  const body: FileChild[] = [];
  if (c.preface?.length) {
    body.push(new Paragraph({ style: STYLE.partTitle, children: [new TextRun('前言')] }), blankLine(),
      ...blocks.render(standIn ? standInBlocks(c.preface) : c.preface));
  }
  body.push(
    new Paragraph({ style: STYLE.partTitle, pageBreakBefore: body.length > 0, children: [new TextRun('目录')] }),
    blankLine(),
    new TableOfContents('目录', { hyperlink: true, stylesWithLevels: [new StyleLevel('Title', 1)] }),
  );
  for (const p of c.pieces) body.push(...(standIn ? standIn(p, blocks) : pieceContent(p, blocks)));
  const name = c.volume ? `${c.title}（第${chineseNumber(c.volume)}册）` : c.title;
  return profileDocument(ctx.fonts, {
    title: name,
    updateFields: true,
    ...pages,
    sections: [
      section({ children: cover(c), pageNumbers: false }),
      section({ children: body, start: 'odd', firstPageNumber: 1 }),
    ],
  });
}

/** The collection as a .docx: its title and volume, 教育督导案例集（第二册）.docx */
export function collectionFile(c: CollectionInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`${c.title}${volumeLabel(c.volume ?? null)}`, buildCollection(c, ctx));
}
