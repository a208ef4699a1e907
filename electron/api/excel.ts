import type { HandlerMap } from './types';
import { importRoster, planImport, toPreview } from '../store/roster-import';
import { readRoster } from '../documents/excel/read-roster';
import { ROSTERS, type RosterKind } from '../../shared/rosters';
import { transfers } from '../transfer/transfers';
import { fileOut } from './file-out';
import { rosterExport, rosterTemplate } from './files';
import { startJob, type Job } from './jobs';

const TITLE: Record<RosterKind, string> = { supervisors: '督学名册', schools: '学校名册' };

/** Read the received .xlsx (a roster is small: its size was limited as it came in). */
async function sheetOf(a: Parameters<typeof transfers>[0], kind: RosterKind, uploadId: string, job: Job) {
  job.stage('读取表格', 0, 50);
  const sheet = await readRoster(transfers(a).bytes(uploadId, ['roster']), ROSTERS[kind]);
  job.check();
  return sheet;
}

// Preview and commit parse the same file the same way, so what the user confirmed is what gets
// written (the commit re-checks against the archive as it is now, in one transaction).
export const excelHandlers: HandlerMap<'excel.previewImport' | 'excel.commitImport' | 'excel.exportRoster' | 'excel.template'> = {
  'excel.previewImport': (a, { kind, uploadId }) => {
    transfers(a).upload(uploadId, ['roster']);
    return startJob(a, `检查${TITLE[kind]}`, async (job) => {
      const sheet = await sheetOf(a, kind, uploadId, job);
      job.stage('与档案中的记录核对', 50, 100);
      return toPreview(planImport(a, kind, sheet));
    });
  },
  'excel.commitImport': (a, { kind, uploadId }) => {
    transfers(a).upload(uploadId, ['roster']);
    return startJob(a, `导入${TITLE[kind]}`, async (job) => {
      const sheet = await sheetOf(a, kind, uploadId, job);
      job.stage('写入档案', 50, 100);
      const result = importRoster(a, kind, sheet);
      transfers(a).discard(uploadId);
      return result;
    });
  },
  'excel.exportRoster': (a, { kind }) => fileOut(a, rosterExport(a, kind)),
  'excel.template': (a, { kind }) => fileOut(a, rosterTemplate(a, kind)),
};
