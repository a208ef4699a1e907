/**
 * 评估报告 of an evaluation round: 基本情况, 评估结果 (the 达标率 as the office writes it, the grades' table
 * and chart), 指标达标情况 (the weakest indicators, every indicator's table, the scored ones' 得分率 chart),
 * 满意度测评, 总体评价与建议; the schools' results as the 附件. Every figure comes from the round's scores
 * and survey counts (store/evaluations/results.ts); each chart is drawn by the reader from its table's rows
 * (charts.ts), numbered 图N under it as tables are 表N above theirs.
 */
import type { Document, FileChild } from 'docx';
import { dateInWords } from '../../shared/dates';
import { passRateText } from '../../shared/indicators';
import { chineseNumber } from '../../shared/numbers';
import type { EvaluationResults } from '../../shared/schemas/evaluation';
import { gridTable, type BuildContext, type GridTableOptions } from './blocks';
import { barChart, type ChartRow, type ValueAxis } from './charts';
import { attachmentHead, bodyLine, closing, sectionHeading } from './official';
import { docxFile, type GeneratedFile } from './pack';
import { FIT, STYLE, blankLine, profileDocument, section, titleOf } from './profile';

export interface EvaluationReportInput {
  office: string;
  results: EvaluationResults;
  summary: string | null;
  date: string;
}

/** 2025年达标监测 → …达标监测评估报告; 综合督导评估 or 办学质量考评 → …报告 (not …评估评估报告). */
export const evaluationTitle = (name: string) => (/(评估|考评|评价)$/.test(name) ? `${name}报告` : `${name}评估报告`);
const n2 = (x: number | null) => (x === null ? '—' : String(x));

/**
 * A part's content: a paragraph, a table of figures (its caption above), or a chart drawn by the reader
 * from the rows of the table before it (its caption below), as the statistics report sets them.
 */
export type Piece =
  | { text: string }
  | { table: string; grid: GridTableOptions }
  | { chart: string; series: string; rows: ChartRow[]; axis?: ValueAxis };

/** The report's body, part by part, every figure from the round's results. */
export function evaluationParts(r: EvaluationReportInput): [string, Piece[]][] {
  const { round, schools, indicators, satisfaction } = r.results;
  const complete = schools.filter((s) => s.complete);
  const average = complete.length ? Math.round((complete.reduce((t, s) => t + s.total, 0) / complete.length) * 100) / 100 : null;
  const when = round.startDate && round.endDate ? `于${dateInWords(round.startDate)}至${dateInWords(round.endDate)}` : '';
  const parts: [string, Piece[]][] = [];

  const levels = ['一级', '二级', '三级'].map((name, i) => [name, indicators.filter((x) => x.level === i + 1).length] as const)
    .filter(([, n]) => n).map(([name, n]) => `${name}指标${n}项`).join('、');
  parts.push(['基本情况', [{ text: `${round.year}年，${r.office}${when}组织开展${round.name}（${round.kind}），`
    + `${round.setName ? `依据《${round.setName}》` : '依据'}（${levels}，满分${round.fullScore}分，总分${round.passScore}分及以上为达标），`
    + `对${round.schools}所学校进行评估。` }]]);

  const result: Piece[] = [{ text: `参评学校${round.schools}所，完成全部指标评估${round.assessed}所，其中达标${round.passed}所，`
    + `达标率${passRateText(round.passed, round.assessed)}${average === null ? '' : `；平均得分${average}分`}。` }];
  const graded = r.results.grades.filter((g) => g.count);
  if (graded.length) {
    const rows = r.results.grades.map((g) => ({ name: g.name, value: g.count }));
    result.push(
      { text: `按等级分：${graded.map((g) => `${g.name}${g.count}所`).join('，')}。` },
      { table: '学校等级分布', grid: {
        columns: [{ title: '等级', weight: 8 }, { title: '学校数（所）', weight: 4, align: 'right' }],
        rows: [...rows.map((g) => [g.name, String(g.value)]), { cells: ['合计', String(rows.reduce((n, g) => n + g.value, 0))], bold: true }],
      } },
      { chart: '学校等级分布', series: '学校数', rows },
    );
  }
  const failed = complete.filter((s) => !s.passed);
  if (failed.length) result.push({ text: `未达标学校：${failed.map((s) => `${s.schoolName}（${s.total}分）`).join('、')}。` });
  parts.push(['评估结果', result]);

  const lined = indicators.filter((i) => i.passScore !== null);
  const leaves = indicators.filter((i) => !indicators.some((j) => j.code.startsWith(`${i.code}.`)));
  const weakest = leaves.filter((i) => i.rate !== null).sort((x, y) => x.rate! - y.rate!).slice(0, 5);
  const rated = leaves.filter((i) => i.rate !== null);
  parts.push(['指标达标情况', [
    ...(lined.length ? [{ text: `设有达标线的指标${r.results.indicatorsWithLine}项，达标${r.results.indicatorsMet}项`
      + `${lined.some((i) => i.met === false) ? `，未达标的是：${lined.filter((i) => i.met === false).map((i) => `${i.code} ${i.name}`).join('、')}` : ''}。` }] : []),
    ...(weakest.length ? [{ text: `得分率较低的指标依次为：${weakest.map((i) => `${i.code} ${i.name}（${i.rate}%）`).join('、')}。` }] : []),
    { table: '各指标得分与达标情况', grid: {
      // Twips a column's widest figure or title needs at 4号: 达标线, 平均分 … three characters.
      // 得分率 as written (68.67%) needs more than its title.
      columns: [{ title: '指标', weight: 2345 }, { title: '分值', weight: 800, align: 'right' }, ...['达标线', '平均分']
        .map((title) => ({ title, weight: 1100, align: 'right' as const })), { title: '得分率', weight: 1300, align: 'right' },
      { title: '达标数', weight: 1100, align: 'center' }, { title: '达标', weight: 1100, align: 'center' }],
      // A long indicator's name takes two or three lines: its row is never split across pages.
      rows: indicators.map((i) => ({ cantSplit: true, cells: [`${i.code} ${i.name}`, String(i.fullScore), n2(i.passScore), n2(i.average),
        i.rate === null ? '—' : `${i.rate}%`, i.passScore === null ? '—' : `${i.metSchools}/${i.scoredSchools}`, i.met === null ? '—' : i.met ? '达标' : '未达标'] })),
    } },
    // The table's 得分率 of the scored (leaf) indicators.
    ...(rated.length ? [{ chart: '各指标得分率', series: '得分率（%）', rows: rated.map((i) => ({ name: `${i.code} ${i.name}`, value: i.rate! })),
      axis: { numberFormat: '0"%"', maximum: 100 } }] : []),
  ]]);

  const o = satisfaction.overall;
  if (o.total) {
    parts.push(['满意度测评', [
      { text: `共测评${o.total}人次，其中满意${o.satisfied}人次、基本满意${o.fair}人次、不满意${o.unsatisfied}人次，满意度（满意与基本满意之和所占比例）为${o.rate}%。` },
      { table: '满意度测评结果', grid: {
        columns: [{ title: '测评对象', weight: 4 }, ...['人次', '满意', '基本满意', '不满意', '满意度'].map((title) => ({ title, weight: 4, align: 'right' as const }))],
        rows: [...satisfaction.groups.map((g) => [g.respondent, String(g.total), String(g.satisfied), String(g.fair), String(g.unsatisfied), `${g.rate}%`]),
          { cells: ['合计', String(o.total), String(o.satisfied), String(o.fair), String(o.unsatisfied), `${o.rate}%`], bold: true }],
      } },
    ]]);
  }
  const summary = (r.summary ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (summary.length) parts.push(['总体评价与建议', summary.map((text) => ({ text }))]);
  return parts;
}

export function buildEvaluationReport(r: EvaluationReportInput, ctx: BuildContext): Document {
  const title = evaluationTitle(r.results.round.name);
  const table = `${r.results.round.name}学校评估结果`;
  let tables = 0;
  let charts = 0;
  const caption = (kind: '表' | '图', text: string, keepNext: boolean) => titleOf(
    `${kind}${kind === '表' ? ++tables : ++charts}\u3000${text}`, ctx.words, { style: STYLE.caption, fit: FIT.caption, keepNext },
  );
  const parts = evaluationParts(r);
  // The body's last line is kept with the signature (GB/T 9704: no page holding only the signature).
  const last = parts.at(-1)?.[1].at(-1);
  const piece = (x: Piece): FileChild[] => ('text' in x ? [bodyLine(x.text, x === last)]
    : 'grid' in x ? [caption('表', x.table, true), gridTable(x.grid)]
      : [blankLine(), barChart(x.rows, x.series, ctx.fonts, x.axis), caption('图', x.chart, x === last)]);
  const rows = [...r.results.schools].sort((x, y) => (x.rank ?? 9999) - (y.rank ?? 9999));
  const children: FileChild[] = [
    titleOf(title, ctx.words), blankLine(),
    ...parts.flatMap(([t, pieces], i) => [sectionHeading(`${chineseNumber(i + 1)}、${t}`), ...pieces.flatMap(piece)]),
    ...closing(r.office, r.date, [table]),
    ...attachmentHead(table, ctx.words),
    gridTable({
      columns: [{ title: '名次', weight: 2, align: 'center' }, { title: '学校', weight: 9 }, { title: '总分', weight: 3, align: 'right' },
        { title: '等级', weight: 3, align: 'center' }, { title: '是否达标', weight: 4, align: 'center' }],
      rows: rows.map((s) => [s.rank ? String(s.rank) : '—', s.schoolName, s.complete ? String(s.total) : `未评完（${s.total}）`,
        s.grade ?? '—', s.passed === null ? '—' : s.passed ? '达标' : '未达标']),
    }),
  ];
  return profileDocument(ctx.fonts, { title, sections: [section({ children })] });
}

export function evaluationReportFile(r: EvaluationReportInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(evaluationTitle(r.results.round.name), buildEvaluationReport(r, ctx));
}
