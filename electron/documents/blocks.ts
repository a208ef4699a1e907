/**
 * The block model (shared/schemas/blocks.ts) rendered onto the profile's styles, one to one:
 * paragraph → Normal, heading n → heading n, list → numbered/bulleted body lines, image → Figure + caption,
 * table → a fixed grid on the type area's width. Also the grid-table helper the builders share.
 */
import {
  AlignmentType, BorderStyle, ImageRun, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, WidthType, type FileChild,
} from 'docx';
import type { Block, TextRunData } from '../../shared/schemas/blocks';
import { STYLE, TYPE_HEIGHT, TYPE_WIDTH, type DocFonts } from './profile';

/** The bytes of an attachment by its hash, or null when the file is missing. */
export type LoadImage = (hash: string) => Uint8Array | null;

/** What every builder gets besides its data: the office's fonts and a way to read pictures. */
export interface BuildContext {
  fonts: DocFonts;
  loadImage?: LoadImage;
  /** The archive's names (office, schools, zones, document kinds), kept whole when a title breaks. */
  words?: readonly string[];
}

type ImageKind = 'png' | 'jpg' | 'gif' | 'bmp';

/** The picture format from the file's first bytes (what Word can embed), or null. */
export function imageKind(b: Uint8Array): ImageKind | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'gif';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  return null;
}

/** Largest picture in pixels (96 per inch = 15 twips each): the type area's width, 60 % of its height. */
export const MAX_IMAGE = { width: Math.floor(TYPE_WIDTH / 15), height: Math.floor((TYPE_HEIGHT * 0.6) / 15) };

/** Scale (width, height) down to fit MAX_IMAGE, keeping the proportions; never up. */
export function fitImage(width: number, height: number, max = MAX_IMAGE): { width: number; height: number } {
  const k = Math.min(1, max.width / width, max.height / height);
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/** Text runs; a line break inside a run's text becomes a line break in Word. */
export function runs(parts: TextRunData[]): TextRun[] {
  return parts.flatMap((p) => p.text.split(/\r?\n/)
    .map((text, i) => new TextRun({ text, bold: p.bold || undefined, break: i > 0 ? 1 : undefined })));
}

export interface GridColumn {
  title: string;
  /** Relative width; the widths are scaled to fill `width`. */
  weight: number;
  /** Text left (default) or centred; numbers right-aligned, never ragged left. */
  align?: 'left' | 'center' | 'right';
}

/**
 * A cell: text, several lines (a paragraph each), or lines merged down over `rowSpan` rows or across
 * `columnSpan` columns, set in bold when `bold`.
 */
export type GridCell = string | string[] | { lines: string[]; rowSpan?: number; columnSpan?: number; bold?: boolean };

export interface GridTableOptions {
  columns: GridColumn[];
  /**
   * Rows of cells. A row leaves out the cells of columns covered by a cell merged down from above or
   * across from its left. A row given as `{ cells, keepNext }` is kept on the same page as the next one;
   * `cantSplit` keeps the row itself whole on a page; `bold` sets a total row in bold.
   */
  rows: (GridCell[] | { cells: GridCell[]; keepNext?: boolean; cantSplit?: boolean; bold?: boolean })[];
  /** Whether to write the column titles as a header row repeated on every page (default true). */
  header?: boolean;
  /** Total width in twips (default: the portrait type area). */
  width?: number;
}

/** Column widths in twips from weights, summing exactly to `total`. */
export function columnWidths(weights: number[], total = TYPE_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * A bordered table on the type area's width, with `columnWidths` and every cell's width in DXA (WPS
 * mis-sizes tables without them), cells in the 表格文字 style (no first-line indent), and the header row
 * marked `tableHeader` so Word and LibreOffice repeat it at the top of every page.
 */
export function gridTable(o: GridTableOptions): Table {
  const widths = columnWidths(o.columns.map((c) => c.weight), o.width ?? TYPE_WIDTH);
  const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };
  const cell = (content: GridCell, i: number, head: boolean, bold?: boolean) => {
    const lines = typeof content === 'string' ? [content] : Array.isArray(content) ? content : content.lines;
    const merged = typeof content === 'object' && !Array.isArray(content) ? content : null;
    const span = merged?.columnSpan ?? 1;
    const align = o.columns[i].align ?? 'left';
    return new TableCell({
      width: { size: widths.slice(i, i + span).reduce((x, y) => x + y, 0), type: WidthType.DXA },
      rowSpan: merged?.rowSpan,
      columnSpan: span > 1 ? span : undefined,
      verticalAlign: head || align !== 'left' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      children: (lines.length ? lines : ['']).map((text) => new Paragraph({
        style: head ? STYLE.tableHead : STYLE.tableText,
        alignment: head ? AlignmentType.CENTER : ALIGN[align],
        // A right-aligned number keeps a little room from the cell's border.
        indent: { left: 0, right: !head && align === 'right' ? 113 : 0, firstLine: 0 },
        children: text ? [new TextRun({ text, bold: (bold || merged?.bold) || undefined })] : [],
      })),
    });
  };
  const rows: TableRow[] = [];
  if (o.header ?? true) {
    rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: o.columns.map((c, i) => cell(c.title, i, true)) }));
  }
  // Rows still covered by a cell merged down, per column.
  const covered = o.columns.map(() => 0);
  for (const row of o.rows) {
    const r = Array.isArray(row) ? row : row.cells;
    const cells: TableCell[] = [];
    let k = 0;
    let across = 0;
    o.columns.forEach((_, i) => {
      if (covered[i] > 0) { covered[i] -= 1; return; }
      if (across > 0) { across -= 1; return; }
      const c = r[k++] ?? '';
      if (typeof c === 'object' && !Array.isArray(c)) {
        if ((c.rowSpan ?? 1) > 1) covered[i] = (c.rowSpan ?? 1) - 1;
        across = (c.columnSpan ?? 1) - 1;
      }
      cells.push(cell(c, i, false, !Array.isArray(row) && row.bold));
    });
    const opts: { keepNext?: boolean; cantSplit?: boolean } = Array.isArray(row) ? {} : row;
    rows.push(new TableRow({ children: cells, keepNext: opts.keepNext || undefined, cantSplit: opts.cantSplit || undefined }));
  }
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
  });
}

/** Weights for a block table's columns: the longest cell's length, kept between 2 and 16 characters. */
function contentWeights(rows: string[][]): number[] {
  return rows[0].map((_, i) => Math.min(16, Math.max(2, ...rows.map((r) => [...(r[i] ?? '')].length))));
}

/** A number as a table writes it: 12, 1,234, 3.5, 70.27%, −2, 12个. */
const NUMBER = /^[−-]?\d[\d,]*(\.\d+)?\s*(%|％|个|次|所|件|人|名|份|元|万元)?$/;

/** A column whose every filled cell is a number: set right-aligned. */
export function numericColumn(rows: string[][], i: number): boolean {
  const cells = rows.map((r) => (r[i] ?? '').trim()).filter(Boolean);
  return cells.length > 0 && cells.every((c) => NUMBER.test(c));
}

export interface BlockRenderer {
  render(blocks: Block[]): FileChild[];
}

/**
 * Renders blocks; one renderer per document, so each list gets its own numbering instance (restarting at 1).
 * A picture whose file is missing or not a PNG/JPEG/GIF/BMP is written as a bracketed note instead.
 */
export function blockRenderer(loadImage: LoadImage = () => null): BlockRenderer {
  let listInstance = 0;
  const render = (b: Block): FileChild[] => {
    switch (b.type) {
      case 'paragraph':
        return [new Paragraph({ style: STYLE.normal, children: runs(b.runs) })];
      case 'heading':
        return [new Paragraph({ style: STYLE.heading[b.level - 1], children: [new TextRun(b.text)] })];
      case 'list': {
        listInstance += 1;
        const reference = b.ordered ? 'numbers' : 'bullets';
        return b.items.map((text) => new Paragraph({
          style: STYLE.normal, numbering: { reference, level: 0, instance: listInstance }, children: [new TextRun(text)],
        }));
      }
      case 'image': {
        const bytes = loadImage(b.hash);
        const kind = bytes ? imageKind(bytes) : null;
        const caption = b.caption ? [new Paragraph({ style: STYLE.caption, children: [new TextRun(b.caption)] })] : [];
        if (!bytes || !kind) {
          const note = `〔图片${bytes ? '格式无法插入' : '文件缺失'}${b.caption ? `：${b.caption}` : ''}〕`;
          return [new Paragraph({ style: STYLE.caption, children: [new TextRun(note)] })];
        }
        const size = fitImage(b.width, b.height);
        return [
          new Paragraph({
            style: STYLE.figure,
            keepNext: caption.length > 0,
            children: [new ImageRun({ type: kind, data: bytes, transformation: size, altText: b.caption ? { name: b.caption, description: b.caption } : undefined })],
          }),
          ...caption,
        ];
      }
      case 'table': {
        const [first, ...rest] = b.rows;
        const body = b.header ? rest : b.rows;
        const columns = first.map((title, i): GridColumn => ({ title, weight: contentWeights(b.rows)[i], align: numericColumn(body, i) ? 'right' : 'left' }));
        return b.header
          ? [gridTable({ columns, rows: rest })]
          : [gridTable({ columns: columns.map((c) => ({ ...c, title: '' })), rows: b.rows, header: false })];
      }
    }
  };
  return { render: (blocks) => blocks.flatMap(render) };
}
