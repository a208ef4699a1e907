import type { HandlerMap } from './types';
import { transfers } from '../transfer/transfers';
import { fileOut } from './file-out';
import { calendarFile, noticeFile, referralFile, statisticsFile } from './files';

// Word exports of records kept elsewhere: 整改通知书, 协商函, 行事历 and the yearly statistics report.
// Each reads through the owning area's functions, so deleted rows are left out exactly as its pages do.
export const documentHandlers: HandlerMap<'documents.notice' | 'documents.referral' | 'documents.calendar' | 'documents.statistics'> = {
  'documents.notice': (a, { id }) => fileOut(a, noticeFile(a, id)),
  'documents.referral': (a, { problemIds, section }) => fileOut(a, referralFile(a, problemIds, section)),
  'documents.calendar': (a, { id }) => fileOut(a, calendarFile(a, id)),
  'documents.statistics': async (a, { year, charts }) => {
    const t = transfers(a);
    const pictures = charts.map(({ uploadId, ...c }) => ({ ...c, png: t.bytes(uploadId, ['chart']) }));
    const file = await fileOut(a, statisticsFile(a, year, pictures));
    for (const c of charts) t.discard(c.uploadId);
    return file;
  },
};
