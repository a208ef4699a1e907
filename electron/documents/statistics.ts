/**
 * The yearly statistics report (年度督导工作统计): title, the year's numbers in short paragraphs and
 * tables, and the dashboard's charts as pictures. Written with the block model, so it prints in the
 * profile's styles like any article.
 */
import { Paragraph, TextRun, type Document } from 'docx';
import type { Block } from '../../shared/schemas/blocks';
import { blockRenderer, type BuildContext } from './blocks';
import { STYLE, blankLine, profileDocument, section } from './profile';
import { percentText } from '../../shared/numbers';
import { docxFile, type GeneratedFile } from './pack';

export interface StatisticsChart {
  title: string;
  png: Uint8Array;
  width: number;
  height: number;
}

export interface StatisticsInput {
  office: string;
  year: number;
  visits: number;
  schoolsVisited: number;
  schoolsTotal: number;
  problems: { raised: number; closed: number; rate: number; overdue: number; overdueNow: number };
  problemsByItem: { item: string; count: number }[];
  complaints: number;
  complaintsByTopic: { topic: string; count: number }[];
  visitsBySupervisor: { name: string; visits: number }[];
  charts: StatisticsChart[];
}

export function statisticsTitle(office: string, year: number): string {
  return `${office}${year}年度教育督导工作统计报告`;
}

const P = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/** The report's body as blocks; charts are image blocks keyed by a stand-in hash read back by loadImage. */
export function statisticsBlocks(s: StatisticsInput): { blocks: Block[]; images: Map<string, Uint8Array> } {
  const images = new Map<string, Uint8Array>();
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: '一、督导工作概况' },
    P(`${s.year}年，全年共开展督导${s.visits}次，督导学校${s.schoolsVisited}所，占全部${s.schoolsTotal}所学校的${percentText(s.schoolsVisited, s.schoolsTotal)}。`),
    { type: 'heading', level: 1, text: '二、问题整改情况' },
    P(`全年督导发现问题${s.problems.raised}个，已整改销号${s.problems.closed}个，整改率${s.problems.rate}%；`
      + `其中逾期未整改${s.problems.overdue}个。截至统计之日，全部逾期未整改问题共${s.problems.overdueNow}个。`),
  ];
  if (s.problemsByItem.length) {
    blocks.push({ type: 'table', header: true, rows: [['督导事项', '问题数'], ...s.problemsByItem.map((p) => [p.item, String(p.count)])] });
  }
  blocks.push(
    { type: 'heading', level: 1, text: '三、应访督导情况' },
    P(`全年受理来访来电${s.complaints}件。`),
  );
  if (s.complaintsByTopic.length) {
    blocks.push({ type: 'table', header: true, rows: [['反映主题', '件数'], ...s.complaintsByTopic.map((c) => [c.topic, String(c.count)])] });
  }
  blocks.push({ type: 'heading', level: 1, text: '四、督学督导次数' });
  blocks.push(s.visitsBySupervisor.length
    ? { type: 'table', header: true, rows: [['序号', '督学', '督导次数'], ...s.visitsBySupervisor.map((v, i) => [String(i + 1), v.name, String(v.visits)])] }
    : P('本年度没有督导记录。'));
  if (s.charts.length) {
    blocks.push({ type: 'heading', level: 1, text: '五、统计图表' });
    s.charts.forEach((c, i) => {
      const key = i.toString(16).padStart(64, '0');
      images.set(key, c.png);
      blocks.push({ type: 'image', hash: key, width: c.width, height: c.height, caption: `图${i + 1}\u3000${c.title}` });
    });
  }
  return { blocks, images };
}

export function buildStatistics(s: StatisticsInput, ctx: BuildContext): Document {
  const title = statisticsTitle(s.office, s.year);
  const { blocks, images } = statisticsBlocks(s);
  const render = blockRenderer((hash) => images.get(hash) ?? null);
  return profileDocument(ctx.fonts, {
    title,
    sections: [section({
      children: [new Paragraph({ style: STYLE.title, children: [new TextRun(title)] }), blankLine(), ...render.render(blocks)],
    })],
  });
}

/** The report as a .docx named after its title. */
export function statisticsFile(s: StatisticsInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(statisticsTitle(s.office, s.year), buildStatistics(s, ctx));
}
