/**
 * The statistics report (教育督导工作统计报告) for one stated period, a month or a year (and optionally one
 * 责任区): its title says which, and every figure, table and chart in it is that period's, from the same
 * figures the home page shows (electron/store/figures.ts). Each breakdown is a table (numbers right-aligned,
 * a bold 合计) with its chart drawn by the reader from the same rows (charts.ts).
 */
import { Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { gridTable, type BuildContext } from './blocks';
import { barChart, pieChart, type ChartRow } from './charts';
import { FIT, STYLE, blankLine, profileDocument, section, titleOf } from './profile';
import { dateInWords } from '../../shared/dates';
import { figureLabel, periodText, periodWord, rectificationRate, type PeriodFigures } from '../../shared/figures';
import { percentText } from '../../shared/numbers';
import { docxFile, type GeneratedFile } from './pack';

export interface StatisticsInput {
  office: string;
  year: number;
  /** 1–12 for a month's report; null for the year's. */
  month: number | null;
  /** The 责任区 the report is narrowed to, or null for the whole county. */
  zoneName?: string | null;
  figures: PeriodFigures;
  problemsByItem: { item: string; count: number }[];
  complaintsByTopic: { topic: string; count: number }[];
  visitsBySupervisor: { name: string; visits: number }[];
  /** The day the figures were taken (what is overdue depends on it), yyyy-mm-dd. */
  asOf: string;
}

/** The report's title: 清河区人民政府教育督导室2026年11月教育督导工作统计报告（第一责任区）. */
export function statisticsTitle(office: string, year: number, month: number | null, zoneName?: string | null): string {
  return `${office}${periodText(year, month)}教育督导工作统计报告${zoneName ? `（${zoneName}）` : ''}`;
}

/** Bars in the supervisors chart; the table lists them all. */
export const CHART_SUPERVISORS = 15;

const para = (text: string) => new Paragraph({ style: STYLE.normal, children: [new TextRun(text)] });
const heading = (text: string) => new Paragraph({ style: STYLE.heading[0], children: [new TextRun(text)] });

export function buildStatistics(s: StatisticsInput, ctx: BuildContext): Document {
  const f = s.figures;
  const period = periodText(s.year, s.month);
  const word = periodWord(s.month);
  const title = statisticsTitle(s.office, s.year, s.month, s.zoneName);
  let tables = 0;
  let charts = 0;
  const caption = (kind: '表' | '图', text: string, keepNext: boolean) => titleOf(
    `${kind}${kind === '表' ? ++tables : ++charts}\u3000${period}${text}`, ctx.words, { style: STYLE.caption, fit: FIT.caption, keepNext },
  );
  /** A table of named counts, its caption above, a bold 合计 row, then its chart and the chart's caption below. */
  const breakdown = (name: string, column: string, unit: string, rows: ChartRow[], chart: 'bar' | 'pie'): FileChild[] => [
    caption('表', name, true),
    gridTable({
      columns: [{ title: column, weight: 10 }, { title: `${unit === '件' ? '件数' : '问题数'}（${unit}）`, weight: 3, align: 'right' }],
      rows: [...rows.map((r) => [r.name, String(r.value)]), { cells: ['合计', String(rows.reduce((n, r) => n + r.value, 0))], bold: true }],
    }),
    blankLine(),
    chart === 'bar' ? barChart(rows, name, ctx.fonts) : pieChart(rows, name, ctx.fonts),
    caption('图', name, false),
  ];

  const children: FileChild[] = [
    titleOf(title, ctx.words),
    blankLine(),
    heading('一、督导工作概况'),
    para(`${period}，共开展督导${f.visits}次，督导学校${f.schoolsVisited}所，占全部${f.schoolsTotal}所学校的${percentText(f.schoolsVisited, f.schoolsTotal)}。`),
    heading('二、问题整改情况'),
    para(`${period}督导发现问题${f.raised}个，其中已销号${f.raisedClosed}个，整改率${rectificationRate(f)}%，逾期未整改${f.overdue}个；`
      + `${figureLabel('closedInPeriod', s.month)}${f.closedInPeriod}个（含以前发现的问题）。`
      + `截至${dateInWords(s.asOf)}，全部逾期未整改问题共${f.overdueNow}个。`),
  ];
  if (s.problemsByItem.length) {
    children.push(...breakdown('问题按督导事项分布', '督导事项', '个', s.problemsByItem.map((p) => ({ name: p.item, value: p.count })), 'bar'));
  }
  children.push(heading('三、应访督导情况'), para(`${period}受理来访来电${f.complaints}件。`));
  if (s.complaintsByTopic.length) {
    children.push(...breakdown('来访来电按反映主题分布', '反映主题', '件', s.complaintsByTopic.map((c) => ({ name: c.topic, value: c.count })), 'pie'));
  }
  children.push(heading('四、督学督导次数'));
  if (s.visitsBySupervisor.length) {
    const top = s.visitsBySupervisor.slice(0, CHART_SUPERVISORS);
    const more = s.visitsBySupervisor.length > top.length;
    children.push(
      para(`${period}共有${s.visitsBySupervisor.length}名督学参加督导。一次督导可有几名督学参加，各人分别计次。`),
      caption('表', '各督学督导次数', true),
      gridTable({
        columns: [{ title: '序号', weight: 2, align: 'center' }, { title: '督学', weight: 8 }, { title: '督导次数（次）', weight: 4, align: 'right' }],
        rows: s.visitsBySupervisor.map((v, i) => [String(i + 1), v.name, String(v.visits)]),
      }),
      blankLine(),
      barChart(top.map((v) => ({ name: v.name, value: v.visits })), '督导次数', ctx.fonts),
      caption('图', `各督学督导次数${more ? `（前${CHART_SUPERVISORS}名）` : ''}`, false),
    );
  } else {
    children.push(para(`${word}没有督导记录。`));
  }
  return profileDocument(ctx.fonts, { title, sections: [section({ children })] });
}

/** The report as a .docx named after its title. */
export function statisticsFile(s: StatisticsInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(statisticsTitle(s.office, s.year, s.month, s.zoneName), buildStatistics(s, ctx));
}
