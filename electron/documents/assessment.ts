/**
 * 督学考核 documents (issue 15): the 考核表 of each supervisor (one page each, in one .docx), and the
 * year's 汇总表 in Word (landscape) and Excel. Fed the 考核 as computed: nothing is recounted here.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { dateInWords } from '../../shared/dates';
import type { BuildContext } from './blocks';
import { formTable } from './form-table';
import { LANDSCAPE_TYPE_WIDTH, SIZE, STYLE, blankLine, profileDocument, section, signatureBlock, titleOf } from './profile';
import { docxFile, newWorkbook, xlsxFile, type GeneratedFile } from './pack';

export interface AssessmentDocInput {
  office: string;
  year: number;
  /** The 考核办法's name. */
  scheme: string;
  /** Records counted up to this day. */
  until: string;
  finished: boolean;
  /** The date signed: the day it was finished, or today for a draft. */
  date: string;
  thresholds: { excellent: number; pass: number; basic: number };
  /** How many were assessed (the rows may be one supervisor's only). */
  total: number;
  items: { key: string; label: string; points: number; rule: string | null }[];
  rows: {
    name: string; category: string; unit: string | null; total: number; grade: string; rank: number;
    items: { key: string; measure: string; computed: number; adjustment: number | null; comment: string | null; score: number }[];
  }[];
}

/** 90 → '90', 12.5 → '12.5', −2 → '−2' as printed. */
const num = (n: number) => String(n).replace('-', '−');
const signed = (n: number) => (n > 0 ? `+${num(n)}` : num(n));

/** A little room between tables (a line of 小四). */
const gap = () => new Paragraph({ style: STYLE.tableText, spacing: { line: 120, lineRule: LineRuleType.EXACT }, children: [] });
/** A line of 小四 under a title or a table. */
const note = (text: string, align: 'center' | 'left' = 'center') => new Paragraph({
  style: STYLE.tableText, alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
  spacing: { before: 60, line: 340, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text, size: SIZE.xiaosi })],
});

export const sheetTitle = (d: AssessmentDocInput) => `${d.year}年度责任督学考核表`;
export const summaryTitle = (d: AssessmentDocInput) => `${d.office}${d.year}年度督学考核结果汇总表`;
const draftNote = (d: AssessmentDocInput) => (d.finished ? [] : [note('（草稿：考核尚未完成，结果以最终公布为准）')]);
const gradeLine = (d: AssessmentDocInput) =>
  `等次：优秀${num(d.thresholds.excellent)}分以上，合格${num(d.thresholds.pass)}分以上，基本合格${num(d.thresholds.basic)}分以上，以下为不合格`;

/** One supervisor's page: who, each item's standard, what the archive shows, the score (and any adjustment), total, grade, rank. */
function sheet(d: AssessmentDocInput, r: AssessmentDocInput['rows'][number], words?: readonly string[]): FileChild[] {
  const info = formTable({
    weights: [3, 7, 3, 7],
    rows: [
      { cells: [{ text: '姓　名', label: true }, { text: r.name }, { text: '类　别', label: true }, { text: r.category }], height: 460 },
      { cells: [{ text: '工作单位', label: true }, { text: r.unit ?? '', span: 3 }], height: 460 },
    ],
  });
  const scores = formTable({
    weights: [3.5, 2, 8, 6, 2],
    rows: [
      { header: true, cells: ['考核项目', '分值', '评分标准', '完成情况', '得分'].map((text) => ({ text, label: true })), height: 480 },
      ...d.items.map((item) => {
        const s = r.items.find((x) => x.key === item.key)!;
        const adj = s.adjustment !== null ? [`调整${signed(s.adjustment)}分：${s.comment ?? ''}`] : [];
        return {
          cells: [
            { text: item.label, small: true }, { text: num(item.points), align: 'center' as const }, { text: item.rule ?? '', small: true },
            { text: [...(s.measure ? [s.measure] : []), ...adj], small: true }, { text: num(s.score), align: 'center' as const },
          ],
        };
      }),
      { cells: [{ text: '考核结果', label: true }, { text: `总分${num(r.total)}分，${r.grade}，第${r.rank}名（共${d.total}人）`, span: 4 }], height: 480 },
      // The office signs in the cell, as on the office's paper forms.
      { cells: [{ text: '考核意见', label: true }, { text: ['', `${d.office}\u3000\u3000`, `${dateInWords(d.date)}\u3000\u3000`], span: 4, align: 'right' as const }], height: 800 },
    ],
  });
  return [
    titleOf(sheetTitle(d), words),
    note(`考核依据：《${d.scheme}》\u3000数据截至${dateInWords(d.until)}`),
    ...draftNote(d),
    gap(),
    info,
    gap(),
    scores,
    note(gradeLine(d), 'left'),
  ];
}

/** The 考核表 of the rows given (one, or everyone in rank order), each on its own page. */
export function buildSheets(d: AssessmentDocInput, ctx: BuildContext): Document {
  return profileDocument(ctx.fonts, {
    title: sheetTitle(d),
    sections: d.rows.map((r) => section({ children: sheet(d, r, ctx.words), pageNumbers: false })),
  });
}

export function sheetsFile(d: AssessmentDocInput, ctx: BuildContext, who?: string): Promise<GeneratedFile> {
  return docxFile(`${sheetTitle(d)}${who ? `（${who}）` : ''}`, buildSheets(d, ctx));
}

/** Column titles of the summary: rank, name, category, each item with its points, total, grade. */
function summaryColumns(d: AssessmentDocInput): string[] {
  return ['排名', '姓名', '类别', ...d.items.map((i) => `${i.label}（${num(i.points)}分）`), '总分', '等次'];
}

function summaryCells(r: AssessmentDocInput['rows'][number], d: AssessmentDocInput): string[] {
  return [String(r.rank), r.name, r.category, ...d.items.map((i) => num(r.items.find((x) => x.key === i.key)!.score)), num(r.total), r.grade];
}

export function buildSummary(d: AssessmentDocInput, ctx: BuildContext): Document {
  const cols = summaryColumns(d);
  // 五号 so a page holds twenty people; the titles repeat on every page.
  const weights = cols.map((_, i) => [2.5, 3.5, 4.5][i] ?? (i === cols.length - 2 ? 2.5 : 3.5));
  const table = formTable({
    width: LANDSCAPE_TYPE_WIDTH,
    weights,
    rows: [
      { header: true, cells: cols.map((text) => ({ text, label: true, small: true })) },
      // Scores right-aligned as numbers are; rank (as a 序号), name, category and grade centred.
      ...d.rows.map((r) => ({ height: 380, cells: summaryCells(r, d).map((text, i) => ({
        text, small: true, align: i >= 3 && i < cols.length - 1 ? 'right' as const : 'center' as const,
      })) })),
    ],
  });
  const counts = ['优秀', '合格', '基本合格', '不合格'].map((g) => `${g}${d.rows.filter((r) => r.grade === g).length}人`).join('，');
  const adjusted = d.rows.flatMap((r) => r.items.filter((s) => s.adjustment !== null).map((s) => {
    const item = d.items.find((i) => i.key === s.key)!;
    return `${r.name}：${item.label}${signed(s.adjustment!)}分（${s.comment ?? ''}）`;
  }));
  const children: FileChild[] = [
    titleOf(summaryTitle(d), ctx.words, { width: LANDSCAPE_TYPE_WIDTH }),
    ...draftNote(d),
    note(`考核依据：《${d.scheme}》\u3000数据截至${dateInWords(d.until)}\u3000考核${d.rows.length}人：${counts}`),
    blankLine(),
    table,
    note(gradeLine(d), 'left'),
    ...(adjusted.length ? [note(`分数调整：${adjusted.join('；')}。`, 'left')] : []),
    blankLine(),
    ...signatureBlock(d.office, d.date, LANDSCAPE_TYPE_WIDTH),
  ];
  return profileDocument(ctx.fonts, { title: summaryTitle(d), sections: [section({ children, landscape: true })] });
}

export function summaryDocx(d: AssessmentDocInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(summaryTitle(d), buildSummary(d, ctx));
}

/** The summary as an .xlsx: the same columns, numbers as numbers, and the adjustments with their reasons. */
export async function summaryXlsx(d: AssessmentDocInput): Promise<GeneratedFile> {
  const wb = newWorkbook(d.office);
  const ws = wb.addWorksheet(`${d.year}年度考核`, { views: [{ state: 'frozen', ySplit: 2 }] });
  const cols = [...summaryColumns(d), '调整说明'];
  ws.columns = cols.map((c, i) => ({ width: i === 1 ? 10 : i === 2 ? 12 : i === cols.length - 1 ? 50 : Math.max(8, Math.min(22, c.length * 2)) }));
  ws.mergeCells(1, 1, 1, cols.length);
  const head = ws.getCell(1, 1);
  head.value = `${summaryTitle(d)}${d.finished ? '' : '（草稿）'}（数据截至${dateInWords(d.until)}）`;
  head.font = { bold: true, size: 14 };
  head.alignment = { horizontal: 'center' };
  const header = ws.addRow(cols);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } }; });
  for (const r of d.rows) {
    const adjusted = r.items.filter((s) => s.adjustment !== null)
      .map((s) => `${d.items.find((i) => i.key === s.key)!.label}${signed(s.adjustment!)}分：${s.comment ?? ''}`).join('；');
    const row = ws.addRow([r.rank, r.name, r.category, ...d.items.map((i) => r.items.find((x) => x.key === i.key)!.score), r.total, r.grade, adjusted || null]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: cols.length } };
  return xlsxFile(`${summaryTitle(d)}.xlsx`, wb);
}
