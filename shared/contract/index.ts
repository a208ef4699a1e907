import { z } from 'zod';
import { channel, type ChannelDef } from './define';
import { CHANNEL_NAMES, type ChannelName } from './names';
import { idInput, type Page } from '../schemas/common';
import {
  supervisorList, supervisorSave, type Supervisor, type SupervisorAssignment,
} from '../schemas/supervisor';
import { schoolList, schoolSave, type School, type SchoolBoard, type SchoolSupervisor } from '../schemas/school';
import { zoneMoveSchools, zoneSave, type Zone } from '../schemas/zone';
import { assignmentSave, type Assignment } from '../schemas/assignment';
import { settingsSchema, type Settings } from '../schemas/settings';
import {
  dataFolderInitialize, attachmentGet, attachmentPut, auditList, excelImport, operatorSave, rosterKind,
  type DataFolderStatus, type AuditEntry, type Operator, type ImportPreview, type ImportResult, type RecycleItem,
} from '../schemas/admin';
import {
  calendarCopy, calendarExport, calendarItemMove, calendarItemSave, calendarItemStatus, calendarMonthTheme, calendarPaste, calendarSave,
  type Calendar, type CalendarDetail, type CalendarItem, type CalendarItemRef, type CalendarPasteResult,
} from '../schemas/calendar';
import { visitList, visitSave, type Visit } from '../schemas/visit';
import {
  ledgerExport, noticeIssue, noticeList, noticeReport, problemList, problemSave, problemTransition, recheckSave,
  type Notice, type Problem, type ProblemHistoryEntry,
} from '../schemas/problem';
import { complaintList, complaintSave, type Complaint } from '../schemas/complaint';
import { dashboardQuery, globalSearch, type Dashboard, type SearchResult } from '../schemas/dashboard';
import {
  briefingCorrectionFile, briefingIssue, briefingNumbers, briefingPropose, briefingReopen, briefingSave,
  type Briefing, type BriefingArticleData, type BriefingNumberPlan, type BriefingSummary,
} from '../schemas/briefing';
import {
  chronicleExport, chronicleMany, chronicleReject, chronicleSave, chronicleUndo, chronicleYear, type ChronicleCandidate, type ChronicleEntryRow,
} from '../schemas/chronicle';
import {
  caseDrafts, caseProposals, collectionSave, pieceImport, pieceList, pieceSave, type CaseProposal, type Collection, type Piece, type PieceImported,
} from '../schemas/piece';
import { referralExport, statisticsExport } from '../schemas/exports';
import { jobInput, type FileRef, type JobStarted, type JobState } from '../schemas/files';
import { backupRestoreAuto, backupRestoreFile, type BackupEntry, type BackupStatus, type RestoreResult } from '../schemas/backup';
import {
  legacyAdd, legacyList, yearCloseInput, yearInput, yearReopen, type LegacyFile, type YearCheck, type YearCloseResult, type YearSummary,
} from '../schemas/year-close';

const none = z.object({}).strict().optional();

/**
 * The one API contract: every channel the renderer may call, with the schema its input must pass
 * and the type it answers. Electron's IPC and browser mode's HTTP both serve exactly this table.
 */
export const contract = {
  'dataFolder.status': channel(none).returns<DataFolderStatus>(),
  'dataFolder.initialize': channel(dataFolderInitialize).returns<DataFolderStatus>(),
  'operator.save': channel(operatorSave).returns<Operator>(),

  'supervisors.list': channel(supervisorList).returns<Page<Supervisor>>(),
  'supervisors.get': channel(idInput).returns<{ supervisor: Supervisor; assignments: SupervisorAssignment[] }>(),
  'supervisors.save': channel(supervisorSave).returns<Supervisor>(),
  'supervisors.delete': channel(idInput).returns<{ recycleId: number }>(),

  'schools.list': channel(schoolList).returns<Page<School>>(),
  'schools.get': channel(idInput).returns<{ school: School; supervisors: SchoolSupervisor[] }>(),
  'schools.save': channel(schoolSave).returns<School>(),
  'schools.delete': channel(idInput).returns<{ recycleId: number }>(),
  'schools.board': channel(idInput).returns<SchoolBoard>(),

  'zones.list': channel(none).returns<Zone[]>(),
  'zones.get': channel(idInput).returns<{ zone: Zone; schools: School[] }>(),
  'zones.save': channel(zoneSave).returns<Zone>(),
  'zones.delete': channel(idInput).returns<{ recycleId: number }>(),
  'zones.moveSchools': channel(zoneMoveSchools).returns<{ moved: number }>(),

  'assignments.save': channel(assignmentSave).returns<Assignment>(),
  'assignments.delete': channel(idInput).returns<{ recycleId: number }>(),

  'settings.get': channel(none).returns<Settings>(),
  'settings.save': channel(settingsSchema).returns<Settings>(),

  'recycle.list': channel(none).returns<RecycleItem[]>(),
  'recycle.restore': channel(idInput).returns<{ restored: boolean }>(),
  'recycle.purge': channel(idInput).returns<{ purged: boolean }>(),

  'audit.list': channel(auditList).returns<Page<AuditEntry>>(),

  'attachments.put': channel(attachmentPut).returns<{ hash: string }>(),
  'attachments.get': channel(attachmentGet).returns<FileRef>(),

  'excel.previewImport': channel(excelImport).returns<JobStarted<ImportPreview>>(),
  'excel.commitImport': channel(excelImport).returns<JobStarted<ImportResult>>(),
  'excel.exportRoster': channel(z.object({ kind: rosterKind })).returns<FileRef>(),
  'excel.template': channel(z.object({ kind: rosterKind })).returns<FileRef>(),

  'calendars.list': channel(none).returns<Calendar[]>(),
  'calendars.get': channel(idInput).returns<CalendarDetail>(),
  'calendars.save': channel(calendarSave).returns<Calendar>(),
  'calendars.delete': channel(idInput).returns<{ recycleId: number }>(),
  'calendars.copy': channel(calendarCopy).returns<Calendar>(),
  'calendars.setTheme': channel(calendarMonthTheme).returns<{ saved: boolean }>(),
  'calendarItems.save': channel(calendarItemSave).returns<CalendarItem>(),
  'calendarItems.delete': channel(idInput).returns<{ recycleId: number }>(),
  'calendarItems.move': channel(calendarItemMove).returns<{ moved: boolean }>(),
  'calendarItems.get': channel(idInput).returns<CalendarItemRef>(),
  'calendarItems.setStatus': channel(calendarItemStatus).returns<CalendarItem>(),
  'calendarItems.paste': channel(calendarPaste).returns<CalendarPasteResult>(),

  'visits.list': channel(visitList).returns<Page<Visit>>(),
  'visits.get': channel(idInput).returns<{ visit: Visit; problems: Problem[] }>(),
  'visits.save': channel(visitSave).returns<Visit>(),
  'visits.delete': channel(idInput).returns<{ recycleId: number }>(),

  'problems.list': channel(problemList).returns<Page<Problem>>(),
  'problems.get': channel(idInput).returns<{ problem: Problem; history: ProblemHistoryEntry[] }>(),
  'problems.save': channel(problemSave).returns<Problem>(),
  'problems.transition': channel(problemTransition).returns<Problem>(),
  'problems.delete': channel(idInput).returns<{ recycleId: number }>(),
  'problems.exportLedger': channel(ledgerExport).returns<JobStarted<{ file: FileRef; rows: number }>>(),

  'notices.list': channel(noticeList).returns<Page<Notice>>(),
  'notices.get': channel(idInput).returns<Notice>(),
  'notices.issue': channel(noticeIssue).returns<Notice>(),
  'notices.report': channel(noticeReport).returns<Notice>(),
  'notices.recheck': channel(recheckSave).returns<Notice>(),

  'complaints.list': channel(complaintList).returns<Page<Complaint>>(),
  'complaints.get': channel(idInput).returns<{ complaint: Complaint; problems: Problem[] }>(),
  'complaints.save': channel(complaintSave).returns<Complaint>(),
  'complaints.delete': channel(idInput).returns<{ recycleId: number }>(),

  'dashboard.get': channel(dashboardQuery).returns<Dashboard>(),
  'search.global': channel(globalSearch).returns<SearchResult>(),

  'briefings.list': channel(none).returns<BriefingSummary[]>(),
  'briefings.get': channel(idInput).returns<Briefing>(),
  'briefings.propose': channel(briefingPropose).returns<BriefingArticleData[]>(),
  'briefings.save': channel(briefingSave).returns<Briefing>(),
  'briefings.numbers': channel(briefingNumbers).returns<BriefingNumberPlan>(),
  'briefings.issue': channel(briefingIssue).returns<Briefing>(),
  'briefings.reopen': channel(briefingReopen).returns<Briefing>(),
  'briefings.reissue': channel(idInput).returns<Briefing>(),
  'briefings.cancelCorrection': channel(idInput).returns<Briefing>(),
  'briefings.exportPrevious': channel(briefingCorrectionFile).returns<FileRef>(),
  'briefings.export': channel(idInput).returns<FileRef>(),
  'briefings.delete': channel(idInput).returns<{ recycleId: number }>(),

  'chronicle.list': channel(chronicleYear).returns<ChronicleEntryRow[]>(),
  'chronicle.candidates': channel(chronicleYear).returns<ChronicleCandidate[]>(),
  'chronicle.save': channel(chronicleSave).returns<ChronicleEntryRow>(),
  'chronicle.delete': channel(idInput).returns<{ recycleId: number }>(),
  'chronicle.reject': channel(chronicleReject).returns<{ rejected: boolean }>(),
  'chronicle.acceptMany': channel(chronicleMany).returns<{ entryIds: number[]; skipped: number }>(),
  'chronicle.rejectMany': channel(chronicleMany).returns<{ rejected: number }>(),
  'chronicle.undo': channel(chronicleUndo).returns<{ removed: number; restored: number; kept: number }>(),
  'chronicle.export': channel(chronicleExport).returns<FileRef>(),

  'pieces.list': channel(pieceList).returns<Page<Piece>>(),
  'pieces.get': channel(idInput).returns<Piece>(),
  'pieces.save': channel(pieceSave).returns<Piece>(),
  'pieces.delete': channel(idInput).returns<{ recycleId: number }>(),
  'pieces.import': channel(pieceImport).returns<PieceImported>(),
  'pieces.proposals': channel(caseProposals).returns<CaseProposal[]>(),
  'pieces.draftFromRecords': channel(caseDrafts).returns<Piece[]>(),
  'collections.list': channel(none).returns<Collection[]>(),
  'collections.get': channel(idInput).returns<Collection>(),
  'collections.save': channel(collectionSave).returns<Collection>(),
  'collections.delete': channel(idInput).returns<{ recycleId: number }>(),
  'collections.export': channel(idInput).returns<JobStarted<FileRef>>(),

  'documents.notice': channel(idInput).returns<FileRef>(),
  'documents.referral': channel(referralExport).returns<FileRef>(),
  'documents.calendar': channel(calendarExport).returns<FileRef>(),
  'documents.statistics': channel(statisticsExport).returns<FileRef>(),

  'backups.status': channel(none).returns<BackupStatus>(),
  'backups.list': channel(none).returns<BackupEntry[]>(),
  'backups.createFile': channel(none).returns<JobStarted<FileRef>>(),
  'backups.restoreFile': channel(backupRestoreFile).returns<JobStarted<RestoreResult>>(),
  'backups.restoreAuto': channel(backupRestoreAuto).returns<JobStarted<RestoreResult>>(),

  'yearClose.list': channel(none).returns<YearSummary[]>(),
  'yearClose.check': channel(yearInput).returns<YearCheck>(),
  'yearClose.close': channel(yearCloseInput).returns<JobStarted<YearCloseResult>>(),
  'yearClose.reopen': channel(yearReopen).returns<{ reopened: boolean }>(),
  'yearClose.download': channel(yearInput).returns<FileRef>(),
  'legacy.add': channel(legacyAdd).returns<LegacyFile>(),
  'legacy.list': channel(legacyList).returns<Page<LegacyFile>>(),
  'legacy.delete': channel(idInput).returns<{ recycleId: number }>(),
  'legacy.download': channel(idInput).returns<FileRef>(),

  // Long operations answer a JobStarted at once; the page follows the job here.
  'jobs.get': channel(jobInput).returns<JobState>(),
  'jobs.cancel': channel(jobInput).returns<JobState>(),
// eslint-disable-next-line @typescript-eslint/no-explicit-any
} as const satisfies Record<ChannelName, ChannelDef<any, unknown>>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

export const channels: readonly Channel[] = CHANNEL_NAMES;
export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
