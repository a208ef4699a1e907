/**
 * 年度归档: the year's documents, made by the same functions their own pages export with (./files.ts),
 * with the files its records point to, laid out as the package (documents), written into the data
 * folder and the year marked read-only (store).
 */
import type { Store } from '../store/store';
import { issuedBriefingsOf } from '../store/briefings/repository';
import { listCalendars } from '../store/calendars';
import { listChronicle } from '../store/chronicle';
import { listCollections } from '../store/collections';
import { problemsRaisedIn } from '../store/problems/queries';
import { getSettings } from '../store/settings';
import { changeMark, markClosed, refuseClosing, writePackage, yearAttachments } from '../store/year-close';
import { chronicleTitle } from '../documents/chronicle';
import type { GeneratedFile } from '../documents/pack';
import { buildYearPackage, type PackageFile } from '../documents/year-package';
import type { YearCloseResult } from '../../shared/schemas/year-close';
import { listCampaigns, getCampaign } from '../store/campaigns/repository';
import { fourLists } from '../store/campaigns/four-lists';
import { listRounds } from '../store/evaluations/rounds';
import {
  briefingFile, calendarFile, campaignReportFile, chronicleFile, collectionFile, evaluationReportFile, fourListsFile, ledgerFile, statisticsFile,
} from './files';

const stem = (fileName: string) => fileName.replace(/\.[^.]+$/, '');
const filed = (f: GeneratedFile, kind: string, date: string): PackageFile =>
  ({ kind, folder: kind, date, title: stem(f.fileName), fileName: f.fileName, bytes: f.bytes });

async function yearDocuments(a: Store, year: number): Promise<PackageFile[]> {
  const office = getSettings(a).officeName;
  const files: PackageFile[] = [];
  if (listChronicle(a, year).length > 0) {
    files.push({ ...filed(await chronicleFile(a, year, 'list'), '大事记', String(year)), title: chronicleTitle(office, year) });
  }
  // Every 简报 issued in the year: the stored .docx, byte for byte.
  for (const b of issuedBriefingsOf(a, year)) {
    files.push(filed(await briefingFile(a, b.id), '简报', b.date));
  }
  // Collections with no pieces have nothing to print.
  for (const c of listCollections(a).filter((x) => x.year === year && x.pieces.length > 0).reverse()) {
    files.push(filed(await collectionFile(a, c.id), '案例集', String(year)));
  }
  // Every 行事历 that covers part of the year (a 学年 plan spans two).
  const calendars = listCalendars(a).filter((c) => c.startMonth <= `${year}-12` && c.endMonth >= `${year}-01`).reverse();
  for (const c of calendars) {
    files.push(filed(await calendarFile(a, c.id), '行事历', `${c.startMonth}至${c.endMonth}`));
  }
  if (problemsRaisedIn(a, year) > 0) {
    const ledger = await ledgerFile(a, { year });
    files.push({ ...filed(ledger, '整改台账', String(year)), title: `${office}${year}年问题整改台账`, fileName: `${year}年问题整改台账.xlsx` });
  }
  files.push(filed(await statisticsFile(a, year, []), '统计报告', String(year)));
  // 专项督导 completed in the year, with their reports; the year's 四清单; evaluation rounds of the year completed.
  for (const c of listCampaigns(a, { year }).filter((x) => x.status === '已完成' && x.closedAt?.startsWith(String(year))).reverse()) {
    if (getCampaign(a, c.id).report.length) files.push(filed(await campaignReportFile(a, c.id), '专项督导', c.closedAt!));
  }
  if (fourLists(a, { year }).rows.length) {
    const sheet = await fourListsFile(a, { year });
    files.push({ ...filed(sheet, '四清单', String(year)), title: `${office}${year}年专项督导和督政“四清单”`, fileName: `${year}年四清单.xlsx` });
  }
  for (const r of listRounds(a).filter((x) => x.year === year && x.closedAt && x.assessed > 0).reverse()) {
    files.push(filed(await evaluationReportFile(a, r.id, []), '评估报告', r.closedAt!));
  }
  return files;
}

/**
 * Close a year that has ended, its open work confirmed by number (`openWork`, see refuseClosing): the
 * package made and written, then the year marked, refused if anything changed meanwhile.
 */
export async function closeYear(a: Store, year: number, openWork?: number): Promise<YearCloseResult> {
  refuseClosing(a, year, openWork);
  const mark = changeMark(a);
  const s = getSettings(a);
  const files = [...await yearDocuments(a, year), ...yearAttachments(a, year)];
  const result = writePackage(a, year, await buildYearPackage(s.officeName, year, s.fonts, files));
  markClosed(a, year, result.catalogue, mark);
  return result;
}
