/**
 * 评估报告 of an evaluation round: 基本情况, 评估结果 (the 达标率 as the office writes it, grades, charts),
 * 指标达标情况 (with the weakest indicators), 满意度测评, 总体评价与建议; the schools' results as the 附件.
 * Every figure comes from the round's scores and survey counts (store/evaluations/results.ts).
 */
import type { Document, FileChild } from 'docx';
import { dateInWords } from '../../shared/dates';
import { passRateText } from '../../shared/indicators';
import { chineseNumber } from '../../shared/numbers';
import type { Block } from '../../shared/schemas/blocks';
import type { EvaluationResults } from '../../shared/schemas/evaluation';
import { blockRenderer, gridTable, type BuildContext, type GridTableOptions } from './blocks';
import { attachmentHead, closing, docTitle, sectionHeading } from './official';
import { docxFile, type GeneratedFile } from './pack';
import { blankLine, profileDocument, section } from './profile';
import type { StatisticsChart } from './statistics';

export interface EvaluationReportInput {
  office: string;
  results: EvaluationResults;
  summary: string | null;
  date: string;
  charts: StatisticsChart[];
}

/** 2025年达标监测 → …达标监测评估报告; 综合督导评估 or 办学质量考评 → …报告 (not …评估评估报告). */
export const evaluationTitle = (name: string) => (/(评估|考评|评价)$/.test(name) ? `${name}报告` : `${name}评估报告`);
const P = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const n2 = (x: number | null) => (x === null ? '—' : String(x));

/** A part's content: text in the block model, or a table of figures with its columns' widths. */
type Piece = Block | { grid: GridTableOptions };

/** The report's body (charts as image blocks under stand-in hashes, read back by the renderer). */
export function evaluationBlocks(r: EvaluationReportInput): { parts: [string, Piece[]][]; images: Map<string, Uint8Array> } {
  const { round, schools, indicators, satisfaction } = r.results;
  const complete = schools.filter((s) => s.complete);
  const average = complete.length ? Math.round((complete.reduce((t, s) => t + s.total, 0) / complete.length) * 100) / 100 : null;
  const when = round.startDate && round.endDate ? `于${dateInWords(round.startDate)}至${dateInWords(round.endDate)}` : '';
  const images = new Map<string, Uint8Array>();
  const parts: [string, Piece[]][] = [];

  const levels = ['一级', '二级', '三级'].map((name, i) => [name, indicators.filter((x) => x.level === i + 1).length] as const)
    .filter(([, n]) => n).map(([name, n]) => `${name}指标${n}项`).join('、');
  parts.push(['基本情况', [P(`${round.year}年，${r.office}${when}组织开展${round.name}（${round.kind}），`
    + `${round.setName ? `依据《${round.setName}》` : '依据'}（${levels}，满分${round.fullScore}分，总分${round.passScore}分及以上为达标），`
    + `对${round.schools}所学校进行评估。`)]]);

  const result: Piece[] = [P(`参评学校${round.schools}所，完成全部指标评估${round.assessed}所，其中达标${round.passed}所，`
    + `达标率${passRateText(round.passed, round.assessed)}${average === null ? '' : `；平均得分${average}分`}。`)];
  const graded = r.results.grades.filter((g) => g.count);
  if (graded.length) result.push(P(`按等级分：${graded.map((g) => `${g.name}${g.count}所`).join('，')}。`));
  const failed = complete.filter((s) => !s.passed);
  if (failed.length) result.push(P(`未达标学校：${failed.map((s) => `${s.schoolName}（${s.total}分）`).join('、')}。`));
  r.charts.forEach((c, i) => {
    const key = (i + 1).toString(16).padStart(64, 'e');
    images.set(key, c.png);
    result.push({ type: 'image', hash: key, width: c.width, height: c.height, caption: `图${i + 1}\u3000${c.title}` });
  });
  parts.push(['评估结果', result]);

  const lined = indicators.filter((i) => i.passScore !== null);
  const leaves = indicators.filter((i) => !indicators.some((j) => j.code.startsWith(`${i.code}.`)));
  const weakest = leaves.filter((i) => i.rate !== null).sort((x, y) => x.rate! - y.rate!).slice(0, 5);
  parts.push(['指标达标情况', [
    ...(lined.length ? [P(`设有达标线的指标${r.results.indicatorsWithLine}项，达标${r.results.indicatorsMet}项`
      + `${lined.some((i) => i.met === false) ? `，未达标的是：${lined.filter((i) => i.met === false).map((i) => `${i.code} ${i.name}`).join('、')}` : ''}。`)] : []),
    ...(weakest.length ? [P(`得分率较低的指标依次为：${weakest.map((i) => `${i.code} ${i.name}（${i.rate}%）`).join('、')}。`)] : []),
    { grid: {
      // Twips a column's widest figure or title needs at 4号: 达标线, 平均分 … three characters.
      columns: [{ title: '指标', weight: 2545 }, { title: '分值', weight: 800, align: 'center' }, ...['达标线', '平均分', '得分率', '达标数', '达标']
        .map((title) => ({ title, weight: 1100, align: 'center' as const }))],
      rows: indicators.map((i) => [`${i.code} ${i.name}`, String(i.fullScore), n2(i.passScore), n2(i.average), i.rate === null ? '—' : `${i.rate}%`,
        i.passScore === null ? '—' : `${i.metSchools}/${i.scoredSchools}`, i.met === null ? '—' : i.met ? '达标' : '未达标']),
    } },
  ]]);

  const o = satisfaction.overall;
  if (o.total) {
    parts.push(['满意度测评', [
      P(`共测评${o.total}人次，其中满意${o.satisfied}人次、基本满意${o.fair}人次、不满意${o.unsatisfied}人次，满意度（满意与基本满意之和所占比例）为${o.rate}%。`),
      { grid: {
        columns: ['测评对象', '人次', '满意', '基本满意', '不满意', '满意度'].map((title) => ({ title, weight: 4, align: 'center' as const })),
        rows: [...satisfaction.groups.map((g) => [g.respondent, String(g.total), String(g.satisfied), String(g.fair), String(g.unsatisfied), `${g.rate}%`]),
          ['合计', String(o.total), String(o.satisfied), String(o.fair), String(o.unsatisfied), `${o.rate}%`]],
      } },
    ]]);
  }
  const summary = (r.summary ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (summary.length) parts.push(['总体评价与建议', summary.map(P)]);
  return { parts, images };
}

export function buildEvaluationReport(r: EvaluationReportInput, ctx: BuildContext): Document {
  const title = evaluationTitle(r.results.round.name);
  const table = `${r.results.round.name}学校评估结果`;
  const { parts, images } = evaluationBlocks(r);
  const render = blockRenderer((hash) => images.get(hash) ?? null);
  const rows = [...r.results.schools].sort((x, y) => (x.rank ?? 9999) - (y.rank ?? 9999));
  const children: FileChild[] = [
    docTitle(title), blankLine(),
    ...parts.flatMap(([t, pieces], i) => [sectionHeading(`${chineseNumber(i + 1)}、${t}`),
      ...pieces.flatMap((x): FileChild[] => ('grid' in x ? [gridTable(x.grid)] : render.render([x])))]),
    ...closing(r.office, r.date, [table]),
    ...attachmentHead(table),
    gridTable({
      columns: [{ title: '名次', weight: 2, align: 'center' }, { title: '学校', weight: 10 }, { title: '总分', weight: 3, align: 'center' },
        { title: '等级', weight: 3, align: 'center' }, { title: '是否达标', weight: 3, align: 'center' }],
      rows: rows.map((s) => [s.rank ? String(s.rank) : '—', s.schoolName, s.complete ? String(s.total) : `未评完（${s.total}）`,
        s.grade ?? '—', s.passed === null ? '—' : s.passed ? '达标' : '未达标']),
    }),
  ];
  return profileDocument(ctx.fonts, { title, sections: [section({ children })] });
}

export function evaluationReportFile(r: EvaluationReportInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(evaluationTitle(r.results.round.name), buildEvaluationReport(r, ctx));
}
