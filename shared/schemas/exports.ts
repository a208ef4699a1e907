import { z } from 'zod';
import { id } from './common';
import { uploadIdField } from './files';

/** Word exports of records that live elsewhere (notices, referral letters, calendars, statistics). */
export const referralExport = z.object({
  problemIds: z.array(id).min(1, '请至少选择一个问题').max(100, '一次最多100个问题').describe('问题'),
  /** The bureau section addressed, e.g. 基础教育科. */
  section: z.string().trim().min(1, '必须填写').max(40).describe('科室'),
});

export const statisticsExport = z.object({
  year: z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('年份'),
  /** The dashboard's charts, drawn in the app and uploaded as PNG files (kind 'chart'), placed in the report. */
  charts: z.array(z.object({
    title: z.string().trim().min(1).max(60),
    uploadId: uploadIdField.describe('图表图片'),
    width: z.number().int().min(1).max(4000),
    height: z.number().int().min(1).max(4000),
  })).max(12, '最多12张图表').default([]).describe('图表'),
});
