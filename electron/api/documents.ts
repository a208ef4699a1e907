import type { HandlerMap } from './types';
import { bytesIn, fileOut } from './file-out';
import { calendarFile, noticeFile, referralFile, statisticsFile } from './files';

// Word exports of records kept elsewhere: 整改通知书, 协商函, 行事历 and the yearly statistics report.
// Each reads through the owning area's functions, so deleted rows are left out exactly as its pages do.
export const documentHandlers: HandlerMap<'documents.notice' | 'documents.referral' | 'documents.calendar' | 'documents.statistics'> = {
  'documents.notice': (a, { id }) => fileOut(noticeFile(a, id)),
  'documents.referral': (a, { problemIds, section }) => fileOut(referralFile(a, problemIds, section)),
  'documents.calendar': (a, { id, ...print }) => fileOut(calendarFile(a, id, print)),
  'documents.statistics': (a, { year, charts }) =>
    fileOut(statisticsFile(a, year, charts.map((c) => ({ ...c, png: bytesIn(c.png.replace(/^data:[^,]*,/, '')) })))),
};
