/**
 * 案例集 and other collections (学习心得, 论文): cover, optional 前言, a table of contents, then each piece
 * on a new page: title (2号小标宋), author and school (楷体), body blocks with pictures.
 */
import { Paragraph, StyleLevel, TableOfContents, TextRun, type Document, type FileChild } from 'docx';
import type { Block } from '../../shared/schemas/blocks';
import { blockRenderer, type BuildContext } from './blocks';
import { STYLE, blankLine, chineseNumber, profileDocument, section } from './profile';

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
   * It costs about 0.1 s a piece (10 s for 92); without it the entries are written without numbers until
   * Word updates the field.
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
 * page numbers on opening (`updateFields`).
 */
export function buildCollection(c: CollectionInput, ctx: BuildContext): Document {
  const blocks = blockRenderer(ctx.loadImage);
  const body: FileChild[] = [];
  if (c.preface?.length) {
    body.push(new Paragraph({ style: STYLE.partTitle, children: [new TextRun('前言')] }), blankLine(), ...blocks.render(c.preface));
  }
  body.push(
    new Paragraph({ style: STYLE.partTitle, pageBreakBefore: body.length > 0, children: [new TextRun('目录')] }),
    blankLine(),
    new TableOfContents('目录', { hyperlink: true, stylesWithLevels: [new StyleLevel('Title', 1)] }),
  );
  for (const p of c.pieces) {
    body.push(
      new Paragraph({ style: STYLE.title, pageBreakBefore: true, children: [new TextRun(p.title)] }),
      new Paragraph({ style: STYLE.byline, children: [new TextRun(bylineText(p))] }),
      blankLine(),
      ...blocks.render(p.blocks),
    );
  }
  const name = c.volume ? `${c.title}（第${chineseNumber(c.volume)}册）` : c.title;
  return profileDocument(ctx.fonts, {
    title: name,
    updateFields: true,
    estimatePages: c.tocPageNumbers ?? true,
    sections: [
      section({ children: cover(c), pageNumbers: false }),
      section({ children: body, start: 'odd', firstPageNumber: 1 }),
    ],
  });
}
