import type { HandlerMap } from './types';
import { fileOut } from './file-out';
import { calendarFile, noticeFile, referralFile, statisticsFile } from './files';

// Word exports of records kept elsewhere: 整改通知书, 协商函, 行事历 and the statistics report of a month or a year.
// Each reads through the owning area's functions, so deleted rows are left out exactly as its pages do.
export const documentHandlers: HandlerMap<'documents.notice' | 'documents.referral' | 'documents.calendar' | 'documents.statistics'> = {
  'documents.notice': (a, { id }) => fileOut(a, noticeFile(a, id)),
  'documents.referral': (a, { problemIds, section }) => fileOut(a, referralFile(a, problemIds, section)),
  'documents.calendar': (a, { id, ...print }) => fileOut(a, calendarFile(a, id, print)),
  'documents.statistics': (a, query) => fileOut(a, statisticsFile(a, query)),
};
