import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { calendarDetail } from '../store/calendars';
import { loadStoredImage } from '../store/collections';
import { dashboard } from '../store/dashboard';
import { getNotice } from '../store/notices';
import { problemsByIds } from '../store/problems/queries';
import { todayText } from '../../shared/dates';
import { getSettings } from '../store/settings';
import { buildCalendar } from '../documents/calendar';
import { buildNotice, buildReferral } from '../documents/notice';
import { docxFileName, toDocx } from '../documents/pack';
import { buildStatistics, statisticsTitle } from '../documents/statistics';
import type { Document } from 'docx';
import { AppError } from '../../shared/result';
import type { FileOut } from '../../shared/schemas/admin';

// Word exports of records kept elsewhere: 整改通知书, 协商函, 行事历 and the yearly statistics report.
// Each reads through the owning area's functions, so deleted rows are left out exactly as its pages do.

async function file(title: string, doc: Document): Promise<FileOut> {
  return { fileName: docxFileName(title), data: (await toDocx(doc)).toString('base64') };
}

const ctx = (a: Store) => ({ fonts: getSettings(a).fonts, loadImage: loadStoredImage(a) });

async function noticeDocx(a: Store, id: number): Promise<FileOut> {
  const n = getNotice(a, id);
  const office = getSettings(a).officeName;
  const sources = [...new Set(n.problems.map((p) => p.campaign ?? p.source))];
  const doc = buildNotice({
    office, numberText: n.numberText, schoolName: n.schoolName, source: sources.join('、') || null,
    problems: n.problems.map((p) => p.description), requirement: n.requirement, deadlineDays: n.deadlineDays, issuedDate: n.issuedDate,
  }, ctx(a));
  return file(`整改通知书${n.numberText}${n.schoolName}`, doc);
}

async function referralDocx(a: Store, problemIds: number[], section: string): Promise<FileOut> {
  const found = problemsByIds(a, problemIds);
  const missing = problemIds.filter((id) => !found.some((p) => p.id === id));
  if (missing.length) {
    throw new AppError('not_found', `所选问题中有 ${missing.length} 个不存在或已被删除（编号 ${missing.join('、')}），请刷新后重新选择。`, 'problemIds');
  }
  const schools = [...new Set(found.map((p) => p.schoolName))];
  if (schools.length > 1) {
    throw new AppError('invalid', `「问题」协商函一次只写一所学校，所选问题来自${schools.length}所学校（${schools.join('、')}），请按学校分别导出。`, 'problemIds');
  }
  // In the order chosen; the visit date is the latest date the problems were found.
  const problems = problemIds.map((id) => found.find((p) => p.id === id)!);
  const visitDate = problems.map((p) => p.raisedAt).sort().at(-1)!;
  const s = getSettings(a);
  const doc = buildReferral({
    office: s.officeName, section, visitDate, schoolName: schools[0], problems: problems.map((p) => p.description),
    issuedDate: todayText(), contact: s.officePhone ? `联系电话：${s.officePhone}` : null,
  }, ctx(a));
  return file(`协商函（${section}）${schools[0]}`, doc);
}

/** 完成情况 as printed: blank while not started (a plan handed out before the term), with its note if any. */
function statusText(status: string, note: string | null): string {
  if (status === '未开始') return '';
  return note ? `${status}（${note}）` : status;
}

async function calendarDocx(a: Store, id: number): Promise<FileOut> {
  const { calendar, months } = calendarDetail(a, id);
  const doc = buildCalendar({
    office: getSettings(a).officeName,
    schoolYear: '',
    title: calendar.title,
    months: months.map((m) => ({
      month: m.month, theme: m.theme,
      items: m.items.map((it) => ({ content: it.content, owner: it.owner, status: statusText(it.status, it.statusNote) })),
    })),
  }, ctx(a));
  return file(calendar.title, doc);
}

async function statisticsDocx(a: Store, year: number, charts: { title: string; png: string; width: number; height: number }[]): Promise<FileOut> {
  const d = dashboard(a, { year });
  const office = getSettings(a).officeName;
  const pngs = charts.map((c, i) => {
    const png = Buffer.from(c.png.replace(/^data:[^,]*,/, ''), 'base64');
    if (!(png[0] === 0x89 && png[1] === 0x50 && png[2] === 0x4e && png[3] === 0x47)) {
      throw new AppError('invalid', `「图表」第${i + 1}张图（${c.title}）不是 PNG 图片，请刷新首页后重新导出。`, 'charts');
    }
    return { title: c.title, png, width: c.width, height: c.height };
  });
  const doc = buildStatistics({
    office, year, visits: d.visits, schoolsVisited: d.coverage.visited, schoolsTotal: d.coverage.total,
    problems: d.rectification, problemsByItem: d.problemsByItem, complaints: d.complaints, complaintsByTopic: d.complaintsByTopic,
    visitsBySupervisor: d.visitsBySupervisor, charts: pngs,
  }, ctx(a));
  return file(statisticsTitle(office, year), doc);
}

export const documentHandlers: HandlerMap<'documents.notice' | 'documents.referral' | 'documents.calendar' | 'documents.statistics'> = {
  'documents.notice': (a, { id }) => noticeDocx(a, id),
  'documents.referral': (a, { problemIds, section }) => referralDocx(a, problemIds, section),
  'documents.calendar': (a, { id }) => calendarDocx(a, id),
  'documents.statistics': (a, { year, charts }) => statisticsDocx(a, year, charts),
};
