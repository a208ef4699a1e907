import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { commitVisitForms, listVisitFormImports, planVisitForms, toPreview, type ReceivedForm } from '../store/visit-form-import';
import { getSupervisor } from '../store/supervisors';
import { readVisitForm } from '../documents/excel/read-visit-form';
import { demoFormsFolder } from '../store/demo/returned-forms';
import { AppError } from '../../shared/result';
import { transfers } from '../transfer/transfers';
import { writeVisitFormTemplates } from './files';
import { startJob, type Job } from './jobs';

/**
 * The returned files, received first (uploads of kind visitForm), read one at a time so only one
 * workbook is open at once, each a unit of progress and a chance to cancel. A file that cannot be read is
 * reported with the rest of the batch, not refused alone. Photos are kept only for the commit (the
 * preview counts them).
 */
async function receive(a: Store, uploadIds: string[], photos: boolean, job: Job): Promise<ReceivedForm[]> {
  const t = transfers(a);
  const out: ReceivedForm[] = [];
  for (const [i, id] of uploadIds.entries()) {
    job.check();
    const upload = t.upload(id, ['visitForm']);
    const base = { hash: upload.sha256, fileName: upload.fileName, file: upload };
    try {
      const form = await readVisitForm(t.bytes(id, ['visitForm']));
      if (!photos) for (const r of form.rows) r.photos = r.photos.map((p) => ({ ...p, bytes: new Uint8Array(0) }));
      out.push({ ...base, form, error: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ ...base, form: null, error: e.message });
    }
    job.progress(i + 1, uploadIds.length, upload.fileName);
  }
  return out;
}

/** Every upload still there, before a job starts: a lost one is refused at once, in Chinese. */
function checkUploads(a: Store, uploadIds: string[]): void {
  for (const id of uploadIds) transfers(a).upload(id, ['visitForm']);
}

// Preview and commit read the same files the same way, so what the user confirmed is what gets written
// (the commit plans again against the archive as it is then). The uploads stay for the commit after a
// preview; the commit keeps the files it wrote records from (as attachments) and lets the rest go.
export const visitFormHandlers: HandlerMap<'visitForms.templates' | 'visitForms.preview' | 'visitForms.commit' | 'visitForms.imports'> = {
  'visitForms.templates': (a, { supervisorIds, from, to }) => {
    const people = supervisorIds.map((id) => getSupervisor(a, id)); // one not in the archive is refused at once
    return startJob(a, `生成督导记录表（${people.length}名督学）`, async (job) => {
      const out = transfers(a).tempPath('.zip');
      const { fileName } = await writeVisitFormTemplates(a, { people, from, to }, out, job);
      return transfers(a).offer(out, fileName, { temp: true });
    });
  },
  'visitForms.preview': (a, { uploadIds }) => {
    checkUploads(a, uploadIds);
    return startJob(a, `检查交回的督导记录表（${uploadIds.length}个文件）`, async (job) => {
      job.stage('读取文件', 0, 90);
      const received = await receive(a, uploadIds, false, job);
      job.stage('与档案核对', 90, 100);
      return toPreview(planVisitForms(a, received));
    });
  },
  'visitForms.commit': (a, { uploadIds }) => {
    checkUploads(a, uploadIds);
    return startJob(a, `导入督导记录表（${uploadIds.length}个文件）`, async (job) => {
      job.stage('读取文件', 0, 80);
      const received = await receive(a, uploadIds, true, job);
      job.stage('写入档案', 80, 100);
      job.check();
      const result = commitVisitForms(a, received);
      for (const id of uploadIds) transfers(a).discard(id);
      return result;
    });
  },
  'visitForms.imports': (a, q) => ({ ...listVisitFormImports(a, q), samples: demoFormsFolder(a) }),
};
