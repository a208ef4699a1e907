/**
 * 年度归档: the year's documents, made by the same functions their own pages export with (./files.ts),
 * with the files its records point to, written one at a time into the package folder (documents), the
 * folder zipped as a stream, moved into place in the data folder and the year marked read-only (store).
 * A job: each file is a step, and a cancel (or a failure) leaves no partial package behind.
 */
import type { Store } from '../store/store';
import { issuedBriefingsOf } from '../store/briefings/repository';
import { listCalendars } from '../store/calendars';
import { listChronicle } from '../store/chronicle';
import { listCollections } from '../store/collections';
import { problemsRaisedIn } from '../store/problems/queries';
import { getSettings } from '../store/settings';
import { changeMark, markClosed, refuseClosing, startPackage, yearAttachments } from '../store/year-close';
import { chronicleTitle } from '../documents/chronicle';
import type { GeneratedFile } from '../documents/pack';
import { PackageWriter, zipPackage, type PackageItem } from '../documents/year-package';
import { fileSizeText } from '../../shared/numbers';
import { noProgress, type Progress } from '../../shared/progress';
import type { YearCloseResult } from '../../shared/schemas/year-close';
import { listCampaigns, getCampaign } from '../store/campaigns/repository';
import { fourLists } from '../store/campaigns/four-lists';
import { listRounds } from '../store/evaluations/rounds';
import {
  briefingFile, calendarFile, campaignReportFile, chronicleFile, collectionFile, evaluationReportFile, fourListsFile, statisticsFile, writeLedger,
} from './files';

const stem = (fileName: string) => fileName.replace(/\.[^.]+$/, '');
const item = (fileName: string, kind: string, date: string, title = stem(fileName)): PackageItem =>
  ({ kind, folder: kind, date, title, fileName });

/** The year's documents, each made only when its turn comes (so one at a time is in memory). */
function yearDocuments(a: Store, year: number): { label: string; add: (pkg: PackageWriter) => Promise<void> }[] {
  const office = getSettings(a).officeName;
  const made = (make: () => Promise<GeneratedFile>, kind: string, date: string, title?: string, fileName?: string) => async (pkg: PackageWriter) => {
    const f = await make();
    await pkg.addBytes(item(fileName ?? f.fileName, kind, date, title), f.bytes);
  };
  const docs: { label: string; add: (pkg: PackageWriter) => Promise<void> }[] = [];
  if (listChronicle(a, year).length > 0) {
    docs.push({ label: '大事记', add: made(() => chronicleFile(a, year, 'list'), '大事记', String(year), chronicleTitle(office, year)) });
  }
  // Every 简报 issued in the year: the stored .docx, byte for byte.
  for (const b of issuedBriefingsOf(a, year)) docs.push({ label: '简报', add: made(() => briefingFile(a, b.id), '简报', b.date) });
  // Collections with no pieces have nothing to print.
  for (const c of listCollections(a).filter((x) => x.year === year && x.pieces.length > 0).reverse()) {
    docs.push({ label: `案例集「${c.title}」`, add: made(() => collectionFile(a, c.id), '案例集', String(year)) });
  }
  // Every 行事历 that covers part of the year (a 学年 plan spans two).
  const calendars = listCalendars(a).filter((c) => c.startMonth <= `${year}-12` && c.endMonth >= `${year}-01`).reverse();
  for (const c of calendars) docs.push({ label: '行事历', add: made(() => calendarFile(a, c.id), '行事历', `${c.startMonth}至${c.endMonth}`) });
  if (problemsRaisedIn(a, year) > 0) {
    docs.push({
      label: '问题整改台账',
      add: (pkg) => pkg.addWritten(item(`${year}年问题整改台账.xlsx`, '整改台账', String(year), `${office}${year}年问题整改台账`),
        async (file) => { await writeLedger(a, { year }, file); }),
    });
  }
  docs.push({ label: '统计报告', add: made(() => statisticsFile(a, { year }), '统计报告', String(year)) });
  // 专项督导 completed in the year, with their reports; the year's 四清单; evaluation rounds of the year completed.
  for (const c of listCampaigns(a, { year }).filter((x) => x.status === '已完成' && x.closedAt?.startsWith(String(year))).reverse()) {
    if (getCampaign(a, c.id).report.length) {
      docs.push({ label: `专项督导报告「${c.name}」`, add: made(() => campaignReportFile(a, c.id), '专项督导', c.closedAt!) });
    }
  }
  if (fourLists(a, { year }).rows.length) {
    docs.push({
      label: '四清单',
      add: made(() => fourListsFile(a, { year }), '四清单', String(year), `${office}${year}年专项督导和督政“四清单”`, `${year}年四清单.xlsx`),
    });
  }
  for (const r of listRounds(a).filter((x) => x.year === year && x.closedAt && x.assessed > 0).reverse()) {
    docs.push({ label: `评估报告「${r.name}」`, add: made(() => evaluationReportFile(a, r.id), '评估报告', r.closedAt!) });
  }
  return docs;
}

/**
 * Close a year that has ended, its open work confirmed by number (`openWork`, see refuseClosing): the
 * package made and moved into place, then the year marked, refused if anything changed meanwhile.
 */
export async function closeYear(a: Store, year: number, openWork?: number, p: Progress = noProgress): Promise<YearCloseResult> {
  refuseClosing(a, year, openWork);
  const mark = changeMark(a);
  const s = getSettings(a);
  const draft = startPackage(a, year);
  try {
    const pkg = new PackageWriter(draft.folder);
    const docs = yearDocuments(a, year);
    p.stage('生成年度文档', 0, 40);
    for (const [i, d] of docs.entries()) {
      p.check();
      p.progress(i, docs.length, `${d.label}（${i + 1} / ${docs.length}）`);
      await d.add(pkg);
    }
    const files = yearAttachments(a, year);
    p.stage('复制附件', 40, 65);
    for (const [i, f] of files.entries()) {
      p.check();
      await pkg.addCopy(f, f.file);
      p.progress(i + 1, files.length);
    }
    p.check();
    p.stage('生成归档目录', 65, 70);
    await pkg.finish(s.officeName, year, s.fonts);
    p.stage('压缩归档包', 70, 100);
    await zipPackage(draft.folder, pkg.paths, year, draft.zip, {
      check: () => p.check(),
      step: (done, total) => p.progress(done, total, `${fileSizeText(done)} / ${fileSizeText(total)}`),
    });
    p.check();
    const result = draft.commit(pkg.catalogue);
    markClosed(a, year, result.catalogue, mark);
    return result;
  } finally {
    draft.discard();
  }
}
