import { z } from 'zod';
import { id } from './common';

/** Word exports of records that live elsewhere (notices, referral letters, calendars, statistics). */
export const referralExport = z.object({
  problemIds: z.array(id).min(1, '请至少选择一个问题').max(100, '一次最多100个问题').describe('问题'),
  /** The bureau section addressed, e.g. 基础教育科. */
  section: z.string().trim().min(1, '必须填写').max(40).describe('科室'),
});

/** The statistics report of one period, as the home page shows it: a year, or a month of it, optionally one 责任区. */
export const statisticsExport = z.object({
  year: z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('年份'),
  month: z.number({ error: '必须是月份' }).int('必须是整数').min(1, '应在1至12之间').max(12, '应在1至12之间').optional().describe('月份'),
  zoneId: id.optional().describe('责任区'),
});
