import { z } from 'zod';
import { id, searchQuery } from './common';

export const dashboardQuery = z.object({
  year: z.number({ error: '必须是年份' }).int('必须是整数').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('年份'),
  /** 1–12; absent means the whole year. */
  month: z.number({ error: '必须是月份' }).int('必须是整数').min(1, '应在1至12之间').max(12, '应在1至12之间').optional().describe('月份'),
  zoneId: id.optional().describe('责任区'),
});

/**
 * The 首页 numbers for a period (a month or a year) and optionally one 责任区. Every figure is
 * scoped so that the list it links to (visits, problems, complaints with the same filters) shows
 * exactly the records counted.
 */
export interface Dashboard {
  /** from/to are the period's first and last day (inclusive). */
  period: { year: number; month: number | null; zoneId: number | null; from: string; to: string };
  /** Live schools (in the zone) with at least one visit in the period, out of all live schools. */
  coverage: { visited: number; total: number; notVisited: { id: number; name: string }[] };
  /** Live visit records in the period. */
  visits: number;
  visitsBySupervisor: { supervisorId: number; name: string; visits: number }[];
  /** Problems raised in the period, by 事项 (category), in the eight items' order then others. */
  problemsByItem: { item: string; count: number }[];
  /**
   * Of the problems raised in the period: closed = now 已销号, overdue = open and past the deadline
   * (own or its notice's). overdueNow counts every overdue problem (in the zone) regardless of when raised.
   * rate is closed / raised in per cent, one decimal (0 when nothing was raised). closedInPeriod counts the
   * problems closed (销号) in the period whenever raised: the briefing's and the report's 本月销号.
   * Each is defined once in shared/figures.ts.
   */
  rectification: { raised: number; closed: number; rate: number; overdue: number; overdueNow: number; closedInPeriod: number };
  /**
   * 结转: problems raised before the period and not yet 销号 on its first day (the 台账 with
   * carryOver 'only'); closed = 销号 since. They count in overdueNow, not in rectification's raised or rate.
   */
  carriedOver: { total: number; closed: number };
  /** Complaints received in the period. */
  complaints: number;
  complaintsByTopic: { topic: string; count: number }[];
  /** Items of live calendars planned for the period's months. */
  calendarDue: {
    id: number; calendarId: number; calendarTitle: string; month: string; seq: number;
    /** As printed: the item's own number, or "seq.". */
    numberText: string;
    content: string; category: string | null; owner: string | null; status: string;
  }[];
}

export const globalSearch = z.object({
  q: searchQuery('请输入要搜索的内容').describe('搜索词'),
  limit: z.number().int().min(1).max(50, '最多50条').default(10).describe('每类条数'),
});
export type SearchKind = 'supervisor' | 'school' | 'visit' | 'problem' | 'complaint' | 'calendarItem' | 'legacyFile';
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  supervisor: '督学', school: '学校', visit: '督导记录', problem: '问题', complaint: '来访来电', calendarItem: '行事历事项', legacyFile: '历年档案',
};
/** The text around a match: `match` is the matched text as written there, for the page to highlight. */
export interface SearchSnippet { before: string; match: string; after: string }
/**
 * parentId: the calendar of a calendar item (its page is the calendar's); null for other kinds.
 * snippet: where the query was found (the record's text, its school's name, a name's pinyin initials).
 */
export interface SearchHit { kind: SearchKind; id: number; title: string; detail: string; parentId: number | null; snippet: SearchSnippet | null }
/** A kind's matches are counted up to this many; beyond it the total reads "1000+". */
export const SEARCH_COUNT_CAP = 1000;
/** total: the kind's matches, at most SEARCH_COUNT_CAP; more: there are more than that. */
export interface SearchResult { groups: { kind: SearchKind; label: string; hits: SearchHit[]; total: number; more: boolean }[] }
