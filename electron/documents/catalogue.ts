/** 归档目录: the year package's catalogue, as a Word table (on the GB/T 9704 profile) and as an .xlsx. */
import { gridTable } from './blocks';
import { newWorkbook, toDocx, toXlsx } from './pack';
import { LANDSCAPE_TYPE_WIDTH, blankLine, profileDocument, section, titleOf, type DocFonts } from './profile';
import { DATE_FORMAT, excelDate } from './excel/formats';
import type { CatalogueEntry } from '../../shared/schemas/year-close';
import { datesInWords } from '../../shared/dates';
import { fileSizeText } from '../../shared/numbers';

export function catalogueTitle(office: string, year: number): string {
  return `${office}${year}年度归档目录`;
}

const COLUMNS = ['序号', '题名', '类别', '日期', '页数或大小', 'SHA-256'] as const;
/** A row as printed: dates in words (2026年12月4日, 2025年9月至2026年1月), as everywhere a reader sees them. */
const cells = (e: CatalogueEntry) => [String(e.no), e.title, e.kind, datesInWords(e.date), fileSizeText(e.size), e.sha256];

export async function catalogueDocx(office: string, year: number, entries: CatalogueEntry[], fonts: DocFonts): Promise<Buffer> {
  const title = catalogueTitle(office, year);
  // Landscape: the SHA-256 needs the width.
  const table = gridTable({
    width: LANDSCAPE_TYPE_WIDTH,
    columns: [
      { title: COLUMNS[0], weight: 2, align: 'center' },
      { title: COLUMNS[1], weight: 10 },
      { title: COLUMNS[2], weight: 4, align: 'center' },
      { title: COLUMNS[3], weight: 6, align: 'center' },
      { title: COLUMNS[4], weight: 3, align: 'right' },
      { title: COLUMNS[5], weight: 9 },
    ],
    rows: entries.map(cells),
  });
  const doc = profileDocument(fonts, {
    title,
    sections: [section({
      landscape: true,
      children: [titleOf(title, [office], { width: LANDSCAPE_TYPE_WIDTH }), blankLine(), table],
    })],
  });
  return toDocx(doc);
}

export async function catalogueXlsx(office: string, year: number, entries: CatalogueEntry[]): Promise<Buffer> {
  const wb = newWorkbook(office);
  const ws = wb.addWorksheet('归档目录', { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = [...COLUMNS, '文件'];
  ws.columns = [6, 50, 10, 16, 12, 68, 50].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  const t = ws.getCell(1, 1);
  t.value = `${catalogueTitle(office, year)}（共 ${entries.length} 件）`;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const head = ws.addRow(headers);
  head.font = { bold: true };
  // A whole date is a real date in the Chinese format; a year, a month or a span is written in words.
  for (const e of entries) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? excelDate(e.date) : datesInWords(e.date);
    const row = ws.addRow([e.no, e.title, e.kind, date, fileSizeText(e.size), e.sha256, e.path]);
    if (date instanceof Date) row.getCell(4).numFmt = DATE_FORMAT;
  }
  return toXlsx(wb);
}
