/**
 * The office's figures for a period (a month or a year, optionally one 责任区), each defined once: its label
 * as a reader sees it and its rule in words. The store computes them in one place (electron/store/
 * figures.ts) for the home page, the briefing's draft, the statistics report and the chronicle, so two
 * documents of the same month can't state two different 销号 counts.
 */
import { percent } from './numbers';

export type FigureKey =
  | 'visits' | 'schoolsVisited' | 'schoolsTotal' | 'raised' | 'raisedClosed' | 'closedInPeriod'
  | 'overdue' | 'overdueNow' | 'complaints' | 'notices' | 'noticeSchools';

/** A period's figures. */
export type PeriodFigures = Record<FigureKey, number>;

/** What each figure counts. Records count only while live (not in the recycle bin), and so does their school. */
export const FIGURES: Record<FigureKey, { label: string; rule: string }> = {
  visits: { label: '督导次数', rule: '督导日期在期内的督导记录条数' },
  schoolsVisited: { label: '督导学校', rule: '期内至少有一条督导记录的学校数' },
  schoolsTotal: { label: '学校总数', rule: '在册学校数' },
  raised: { label: '提出问题', rule: '提出日期在期内的问题数' },
  raisedClosed: { label: '提出已销号', rule: '期内提出、现已销号的问题数' },
  closedInPeriod: { label: '销号', rule: '销号日期在期内的问题数，不论何时提出' },
  overdue: { label: '提出逾期', rule: '期内提出、现已过整改期限仍未销号的问题数' },
  overdueNow: { label: '当前逾期', rule: '现已过整改期限仍未销号的全部问题数，不论何时提出' },
  complaints: { label: '来访来电', rule: '受理日期在期内的来访来电件数' },
  notices: { label: '整改通知书', rule: '下发日期在期内的整改通知书份数' },
  noticeSchools: { label: '下发学校', rule: '期内收到整改通知书的学校数' },
};

/** "本月" for a month, "本年" for a year: the period as a label's prefix. */
export function periodWord(month: number | null | undefined): string {
  return month ? '本月' : '本年';
}

/** A figure's label for the period: 本月销号, 本年提出已销号, 本月督导次数. */
export function figureLabel(key: FigureKey, month: number | null | undefined): string {
  return key === 'schoolsTotal' || key === 'overdueNow' ? FIGURES[key].label : `${periodWord(month)}${FIGURES[key].label}`;
}

/** The period in words: 2026年11月, 2026年度. */
export function periodText(year: number, month: number | null | undefined): string {
  return month ? `${year}年${month}月` : `${year}年度`;
}

/** 整改率: problems raised in the period and closed, of those raised, in per cent with one decimal (0 when none). */
export function rectificationRate(f: Pick<PeriodFigures, 'raised' | 'raisedClosed'>): number {
  return percent(f.raisedClosed, f.raised);
}
