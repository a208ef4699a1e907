import type { Database } from 'better-sqlite3';
import { m001Foundation } from './001-foundation';
import { m002Work } from './002-work';
import { m003Documents } from './003-documents';
import { m004YearClose } from './004-year-close';
import { m005Indexes } from './005-indexes';
import { m006SearchTail } from './006-search-tail';
import { m007ListOrder } from './007-list-order';
import { m008CountIndexes } from './008-count-indexes';
import { m009ProblemOrder } from './009-problem-order';
import { m010Pinyin } from './010-pinyin';
import { m011YearLock } from './011-year-lock';
import { m012CalendarTerms } from './012-calendar-terms';
import { m013YearEnd } from './013-year-end';
import { m014SupervisorsYear } from './014-supervisors-year';
import { m015Campaigns } from './015-campaigns';
import { m016NoticeOrder } from './016-notice-order';
import { m017PieceOrder } from './017-piece-order';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Every migration in order; the archive's user_version is the number of the last one applied. */
export const migrations: Migration[] = [
  m001Foundation, m002Work, m003Documents, m004YearClose, m005Indexes, m006SearchTail, m007ListOrder, m008CountIndexes, m009ProblemOrder,
  m010Pinyin, m011YearLock, m012CalendarTerms, m013YearEnd, m014SupervisorsYear, m015Campaigns, m016NoticeOrder, m017PieceOrder,
];
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
