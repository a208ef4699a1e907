/**
 * 专项督导报告 (GB/T 9704): title, 主送, the sections (一、基本情况 … each in the block model, as edited), 附件
 * note, signature and date; then the 附件 on a page of its own: the campaign's statistics table, every
 * figure counted as of the report's date.
 */
import { AlignmentType, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { dateInWords } from '../../shared/dates';
import { chineseNumber, percentText } from '../../shared/numbers';
import type { ReportSection } from '../../shared/schemas/campaign';
import { blockRenderer, gridTable, type BuildContext, type GridCell, type GridTableOptions } from './blocks';
import { addressee, attachmentHead, closing, sectionHeading } from './official';
import { docxFile, type GeneratedFile } from './pack';
import { STYLE, blankLine, profileDocument, section, titleOf } from './profile';

export interface StatisticsRow {
  name: string;
  /** Visit dates (schools). */
  dates: string[];
  raised: number;
  closed: number;
}

export interface CampaignReportInput {
  office: string;
  /** The campaign's name, for the 附件's title. */
  campaign: string;
  title: string;
  to: string | null;
  /** 成文日期, and the day the 附件's figures stand at. */
  date: string;
  sections: ReportSection[];
  schools: StatisticsRow[];
  units: StatisticsRow[];
}

export const statisticsTitle = (campaign: string) => `${campaign}专项督导情况统计表`;

/** M月D日, dates of one year joined with 、 (the year is the report's). */
const shortDates = (dates: string[]) => dates.map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`).join('、');

/** The 附件 table's rows: schools, then units (督政), then a bold 合计. */
export function statisticsRows(r: Pick<CampaignReportInput, 'schools' | 'units'>): GridTableOptions['rows'] {
  const all = [...r.schools, ...r.units];
  const raised = all.reduce((n, s) => n + s.raised, 0);
  const closed = all.reduce((n, s) => n + s.closed, 0);
  const rate = (c: number, n: number) => (n ? percentText(c, n) : '—');
  return [
    ...all.map((s, i): GridCell[] => [String(i + 1), s.name, s.dates.length ? shortDates(s.dates) : (r.units.includes(s) ? '（督政）' : '未督导'),
      String(s.raised), String(s.closed), rate(s.closed, s.raised)]),
    { cells: ['', '合计', `${r.schools.filter((s) => s.dates.length).length}所学校`, String(raised), String(closed), rate(closed, raised)], bold: true },
  ];
}

export function buildCampaignReport(r: CampaignReportInput, ctx: BuildContext): Document {
  const blocks = blockRenderer(ctx.loadImage);
  const table = statisticsTitle(r.campaign);
  const body: FileChild[] = [
    titleOf(r.title, ctx.words),
    blankLine(),
    ...(r.to ? [addressee(r.to)] : []),
    ...r.sections.flatMap((s, i) => [sectionHeading(`${chineseNumber(i + 1)}、${s.title}`), ...blocks.render(s.blocks)]),
    ...closing(r.office, r.date, [table]),
    ...attachmentHead(table, ctx.words),
    new Paragraph({ style: STYLE.normal, alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun(`（截至${dateInWords(r.date)}）`)] }),
    gridTable({
      // Twips a column's title needs at 4号 (发现问题: four characters on one line), the rest to the names.
      columns: [
        { title: '序号', weight: 820, align: 'center' }, { title: '学校（单位）', weight: 2600 }, { title: '督导日期', weight: 1700 },
        { title: '发现问题', weight: 1400, align: 'right' }, { title: '已销号', weight: 1160, align: 'right' }, { title: '整改率', weight: 1160, align: 'right' },
      ],
      rows: statisticsRows(r),
    }),
  ];
  return profileDocument(ctx.fonts, { title: r.title, sections: [section({ children: body })] });
}

export function campaignReportFile(r: CampaignReportInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(r.title, buildCampaignReport(r, ctx));
}
