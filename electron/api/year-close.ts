import type { HandlerMap } from './types';
import { addLegacy, deleteLegacy, legacyFile, listLegacy } from '../store/legacy';
import { checkYear, listYears, packageZip, refuseClosing, reopenYear } from '../store/year-close';
import { readLegacyFile } from '../documents/legacy-file';
import { transfers } from '../transfer/transfers';
import { keptFileOut } from './file-out';
import { startJob } from './jobs';
import { closeYear } from './year-package';

type YearCloseChannel = 'yearClose.list' | 'yearClose.check' | 'yearClose.close' | 'yearClose.reopen' | 'yearClose.download'
  | 'legacy.add' | 'legacy.list' | 'legacy.delete' | 'legacy.download';

export const yearCloseHandlers: HandlerMap<YearCloseChannel> = {
  'yearClose.list': (a) => listYears(a),
  'yearClose.check': (a, { year }) => checkYear(a, year),
  // Refused at once when it cannot be closed; the package is then made as a job.
  'yearClose.close': (a, { year, openWork }) => {
    refuseClosing(a, year, openWork);
    return startJob(a, `${year}年度归档`, (job) => closeYear(a, year, openWork, job));
  },
  'yearClose.reopen': (a, { year }) => { reopenYear(a, year); return { reopened: true }; },
  'yearClose.download': (a, { year }) => keptFileOut(a, packageZip(a, year)),
  'legacy.add': async (a, { uploadId, ...fields }) => {
    const t = transfers(a);
    const upload = t.upload(uploadId, ['legacy']);
    const file = addLegacy(a, fields, await readLegacyFile(upload.fileName, t.bytes(uploadId, ['legacy'])));
    t.discard(uploadId);
    return file;
  },
  'legacy.list': (a, input) => listLegacy(a, input),
  'legacy.delete': (a, { id }) => ({ recycleId: deleteLegacy(a, id) }),
  'legacy.download': (a, { id }) => keptFileOut(a, legacyFile(a, id)),
};
