/** 归档目录: the year package's catalogue, as a Word table (on the GB/T 9704 profile) and as an .xlsx. */
import { Paragraph, TextRun } from 'docx';
import { gridTable } from './blocks';
import { newWorkbook, toDocx, toXlsx } from './pack';
import { LANDSCAPE_TYPE_WIDTH, STYLE, blankLine, profileDocument, section, type DocFonts } from './profile';
import type { CatalogueEntry } from '../../shared/schemas/year-close';
import { fileSizeText } from '../../shared/numbers';

export function catalogueTitle(office: string, year: number): string {
  return `${office}${year}年度归档目录`;
}

const COLUMNS = ['序号', '题名', '类别', '日期', '页数或大小', 'SHA-256'] as const;
const cells = (e: CatalogueEntry) => [String(e.no), e.title, e.kind, e.date, fileSizeText(e.size), e.sha256];

export async function catalogueDocx(office: string, year: number, entries: CatalogueEntry[], fonts: DocFonts): Promise<Buffer> {
  const title = catalogueTitle(office, year);
  // Landscape: the SHA-256 needs the width.
  const table = gridTable({
    width: LANDSCAPE_TYPE_WIDTH,
    columns: [
      { title: COLUMNS[0], weight: 2, align: 'center' },
      { title: COLUMNS[1], weight: 12 },
      { title: COLUMNS[2], weight: 3, align: 'center' },
      { title: COLUMNS[3], weight: 4, align: 'center' },
      { title: COLUMNS[4], weight: 3, align: 'center' },
      { title: COLUMNS[5], weight: 9 },
    ],
    rows: entries.map(cells),
  });
  const doc = profileDocument(fonts, {
    title,
    sections: [section({
      landscape: true,
      children: [new Paragraph({ style: STYLE.title, children: [new TextRun(title)] }), blankLine(), table],
    })],
  });
  return toDocx(doc);
}

export async function catalogueXlsx(office: string, year: number, entries: CatalogueEntry[]): Promise<Buffer> {
  const wb = newWorkbook(office);
  const ws = wb.addWorksheet('归档目录', { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = [...COLUMNS, '文件'];
  ws.columns = [6, 50, 10, 12, 12, 68, 50].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  const t = ws.getCell(1, 1);
  t.value = `${catalogueTitle(office, year)}（共 ${entries.length} 件）`;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const head = ws.addRow(headers);
  head.font = { bold: true };
  for (const e of entries) ws.addRow([e.no, e.title, e.kind, e.date, fileSizeText(e.size), e.sha256, e.path]);
  return toXlsx(wb);
}
