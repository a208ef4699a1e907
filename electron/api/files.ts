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
import { campaignReportFile as campaignReportDocx } from '../documents/campaign-report';
import { opinionFile as opinionDocx, unitLetterFile as unitLetterDocx } from '../documents/campaign-letters';
import { evaluationReportFile as evaluationReportDocx } from '../documents/evaluation-report';
import { scoreSheetFile } from '../documents/excel/scores-file';
import { fourListsFile as fourListsXlsx } from '../documents/four-lists';
import { campaignFacts, schoolFindings } from '../store/campaigns/facts';
import { basisText } from '../store/campaigns/drafting';
import { fourLists } from '../store/campaigns/four-lists';
import { getCampaign } from '../store/campaigns/repository';
import { roundResults } from '../store/evaluations/results';
import { getRound, roundScores } from '../store/evaluations/rounds';
import { nowText, todayText } from '../../shared/dates';
import { fileSizeText } from '../../shared/numbers';
import { noProgress, type Progress } from '../../shared/progress';
import { AppError } from '../../shared/result';
import type { RosterKind } from '../../shared/rosters';
import type { Briefing } from '../../shared/schemas/briefing';
import type { ParsedInput } from '../../shared/contract';
import { landscapeFor } from '../../shared/schemas/calendar';
import type { Supervisor } from '../../shared/schemas/supervisor';
import { allowedItems } from '../store/problems/workflow';
import { formSchools } from '../store/visit-form-import';
import { getTraining, getPlan } from '../store/trainings';
import { getAssessment } from '../store/assessments';
import { visitFormWorkbook, type VisitFormTemplateInput } from '../documents/excel/visit-form-file';
import { visitFormDocx } from '../documents/visit-form-docx';
import { minutesFile, signInFile, type TrainingDocInput } from '../documents/training';
import { trainingPlanFile as trainingPlanDocx } from '../documents/training-plan';
import { sheetsFile, summaryDocx, summaryXlsx, type AssessmentDocInput } from '../documents/assessment';
import { writeZipFile, type ZipInput } from '../documents/zip';
import { fillVisitForm } from '../documents/excel/fill-visit-form';
import { gradientPng } from '../documents/png';
import { DEMO_SIZE } from '../store/demo';
import { planDemoReturns, writeDemoFiles } from '../store/demo/returned-forms';
import { VISIT_METHODS, VISIT_TYPES } from '../../shared/vocab';

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
  if (found.some((p) => p.unitId)) {
    throw new AppError('invalid', '「问题」所选问题中有督政问题：督政问题的协商函或督导建议书请在「督政问题」中导出。', 'problemIds');
  }
  const schools = [...new Set(found.map((p) => p.ownerName))];
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
    return await writeLedgerFile(out, getSettings(a).officeName, ledger.total, ledger.rows, p, query.owner);
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

// ---- 专项督导: 报告, 督导意见书; 督政: 督导建议书, 协商函; 四清单 ----

/** The campaign's report as saved, with its statistics 附件 counted as of the report's date. */
export async function campaignReportFile(a: Store, id: number): Promise<GeneratedFile> {
  const c = getCampaign(a, id);
  if (!c.reportTitle || !c.reportDate || c.report.length === 0) {
    throw new AppError('invalid', `专项督导「${c.name}」还没有保存报告：请先在「专项督导报告」中起草、修改并保存，再导出。`);
  }
  const f = campaignFacts(a, id, c.reportDate);
  return campaignReportDocx({
    office: f.office, campaign: c.name, title: c.reportTitle, to: c.reportTo, date: c.reportDate, sections: c.report, schools: f.schools, units: f.units,
  }, context(a));
}

/** A school's 督导意见书: refused for a school not in the campaign, or not yet visited in it. */
export async function campaignOpinionFile(a: Store, id: number, schoolId: number): Promise<GeneratedFile> {
  const f = schoolFindings(a, id, schoolId);
  if (!f) throw new AppError('invalid', '「学校」这所学校不在本专项督导的督导学校中，请刷新后重试。', 'schoolId');
  if (f.dates.length === 0) throw new AppError('invalid', `${f.school}还没有本专项督导的督导记录，督导之后才能出具督导意见书。`, 'schoolId');
  return opinionDocx({
    office: f.office, campaign: f.campaign, basis: basisText(f.basisTitle, f.basisNumber), school: f.school, dates: f.dates, methods: f.methods,
    checklist: f.checklist, highlights: f.highlights, problems: f.problems, opinion: f.opinion, date: f.opinionDate ?? todayText(),
  }, context(a));
}

/** A 督导建议书 or 协商函 on problems of one unit, in the order chosen. */
export async function unitLetterFile(a: Store, input: { problemIds: number[]; kind: '督导建议书' | '协商函'; issuedDate: string; replyBy: string | null }): Promise<GeneratedFile> {
  const found = problemsByIds(a, input.problemIds);
  const missing = input.problemIds.filter((id) => !found.some((p) => p.id === id));
  if (missing.length) throw new AppError('not_found', `所选问题中有 ${missing.length} 个不存在或已被删除，请刷新后重新选择。`, 'problemIds');
  if (found.some((p) => !p.unitId)) {
    throw new AppError('invalid', '「问题」督导建议书和协商函用于督政问题（由责任单位整改）；学校的问题请开具整改通知书。', 'problemIds');
  }
  const units = [...new Set(found.map((p) => p.ownerName))];
  if (units.length > 1) throw new AppError('invalid', `「问题」一份${input.kind}只写给一个单位，所选问题属于${units.join('、')}，请分别导出。`, 'problemIds');
  const problems = input.problemIds.map((id) => found.find((p) => p.id === id)!);
  const campaigns = [...new Set(problems.map((p) => p.campaign))];
  const s = getSettings(a);
  const dues = problems.map((p) => p.dueDate).filter((d): d is string => !!d).sort();
  return unitLetterDocx({
    office: s.officeName, kind: input.kind, unit: units[0],
    context: campaigns.length === 1 && campaigns[0] ? `“${campaigns[0]}”专项督导` : '督导工作',
    problems: problems.map((p) => ({ description: p.description, due: p.dueDate })),
    replyBy: input.replyBy ?? dues.at(-1) ?? null, date: input.issuedDate,
    contact: s.officePhone ? `联系电话：${s.officePhone}` : null,
  }, context(a));
}

export async function fourListsFile(a: Store, q: { campaignId?: number; year?: number }): Promise<GeneratedFile> {
  return fourListsXlsx(getSettings(a).officeName, fourLists(a, q));
}

// ---- 评估 ----

/** The round's score sheet: every school's scores so far (blank cells to fill), one column per scored indicator. */
export async function roundScoreSheet(a: Store, id: number): Promise<GeneratedFile> {
  const round = getRound(a, id);
  const leaves = round.indicators.filter((i) => i.leaf);
  const scores = roundScores(a, id);
  const results = roundResults(a, id);
  return scoreSheetFile({
    office: getSettings(a).officeName, round: round.name,
    indicators: leaves.map((l) => ({ code: l.code, name: l.name, fullScore: l.fullScore })),
    schools: results.schools.map((r) => ({
      name: r.schoolName,
      scores: leaves.map((l) => scores.get(`${r.schoolId}:${l.id}`) ?? null),
      total: r.scored ? r.total : null,
    })),
  });
}

/** The round's 评估报告: its figures, tables and charts all from the round's scores and survey counts. */
export async function evaluationReportFile(a: Store, id: number): Promise<GeneratedFile> {
  const round = getRound(a, id);
  const results = roundResults(a, id);
  if (results.round.assessed === 0) throw new AppError('invalid', `评估「${round.name}」还没有学校评完全部指标，评分之后才能生成评估报告。`);
  return evaluationReportDocx({
    office: getSettings(a).officeName, results, summary: round.summary, date: round.closedAt ?? todayText(),
  }, context(a));
}

// ---- 督导记录表 sent to supervisors (issue 15) ----

/**
 * Each supervisor's 督导记录表 for the 填报期间: the Excel form to fill and the Word form to print, streamed
 * into one .zip at `out` (a folder per supervisor would only add clicks; two people of the same name get
 * their 督学证编号). A supervisor at a time, reported as progress; a cancel leaves no file.
 */
export async function writeVisitFormTemplates(a: Store, q: { people: Supervisor[]; from: string; to: string }, out: string,
  p: Progress = noProgress): Promise<{ fileName: string }> {
  const s = getSettings(a);
  const { people } = q;
  const ctx = context(a);
  const items = allowedItems(a);
  const entries: ZipInput[] = [];
  p.stage('生成督导记录表', 0, 90);
  for (const [i, person] of people.entries()) {
    p.check();
    const input: VisitFormTemplateInput = {
      office: s.officeName, supervisor: { id: person.id, name: person.name, certNo: person.certNo }, from: q.from, to: q.to,
      lists: { schools: formSchools(a, person.id), types: [...VISIT_TYPES], methods: [...VISIT_METHODS], items },
    };
    const twin = people.some((o) => o !== person && o.name === person.name);
    const who = twin ? `${person.name}（${person.certNo ?? `编号${person.id}`}）` : person.name;
    const xlsx = await visitFormWorkbook(input, `督导记录表-${who}.xlsx`);
    const docx = await visitFormDocx(input, `督导记录表（打印版）-${who}`, ctx);
    entries.push({ name: xlsx.fileName, bytes: xlsx.bytes }, { name: docx.fileName, bytes: docx.bytes });
    p.progress(i + 1, people.length, person.name);
  }
  p.stage('打包', 90, 100);
  await writeZipFile(out, entries, { check: () => p.check() });
  const one = people.length === 1 ? people[0].name : `${people.length}名督学`;
  return { fileName: `督导记录表-${one}-${q.from.replace(/-/g, '')}至${q.to.replace(/-/g, '')}.zip` };
}

/**
 * The demo archive's returned forms: four supervisors' filled 督导记录表 written into the data folder for
 * the user to import (one row missing its 纪实, one visit already in the archive, a photo).
 */
export async function writeDemoReturnedForms(a: Store): Promise<string> {
  const s = getSettings(a);
  const files: GeneratedFile[] = [];
  for (const r of planDemoReturns(a, { seed: DEMO_SIZE.seed })) {
    const template = await visitFormWorkbook({
      office: s.officeName, supervisor: { id: r.supervisorId, name: r.name, certNo: r.certNo }, from: r.from, to: r.to,
      lists: { schools: r.schools, types: [...VISIT_TYPES], methods: [...VISIT_METHODS], items: allowedItems(a) },
    }, '');
    const photo = { bytes: gradientPng(480, 360), extension: 'png' as const };
    const bytes = await fillVisitForm(template.bytes, r.visits.map((v) => ({ values: v.values, photos: v.photo ? [photo] : [] })));
    files.push({ fileName: `督导记录表-${r.name}（已填）.xlsx`, bytes });
  }
  return writeDemoFiles(a, files);
}

// ---- 培训 and 会议 ----

function trainingDoc(a: Store, id: number): TrainingDocInput {
  const t = getTraining(a, id);
  return { ...t, office: getSettings(a).officeName };
}

export async function trainingSignInFile(a: Store, id: number): Promise<GeneratedFile> {
  return signInFile(trainingDoc(a, id), context(a));
}

export async function trainingMinutesFile(a: Store, id: number): Promise<GeneratedFile> {
  return minutesFile(trainingDoc(a, id), context(a));
}

export async function trainingPlanFile(a: Store, id: number): Promise<GeneratedFile> {
  const p = getPlan(a, id);
  return trainingPlanDocx({ office: getSettings(a).officeName, title: p.title, period: p.period, body: p.body }, context(a));
}

// ---- 督学考核 ----

function assessmentDoc(a: Store, id: number, supervisorId?: number): AssessmentDocInput {
  const x = getAssessment(a, id);
  const rows = supervisorId ? x.rows.filter((r) => r.supervisorId === supervisorId) : x.rows;
  if (supervisorId && rows.length === 0) {
    throw new AppError('not_found', '「督学」这名督学不在本次考核名单中，请刷新后重试。', 'supervisorId');
  }
  return {
    office: getSettings(a).officeName, year: x.year, scheme: x.scheme.title, until: x.until, finished: x.status === '已完成',
    date: (x.finishedAt ?? nowText()).slice(0, 10), thresholds: x.scheme.thresholds,
    items: x.scheme.items.map(({ key, label, points, rule }) => ({ key, label, points, rule })),
    rows: rows.map((r) => ({ ...r, items: r.items.map((i) => ({ ...i, measure: i.measure.text })) })),
    total: x.rows.length,
  };
}

/** The 考核表 of one supervisor, or of everyone (one page each, in rank order). */
export async function assessmentSheets(a: Store, id: number, supervisorId?: number): Promise<GeneratedFile> {
  const d = assessmentDoc(a, id, supervisorId);
  return sheetsFile(d, context(a), supervisorId ? d.rows[0].name : undefined);
}

export async function assessmentSummary(a: Store, id: number, format: 'docx' | 'xlsx'): Promise<GeneratedFile> {
  const d = assessmentDoc(a, id);
  return format === 'docx' ? summaryDocx(d, context(a)) : summaryXlsx(d);
}
