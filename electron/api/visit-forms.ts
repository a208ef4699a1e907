import type { HandlerMap } from './types';
import type { Store } from '../store/store';
import { readAttachment } from '../store/attachments';
import { commitVisitForms, listVisitFormImports, planVisitForms, toPreview, type ReceivedForm } from '../store/visit-form-import';
import { readVisitForm } from '../documents/excel/read-visit-form';
import { demoFormsFolder } from '../store/demo/returned-forms';
import { AppError } from '../../shared/result';
import { transfers } from '../transfer/transfers';
import { writeVisitFormTemplates } from './files';
import { startJob } from './jobs';

/**
 * The returned files, received into the archive by content hash (attachments.put, the one upload path),
 * read one at a time so only one workbook is in memory. A file that cannot be read is reported with the
 * rest of the batch, not refused alone. Photos are kept only for the commit (the preview counts them).
 */
async function receive(a: Store, files: { hash: string; fileName: string }[], photos: boolean): Promise<ReceivedForm[]> {
  const out: ReceivedForm[] = [];
  for (const f of files) {
    try {
      const form = await readVisitForm(readAttachment(a, f.hash).bytes);
      if (!photos) for (const r of form.rows) r.photos = r.photos.map((p) => ({ ...p, bytes: new Uint8Array(0) }));
      out.push({ ...f, form, error: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const message = e.code === 'not_found' ? '文件没有上传到档案中，请重新选择这个文件。' : e.message;
      out.push({ ...f, form: null, error: message });
    }
  }
  return out;
}

// Preview and commit read the same files the same way, so what the user confirmed is what gets written
// (the commit plans again against the archive as it is then).
export const visitFormHandlers: HandlerMap<'visitForms.templates' | 'visitForms.preview' | 'visitForms.commit' | 'visitForms.imports'> = {
  'visitForms.templates': (a, q) => startJob(a, `生成督导记录表（${q.supervisorIds.length}名督学）`, async (job) => {
    const out = transfers(a).tempPath('.zip');
    const { fileName } = await writeVisitFormTemplates(a, q, out, job);
    return transfers(a).offer(out, fileName, { temp: true });
  }),
  'visitForms.preview': async (a, { files }) => toPreview(planVisitForms(a, await receive(a, files, false))),
  'visitForms.commit': async (a, { files }) => commitVisitForms(a, await receive(a, files, true)),
  'visitForms.imports': (a, q) => ({ ...listVisitFormImports(a, q), samples: demoFormsFolder(a) }),
};
