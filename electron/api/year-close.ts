import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { exportBriefing, issuedBriefingsOf } from '../store/briefings';
import { listCalendars } from '../store/calendars';
import { exportChronicle, listChronicle } from '../store/chronicle';
import { exportCollection, listCollections } from '../store/collections';
import { exportLedger } from '../store/problems/ledger';
import { problemsRaisedIn } from '../store/problems/queries';
import { getSettings } from '../store/settings';
import { addLegacy, deleteLegacy, downloadLegacy, listLegacy } from '../store/legacy';
import {
  changeMark, listYears, markClosed, packageZip, refuseClosed, reopenYear, writePackage, yearAttachments, type PackageFile,
} from '../store/year-close';
import { chronicleTitle } from '../documents/chronicle';
import { documentHandlers } from './documents';
import type { FileOut } from '../../shared/schemas/admin';
import type { YearCloseResult } from '../../shared/schemas/year-close';

// 年度归档 gathers the year's documents through the same functions their own pages export with (so the
// package holds exactly what the office would print), then writes the package and marks the year.

const stem = (fileName: string) => fileName.replace(/\.[^.]+$/, '');
const fromFileOut = (f: FileOut, kind: string, date: string): PackageFile =>
  ({ kind, folder: kind, date, title: stem(f.fileName), fileName: f.fileName, bytes: Buffer.from(f.data, 'base64') });

async function yearDocuments(a: Store, year: number): Promise<PackageFile[]> {
  const office = getSettings(a).officeName;
  const files: PackageFile[] = [];

  if (listChronicle(a, year).length > 0) {
    const c = await exportChronicle(a, year, 'list');
    files.push({ kind: '大事记', folder: '大事记', date: String(year), title: chronicleTitle(office, year), fileName: c.fileName, bytes: c.bytes });
  }

  // Every 简报 issued in the year: the stored .docx, byte for byte.
  for (const b of issuedBriefingsOf(a, year)) {
    const f = await exportBriefing(a, b.id);
    files.push({ kind: '简报', folder: '简报', date: b.date, title: stem(f.fileName), fileName: f.fileName, bytes: f.bytes });
  }

  // Collections with no pieces have nothing to print.
  for (const c of listCollections(a).filter((x) => x.year === year && x.pieces.length > 0).reverse()) {
    files.push(fromFileOut(await exportCollection(a, c.id), '案例集', String(year)));
  }

  // Every 行事历 that covers part of the year (a 学年 plan spans two).
  const calendars = listCalendars(a).filter((c) => c.startMonth <= `${year}-12` && c.endMonth >= `${year}-01`).reverse();
  for (const c of calendars) {
    files.push(fromFileOut(await documentHandlers['documents.calendar'](a, { id: c.id }), '行事历', `${c.startMonth}至${c.endMonth}`));
  }

  if (problemsRaisedIn(a, year) > 0) {
    const ledger = await exportLedger(a, { year });
    files.push({ ...fromFileOut(ledger, '整改台账', String(year)), title: `${office}${year}年问题整改台账`, fileName: `${year}年问题整改台账.xlsx` });
  }

  files.push(fromFileOut(await documentHandlers['documents.statistics'](a, { year, charts: [] }), '统计报告', String(year)));
  return files;
}

async function closeYear(a: Store, year: number): Promise<YearCloseResult> {
  refuseClosed(a, year);
  const mark = changeMark(a);
  const s = getSettings(a);
  const files = [...await yearDocuments(a, year), ...yearAttachments(a, year)];
  const result = await writePackage(a, year, s.officeName, s.fonts, files);
  markClosed(a, year, result.catalogue, mark);
  return result;
}

type YearCloseChannel = 'yearClose.list' | 'yearClose.close' | 'yearClose.reopen' | 'yearClose.download'
  | 'legacy.add' | 'legacy.list' | 'legacy.delete' | 'legacy.download';

export const yearCloseHandlers: HandlerMap<YearCloseChannel> = {
  'yearClose.list': (a) => listYears(a),
  'yearClose.close': (a, { year }) => closeYear(a, year),
  'yearClose.reopen': (a, { year }) => { reopenYear(a, year); return { reopened: true }; },
  'yearClose.download': (a, { year }) => {
    const z = packageZip(a, year);
    return { fileName: z.fileName, data: z.bytes.toString('base64') };
  },
  'legacy.add': (a, input) => addLegacy(a, input),
  'legacy.list': (a, input) => listLegacy(a, input),
  'legacy.delete': (a, { id }) => ({ recycleId: deleteLegacy(a, id) }),
  'legacy.download': (a, { id }) => downloadLegacy(a, id),
};
