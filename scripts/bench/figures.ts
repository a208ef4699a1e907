/**
 * Every figure the benchmark reports: what it is, how it is measured and its target (issue 12), in one
 * place. A figure in bench.json is {name, value, unit, target, ok}; `target` is an upper bound (ok when
 * value < target), null for figures reported for information only.
 *
 * To add a figure: an API call is one line in apiCases (its kind gives the target); anything else is a
 * kind here and one `figure(kind, …)` where bench.ts measures it.
 */
import { PROBLEM_SORTS } from '../../shared/schemas/problem';
import { SCHOOL_SORTS } from '../../shared/schemas/school';
import { SUPERVISOR_SORTS } from '../../shared/schemas/supervisor';
import { VISIT_SORTS } from '../../shared/schemas/visit';

export interface Kind { unit: string; target: number | null; how: string }

const OVER_HTTP = 'POST /api/<channel> to the real browser-mode server with the input the page sends (same page size), '
  + 'timed from request to parsed answer in the bench process, ITER times interleaved with its raw statements';

export const KINDS = {
  list: { unit: 'ms', target: 20, how: `p95 of a list page: ${OVER_HTTP}` },
  search: { unit: 'ms', target: 50, how: `p95 of a search (全局搜索 or a list's 搜索 box): ${OVER_HTTP}` },
  dashboard: { unit: 'ms', target: 100, how: `p95 of 首页概览 (dashboard.get) for a year or a month: ${OVER_HTTP}` },
  ratio: {
    unit: '×', target: 1.5,
    how: 'the call\'s p50 over HTTP divided by the p50 of its raw statements plus the p50 of a bare round trip: the same SQL (captured '
      + 'from one run of the handler) prepared once and run on a separate read-only connection in the bench process, and a request '
      + 'that runs no SQL (jobs.get of an unknown job), the three timed in turn',
  },
  ledger: {
    unit: 's', target: 10,
    how: '导出台账 with no filter (every problem): problems.exportLedger with the 台账\'s default order, the job followed with jobs.get '
      + 'every JOB_POLL_MS as the page does, then the file fetched with GET /files/<id>?sig=… and written to disk',
  },
  backupFile: { unit: 's', target: 30, how: '生成备份文件: backups.createFile as a job, followed, then downloaded as the ledger (database and every photo)' },
  yearPackage: {
    unit: 's', target: 30,
    how: '年度归档 of the year with the 100-case collection, its issued briefings and 300 photos: yearClose.check for the open work, '
      + 'yearClose.close with it as a job, followed, then yearClose.download and the .zip downloaded',
  },
  restore: {
    unit: 's', target: 30,
    how: '从备份文件恢复: the backup file made above sent as the body of POST /upload?kind=backup, then backups.restoreFile as a job, followed',
  },
  rss: {
    unit: 'MB', target: 300,
    how: 'the highest VmRSS of the server process (/proc/<pid>/status, sampled every 100 ms by the bench process) during the phase',
  },
  serverStart: {
    unit: 'ms', target: 2000,
    how: 'median of 3 starts (1 with --small) of `electron/web/cli.ts` over the archive copy, from the spawn until it has answered dataFolder.status over HTTP',
  },
  firstScreen: {
    unit: 'ms', target: 1500,
    how: 'median of 3 freshly started Chromiums (1 with --small) at the window size: from navigating to the app\'s URL (首页概览 of the archive\'s current month) '
      + 'until its figures are shown',
  },
  stall: {
    unit: 'ms', target: null,
    how: 'the longest a jobs.get took to answer while the operation\'s job was followed: how long its progress bar stood still (information)',
  },
  browser: { unit: 'ms', target: null, how: 'Chromium at the window size: from navigation or scroll until the rows are shown (information)' },
  frames: { unit: '帧', target: null, how: 'frames with a blank row while the 督导记录 list scrolls 5 rows a frame for 300 frames (information)' },
  info: { unit: '', target: null, how: 'information about the run' },
} satisfies Record<string, Kind>;
export type KindName = keyof typeof KINDS;

export interface Figure { name: string; value: number; unit: string; target: number | null; ok: boolean | null }

export function figure(kind: KindName, name: string, value: number, unit?: string): Figure {
  const k: Kind = KINDS[kind];
  const rounded = Math.round(value * 100) / 100; // judged as written: 1.499 shows as 1.5, which misses < 1.5
  return { name, value: rounded, unit: unit ?? k.unit, target: k.target, ok: k.target === null ? null : rounded < k.target };
}

/** The window sizes of the office's screens the browser part runs at. */
export const WINDOWS = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }];

/** One API call measured over HTTP against its raw statements: a `kind` figure and a ratio figure. */
export interface ApiCase { kind: 'list' | 'search' | 'dashboard'; name: string; channel: string; input: Record<string, unknown> }

/** What the cases need from the archive: totals of the long lists and a few ids for filters. */
export interface CaseContext {
  totals: { visits: number; problems: number; complaints: number; notices: number; pieces: number; schools: number; supervisors: number; audit: number };
  schoolId: number; zoneId: number; supervisorId: number; item: string;
  /** A whole year (the package year), the year in progress and its current month (yyyy-mm). */
  fullYear: number; currentYear: number; currentMonth: string;
}

/** Rows per request as the pages ask: VirtualTable's window, Paging's page, the schools' and supervisors' pages, the log's. */
const PAGE = { virtual: 100, paged: 30, schools: 20, supervisors: 50, audit: 50 };
/** The offsets every long list is read at: the first page, 30,000 and 60,000 rows in, and the last page. */
const DEEP = [0, 30_000, 60_000];

/** Offsets (page-aligned, as the page asks) of the first page, the middle ones and the last page of `total` rows. */
export function offsets(total: number, limit: number): number[] {
  const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
  const middle = DEEP.filter((o) => o > 0 && o < last);
  if (middle.length === 0 && last > 0) middle.push(Math.floor(total / 2 / limit) * limit);
  return [...new Set([0, ...middle, last])];
}

const at = (o: number, total: number, limit: number) => (o === 0 ? '第1页' : o + limit >= total ? `末页(${o})` : `第${o}条起`);
const arrow = (dir: string) => (dir === 'asc' ? '↑' : '↓');

/** A list read at every offset, for each of its sorts in both directions (or in the page's one order). */
function deepList(label: string, channel: string, total: number, limit: number, sorts: readonly string[] | null): ApiCase[] {
  const orders = sorts ? sorts.flatMap((sort) => (['desc', 'asc'] as const).map((dir) => ({ sort, dir }))) : [{}];
  return orders.flatMap((order) => offsets(total, limit).map((offset): ApiCase => ({
    kind: 'list',
    name: `${label}${'sort' in order ? ` ${order.sort}${arrow(order.dir)}` : ''} ${at(offset, total, limit)}`,
    channel, input: { ...order, offset, limit },
  })));
}

export const TWO_CHARACTER_SEARCHES = ['整改', '安全', '食堂'];
export const LONGER_SEARCHES = ['消防器材', '课后服务', '校园安全隐患'];

export function apiCases(c: CaseContext): ApiCase[] {
  const t = c.totals;
  const v = PAGE.virtual;
  const list = (name: string, channel: string, input: Record<string, unknown>): ApiCase => ({ kind: 'list', name, channel, input });
  const search = (name: string, channel: string, input: Record<string, unknown>): ApiCase => ({ kind: 'search', name, channel, input });
  const dash = (name: string, input: Record<string, unknown>): ApiCase => ({ kind: 'dashboard', name, channel: 'dashboard.get', input });
  const carry = { carryOver: 'include' }; // the 台账 adds the year's 结转 when a year or month is chosen
  const cases: ApiCase[] = [
    // Every long list at every offset and sort, as its page asks for it.
    ...deepList('督导记录', 'visits.list', t.visits, v, VISIT_SORTS),
    ...deepList('问题台账', 'problems.list', t.problems, v, PROBLEM_SORTS),
    ...deepList('整改通知书', 'notices.list', t.notices, PAGE.paged, null),
    ...deepList('来访来电', 'complaints.list', t.complaints, PAGE.paged, null),
    ...deepList('案例', 'pieces.list', t.pieces, PAGE.paged, null),
    ...deepList('学校', 'schools.list', t.schools, PAGE.schools, SCHOOL_SORTS),
    ...deepList('督学', 'supervisors.list', t.supervisors, PAGE.supervisors, SUPERVISOR_SORTS),
    ...deepList('操作日志', 'audit.list', t.audit, PAGE.audit, null),
    // The filters the pages and the dashboard's links use.
    list('督导记录 学校时间线', 'visits.list', { schoolId: c.schoolId, sort: 'date', dir: 'desc', offset: 0, limit: v }),
    list('督导记录 督学时间线', 'visits.list', { supervisorId: c.supervisorId, sort: 'date', dir: 'desc', offset: 0, limit: v }),
    list('督导记录 月份', 'visits.list', { month: c.currentMonth, sort: 'date', dir: 'desc', offset: 0, limit: v }),
    list('督导记录 责任区+年份', 'visits.list', { zoneId: c.zoneId, year: c.fullYear, sort: 'date', dir: 'desc', offset: 0, limit: v }),
    list(`督导记录 事项`, 'visits.list', { item: c.item, sort: 'date', dir: 'desc', offset: 0, limit: v }),
    list('问题台账 整改中', 'problems.list', { status: '整改中', sort: 'raisedAt', dir: 'desc', offset: 0, limit: v }),
    list('问题台账 只看逾期', 'problems.list', { overdueOnly: true, sort: 'raisedAt', dir: 'desc', offset: 0, limit: v }),
    list('问题台账 年份+结转', 'problems.list', { year: c.fullYear, ...carry, sort: 'raisedAt', dir: 'desc', offset: 0, limit: v }),
    list('问题台账 月份+结转', 'problems.list', { month: c.currentMonth, ...carry, sort: 'raisedAt', dir: 'desc', offset: 0, limit: v }),
    list('问题台账 责任区+年份+结转', 'problems.list', { zoneId: c.zoneId, year: c.fullYear, ...carry, sort: 'raisedAt', dir: 'desc', offset: 0, limit: v }),
    list('问题台账 学校', 'problems.list', { schoolId: c.schoolId, sort: 'raisedAt', dir: 'desc', offset: 0, limit: v }),
    list('整改通知书 只看逾期', 'notices.list', { overdueOnly: true, offset: 0, limit: PAGE.paged }),
    list('整改通知书 年份', 'notices.list', { year: c.fullYear, offset: 0, limit: PAGE.paged }),
    list('来访来电 处理中', 'complaints.list', { status: '处理中', offset: 0, limit: PAGE.paged }),
    list('来访来电 年份+主题', 'complaints.list', { year: c.fullYear, topic: '管理', offset: 0, limit: PAGE.paged }),
    list('案例 年份+类型', 'pieces.list', { year: c.fullYear, kind: '案例', offset: 0, limit: PAGE.paged }),
    list('大事记 一年', 'chronicle.list', { year: c.fullYear }),
    list('简报 全部', 'briefings.list', {}),
    list('案例集 全部', 'collections.list', {}),
    list('行事历 全部', 'calendars.list', {}),
    list('责任区 全部', 'zones.list', {}),
    // Searches: the header's 全局搜索 (8 a kind) and each list's 搜索 box.
    ...[...TWO_CHARACTER_SEARCHES, ...LONGER_SEARCHES].flatMap((q) => [
      search(`全局搜索“${q}”`, 'search.global', { q, limit: 8 }),
      search(`督导记录 搜索“${q}”`, 'visits.list', { q, sort: 'date', dir: 'desc', offset: 0, limit: v }),
      search(`问题台账 搜索“${q}”`, 'problems.list', { q, sort: 'raisedAt', dir: 'desc', offset: 0, limit: v }),
      search(`整改通知书 搜索“${q}”`, 'notices.list', { q, offset: 0, limit: PAGE.paged }),
      search(`来访来电 搜索“${q}”`, 'complaints.list', { q, offset: 0, limit: PAGE.paged }),
      search(`案例 搜索“${q}”`, 'pieces.list', { q, offset: 0, limit: PAGE.paged }),
    ]),
    // 首页概览: the first screen (this month), a whole year, the year in progress, with a zone.
    dash(`首页 ${c.currentMonth}`, { year: c.currentYear, month: Number(c.currentMonth.slice(5)) }),
    dash(`首页 ${c.fullYear}年`, { year: c.fullYear }),
    dash(`首页 ${c.currentYear}年`, { year: c.currentYear }),
    dash(`首页 ${c.fullYear}年 责任区`, { year: c.fullYear, zoneId: c.zoneId }),
    dash(`首页 ${c.currentMonth} 责任区`, { year: c.currentYear, month: Number(c.currentMonth.slice(5)), zoneId: c.zoneId }),
  ];
  // A small archive's whole year can be its current one: the same call once.
  return cases.filter((x, i) => cases.findIndex((y) => y.name === x.name) === i);
}
