/**
 * Every file the app generates, each in one function: the store's query, then the builder in
 * electron/documents. The page's export handler and the year package (./year-package.ts) call the
 * same function, so the package holds exactly what the office would print. Word documents come back
 * as a GeneratedFile (handlers offer it with `fileOut`, ./file-out.ts); the files that grow with the
 * archive (the 台账, the backup file) are streamed into a file on disk instead.
 */
import fs from 'node:fs';
import type { Store } from '../store/store';
import { imageLoader } from '../store/attachments';
import { attachmentFiles, copyDatabase, logBackupFile } from '../store/backup-file';
import { issuedDocx } from '../store/briefings/issued-file';
import { commitIssue, planIssue } from '../store/briefings/numbering';
import { commitReissue, fileBeforeCorrection, planReissue } from '../store/briefings/corrections';
import { getBriefing } from '../store/briefings/repository';
import { calendarDetail } from '../store/calendars';
import { listChronicle } from '../store/chronicle';
import { getCollection } from '../store/collections';
import { dashboard } from '../store/dashboard';
import { periodFigures } from '../store/figures';
import { getZone } from '../store/zones';
import { getNotice } from '../store/notices';
import { piecesByIds } from '../store/pieces';
import { openLedger } from '../store/problems/ledger';
import { problemOrigins, problemsByIds } from '../store/problems/queries';
import { titleWords } from '../store/title-words';
import type { ProblemQuery } from '../store/problems/read';
import { liveRecords, rosterLists } from '../store/roster-records';
import { getSettings } from '../store/settings';
import { backupFileName, writeBackupFile } from '../documents/backup-file';
import type { BuildContext } from '../documents/blocks';
import { briefingFile as briefingDocx, briefingFileName, briefingInput } from '../documents/briefing';
import { calendarFile as calendarDocx, filledColumns } from '../documents/calendar';
import { chronicleEntries, chronicleFile as chronicleDocx } from '../documents/chronicle';
import { collectionFile as collectionDocx } from '../documents/collection';
import { rosterExportFile, rosterTemplateFile } from '../documents/excel/roster-file';
import { writeLedgerFile } from '../documents/ledger';
import { noticeFile as noticeDocx, referralFile as referralDocx } from '../documents/notice';
import { docxFileName, type GeneratedFile } from '../documents/pack';
import { statisticsFile as statisticsDocx } from '../documents/statistics';
import { nowText, todayText } from '../../shared/dates';
import { fileSizeText } from '../../shared/numbers';
import { noProgress, type Progress } from '../../shared/progress';
import { AppError } from '../../shared/result';
import type { RosterKind } from '../../shared/rosters';
import type { Briefing } from '../../shared/schemas/briefing';
import type { ParsedInput } from '../../shared/contract';
import { landscapeFor } from '../../shared/schemas/calendar';

/** The office's fonts, the archive's pictures for documents that show them, and its names for titles. */
const context = (a: Store): BuildContext => ({ fonts: getSettings(a).fonts, loadImage: imageLoader(a), words: titleWords(a) });

/** The same, counting the pictures loaded as progress (and a chance to stop) for a long document. */
function followedContext(a: Store, pictures: number, p: Progress): BuildContext {
  const load = imageLoader(a);
  let done = 0;
  return {
    fonts: getSettings(a).fonts,
    words: titleWords(a),
    loadImage: (hash) => {
      p.check();
      p.progress(++done, pictures, `图片 ${Math.min(done, pictures)} / ${pictures}`);
      return load(hash);
    },
  };
}

// ---- 整改通知书, 协商函 ----

/** Each problem's description and origin (its visit, complaint or entry, dated), in the order given. */
function letterProblems(a: Store, problems: { id: number; description: string }[]) {
  const origins = problemOrigins(a, problems.map((p) => p.id));
  return problems.map((p) => ({ description: p.description, origin: origins.get(p.id)! }));
}

export async function noticeFile(a: Store, id: number): Promise<GeneratedFile> {
  const n = getNotice(a, id);
  return noticeDocx({
    office: getSettings(a).officeName, numberText: n.numberText, schoolName: n.schoolName,
    problems: letterProblems(a, n.problems), requirement: n.requirement, deadlineDays: n.deadlineDays, issuedDate: n.issuedDate,
  }, context(a));
}

/**
 * A 协商函 about problems of one school, in the order chosen, each with its own origin and date; dated the
 * day it is written. Refused for deleted problems or several schools.
 */
export async function referralFile(a: Store, problemIds: number[], section: string): Promise<GeneratedFile> {
  const found = problemsByIds(a, problemIds);
  const missing = problemIds.filter((id) => !found.some((p) => p.id === id));
  if (missing.length) {
    throw new AppError('not_found', `所选问题中有 ${missing.length} 个不存在或已被删除（编号 ${missing.join('、')}），请刷新后重新选择。`, 'problemIds');
  }
  const schools = [...new Set(found.map((p) => p.schoolName))];
  if (schools.length > 1) {
    throw new AppError('invalid', `「问题」协商函一次只写一所学校，所选问题来自${schools.length}所学校（${schools.join('、')}），请按学校分别导出。`, 'problemIds');
  }
  const problems = problemIds.map((id) => found.find((p) => p.id === id)!);
  const s = getSettings(a);
  return referralDocx({
    office: s.officeName, section, schoolName: schools[0], problems: letterProblems(a, problems),
    issuedDate: todayText(), contact: s.officePhone ? `联系电话：${s.officePhone}` : null,
  }, context(a));
}

// ---- 行事历 ----

/** How a calendar is printed; the columns its items fill when none are chosen. */
export type CalendarPrint = Partial<Omit<ParsedInput<'documents.calendar'>, 'id'>>;

export async function calendarFile(a: Store, id: number, print: CalendarPrint = {}): Promise<GeneratedFile> {
  const { calendar, months } = calendarDetail(a, id);
  const rows = months.map((m) => ({
    month: m.month, theme: m.theme,
    items: m.items.map((it) => ({
      number: it.numberText, content: it.content, month: it.month, endMonth: it.endMonth, timing: it.timing, startDate: it.startDate,
      endDate: it.endDate, lead: it.lead, partners: it.partners, status: it.status, statusNote: it.statusNote, note: it.note,
    })),
  }));
  const columns = print.columns ?? filledColumns(rows);
  return calendarDocx({
    office: getSettings(a).officeName, title: calendar.title, months: rows, notes: calendar.notes,
    columns, landscape: print.landscape ?? landscapeFor(columns),
    attachment: print.attachment ?? null, signatureDate: print.signatureDate ?? null,
  }, context(a));
}

// ---- 统计报告 ----

/** The statistics report of a month or a year (and optionally a zone): the home page's figures and breakdowns, charts drawn from them. */
export async function statisticsFile(a: Store, q: { year: number; month?: number; zoneId?: number }): Promise<GeneratedFile> {
  const d = dashboard(a, q);
  const f = periodFigures(a, q);
  return statisticsDocx({
    office: getSettings(a).officeName, year: q.year, month: q.month ?? null, zoneName: q.zoneId ? getZone(a, q.zoneId).name : null,
    figures: f, problemsByItem: d.problemsByItem, complaintsByTopic: d.complaintsByTopic, visitsBySupervisor: d.visitsBySupervisor,
    asOf: todayText(),
  }, context(a));
}

// ---- 大事记 ----

export async function chronicleFile(a: Store, year: number, form: 'list' | 'table'): Promise<GeneratedFile> {
  const s = getSettings(a);
  return chronicleDocx({ office: s.officeName, year, entries: chronicleEntries(listChronicle(a, year)), form },
    { fonts: s.fonts, loadImage: () => null });
}

// ---- 简报 ----

/**
 * An issued briefing: the kept file, byte for byte. One under correction: a fresh build with its numbers,
 * marked （更正稿）, not kept. A draft: a fresh build marked 第×期, not kept.
 */
export async function briefingFile(a: Store, id: number): Promise<GeneratedFile> {
  const b = getBriefing(a, id);
  const s = getSettings(a);
  const fileName = briefingFileName(s.briefingName, b);
  const kept = issuedDocx(a, id);
  if (kept) return { fileName, bytes: kept };
  const date = b.issueDate ?? nowText().slice(0, 10);
  const numbers = b.status === '更正中' ? { issue: b.issueNo!, total: b.totalNo, date } : { issue: '×', total: null, date };
  return briefingDocx(briefingInput(s, b, numbers), fileName, context(a));
}

/**
 * Issue a draft under the numbers chosen (or proposed): checked (store), its .docx built with them (documents), then
 * the issue written with the file kept, in one transaction that checks the numbers again (store).
 */
export async function issueBriefing(a: Store, id: number, issueDate: string, chosen: { issueNo?: number; totalNo?: number }): Promise<Briefing> {
  const plan = planIssue(a, id, issueDate, chosen);
  const numbers = { issue: plan.issueNo, total: plan.totalNo, date: issueDate };
  const fileName = briefingFileName(plan.name, { ...plan.draft, status: '已印发', year: plan.year, issueNo: plan.issueNo, totalNo: plan.totalNo });
  const file = await briefingDocx(briefingInput(getSettings(a), plan.draft, numbers), fileName, context(a));
  return commitIssue(a, plan, file);
}

/** Issue a corrected briefing again under its own numbers and date; the file issued before stays kept. */
export async function reissueBriefing(a: Store, id: number): Promise<Briefing> {
  const plan = planReissue(a, id);
  const b = plan.briefing;
  const fileName = briefingFileName(plan.name, { ...b, status: '已印发' });
  const file = await briefingDocx(briefingInput(getSettings(a), b, { issue: b.issueNo!, total: b.totalNo, date: b.issueDate! }), fileName, context(a));
  return commitReissue(a, plan, file);
}

/** The file as issued before a correction. */
export async function fileBeforeCorrectionOut(a: Store, correctionId: number): Promise<GeneratedFile> {
  const f = fileBeforeCorrection(a, correctionId);
  return { fileName: docxFileName(f.title), bytes: f.bytes };
}

// ---- 案例集 and other collections ----

/** The collection to export; refused when it is gone or has no pieces (before any job starts). */
export function exportableCollection(a: Store, id: number): ReturnType<typeof getCollection> {
  const c = getCollection(a, id);
  if (c.pieces.length === 0) {
    throw new AppError('invalid', `汇编「${c.title}」还没有收录文章，请先选择要收录的文章再导出。`, 'pieceIds');
  }
  return c;
}

/** The collection: cover, 前言, 目录, each live piece on a new page; refused while it has none. */
export async function collectionFile(a: Store, id: number, p: Progress = noProgress): Promise<GeneratedFile> {
  const c = exportableCollection(a, id);
  const s = getSettings(a);
  const pieces = piecesByIds(a, c.pieceIds);
  const pictures = pieces.reduce((n, x) => n + x.body.filter((b) => b.type === 'image').length, 0);
  return collectionDocx({
    title: c.title, volume: c.volume, office: s.officeName, year: c.year, preface: c.preface,
    pieces: pieces.map((x) => ({ title: x.title, author: x.authorDisplay, school: x.schoolName, blocks: x.body })),
  }, followedContext(a, pictures, p));
}

// ---- Excel: 问题整改台账, rosters ----

/** The 台账 with the page's filters, every match, streamed into `out`; answers how many rows it has. */
export async function writeLedger(a: Store, query: Partial<ProblemQuery>, out: string, p: Progress = noProgress): Promise<number> {
  const ledger = openLedger(a, query);
  try {
    return await writeLedgerFile(out, getSettings(a).officeName, ledger.total, ledger.rows, p);
  } finally {
    ledger.close();
  }
}

export async function rosterTemplate(a: Store, kind: RosterKind): Promise<GeneratedFile> {
  return rosterTemplateFile(kind, rosterLists(a));
}

export async function rosterExport(a: Store, kind: RosterKind): Promise<GeneratedFile> {
  return rosterExportFile(kind, liveRecords(a, kind).map((r) => r.fields), rosterLists(a));
}

// ---- 备份文件 ----

/**
 * The manual backup file of the live archive, streamed into `out`: the database first copied with
 * SQLite's online backup into a temporary file, then it and every attachment streamed into the .zip.
 * Recorded in the audit log once made; a failed or canceled one leaves no file behind.
 */
export async function backupFileNow(a: Store, out: string, p: Progress = noProgress): Promise<{ fileName: string }> {
  const now = new Date();
  const db = `${out}.db`;
  try {
    p.stage('复制档案数据库', 0, 30);
    const manifest = await copyDatabase(a, db, now, (f) => {
      p.check();
      p.progress(f, 1, `${Math.round(f * 100)}%`);
    });
    p.check();
    p.stage('写入备份文件', 30, 100);
    const attachments = attachmentFiles(a);
    await writeBackupFile(out, { manifest, databaseFile: db, attachments }, {
      check: () => p.check(),
      step: (done, total) => p.progress(done, total, `${fileSizeText(done)} / ${fileSizeText(total)}`),
    });
    const fileName = backupFileName(now);
    logBackupFile(a, fileName, { ...manifest, attachments: attachments.length });
    return { fileName };
  } catch (e) {
    fs.rmSync(out, { force: true });
    throw e;
  } finally {
    fs.rmSync(db, { force: true });
  }
}
