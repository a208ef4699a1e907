/**
 * A round's score sheet (.xlsx): one row per school, one column per scored indicator, headed by its code,
 * name and 分值, then the total. Exported filled in (or blank, as the template to fill), and read back for
 * import: the store checks what is read (schools, codes, 分值).
 */
import { AppError } from '../../../shared/result';
import { newWorkbook, xlsxFile, type GeneratedFile } from '../pack';
import { loadWorkbook } from './read-roster';

export interface ScoreSheetInput {
  office: string;
  round: string;
  indicators: { code: string; name: string; fullScore: number }[];
  schools: { name: string; scores: (number | null)[]; total: number | null }[];
}

const SCHOOL = '学校';
const TOTAL = '总分';
export const indicatorHeader = (i: { code: string; name: string; fullScore: number }) => `${i.code} ${i.name}（${i.fullScore}分）`;

export async function scoreSheetFile(s: ScoreSheetInput): Promise<GeneratedFile> {
  const wb = newWorkbook(s.office);
  const ws = wb.addWorksheet('评分表', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  ws.columns = [{ width: 28 }, ...s.indicators.map(() => ({ width: 14 })), { width: 10 }];
  ws.mergeCells(1, 1, 1, s.indicators.length + 2);
  const title = ws.getCell(1, 1);
  title.value = `${s.round}评分表（每所学校一行，在指标列填写得分；不改动表头）`;
  title.font = { bold: true, size: 13 };
  const header = ws.addRow([SCHOOL, ...s.indicators.map(indicatorHeader), TOTAL]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 48;
  for (const school of s.schools) ws.addRow([school.name, ...school.scores.map((v) => v ?? null), school.total]);
  return xlsxFile(`${s.round}评分表.xlsx`, wb);
}

export interface ReadScores {
  rows: { rowNumber: number; school: string; scores: Record<string, number | null | 'bad'> }[];
  /** Columns whose header names no indicator code. */
  unknown: string[];
}

/** Read a filled score sheet: the header row starting with 学校, indicator columns by the code their header starts with. */
export async function readScoreSheet(data: Buffer): Promise<ReadScores> {
  const wb = await loadWorkbook(data);
  for (const ws of wb.worksheets) {
    let headerRow = 0;
    for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
      if (String(ws.getRow(r).getCell(1).text).trim() === SCHOOL) { headerRow = r; break; }
    }
    if (!headerRow) continue;
    const codes = new Map<number, string>();
    const unknown: string[] = [];
    ws.getRow(headerRow).eachCell((cell, col) => {
      const text = String(cell.text).trim();
      if (col === 1 || text === TOTAL || !text) return;
      const m = /^(\d+(?:\.\d+)*)\s/.exec(text);
      if (m) codes.set(col, m[1]); else unknown.push(text);
    });
    const rows: ReadScores['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber <= headerRow) return;
      const school = String(row.getCell(1).text).trim();
      const scores: Record<string, number | null | 'bad'> = {};
      let any = !!school;
      for (const [col, code] of codes) {
        const v = row.getCell(col).value;
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v.trim()) : v === null || v === undefined || v === '' ? null : NaN;
        scores[code] = n === null ? null : Number.isFinite(n) ? n : 'bad';
        if (n !== null) any = true;
      }
      if (any) rows.push({ rowNumber, school, scores });
    });
    return { rows, unknown };
  }
  throw new AppError('invalid', '没有找到评分表的表头：第一列的列名应为「学校」。请先导出本次评估的评分表，在表中填写后再导入。');
}
