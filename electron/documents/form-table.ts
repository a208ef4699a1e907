/**
 * A printed form's table (登记表, 考核表): label cells and value cells on a fixed grid, cells spanning
 * columns, rows with a least height for handwriting. Same conventions as blocks.ts's gridTable: widths
 * in DXA on every cell, fixed layout, the 表格文字 / 表头 styles.
 */
import {
  AlignmentType, BorderStyle, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable,
  WidthType,
} from 'docx';
import { columnWidths } from './blocks';
import { STYLE, TYPE_WIDTH } from './profile';

/** 五号 (10.5 pt) on an exact 15 pt line. */
const SMALL = { size: 21, line: 300 };

export interface FormCell {
  /** Text, or lines (a paragraph each). */
  text: string | string[];
  /** Columns the cell spans (default 1). */
  span?: number;
  /** A label: 黑体, centred. */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
  /** 五号 on a tighter line, for long lists of boxes to tick and long standards. */
  small?: boolean;
}

export interface FormRow {
  cells: FormCell[];
  /** Least height in twips (room to write by hand). */
  height?: number;
  /** Repeat at the top of each page (a table's column titles). */
  header?: boolean;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export function formTable(o: { weights: number[]; rows: FormRow[]; width?: number }): Table {
  const widths = columnWidths(o.weights, o.width ?? TYPE_WIDTH);
  const rows = o.rows.map((r) => {
    let col = 0;
    const cells = r.cells.map((c) => {
      const span = c.span ?? 1;
      const width = widths.slice(col, col + span).reduce((x, y) => x + y, 0);
      col += span;
      const lines = typeof c.text === 'string' ? [c.text] : c.text;
      const align = c.align ?? (c.label ? 'center' : 'left');
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        columnSpan: span > 1 ? span : undefined,
        verticalAlign: c.label || align !== 'left' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
        children: (lines.length ? lines : ['']).map((text) => new Paragraph({
          style: c.label ? STYLE.tableHead : STYLE.tableText,
          alignment: ALIGN[align],
          // A right-aligned number keeps a little room from the cell's border, as in gridTable.
          indent: { left: 0, right: !c.label && align === 'right' ? 113 : 0, firstLine: 0 },
          spacing: c.small ? { line: SMALL.line, lineRule: LineRuleType.EXACT } : undefined,
          children: text ? [new TextRun({ text, size: c.small ? SMALL.size : undefined })] : [],
        })),
      });
    });
    return new TableRow({
      children: cells, cantSplit: true, tableHeader: r.header || undefined,
      height: r.height ? { value: r.height, rule: HeightRule.ATLEAST } : undefined,
    });
  });
  return new Table({
    rows,
    width: { size: widths.reduce((x, y) => x + y, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}
