import { z } from 'zod';
import { EIGHT_ITEMS, SUPERVISOR_CATEGORIES } from '../vocab';
import { optText, reqText } from './common';

const list = (what: string) =>
  z.array(z.string().trim().min(1, `${what}不能为空`).max(60)).min(1, `${what}至少要有一项`).max(100)
    .refine((a) => new Set(a).size === a.length, `${what}有重复项`);

const distribution = z.array(z.string().trim().min(1).max(60)).max(50);

/** The office's settings: one JSON document, validated as a whole. */
export const settingsSchema = z.object({
  officeName: reqText(40),
  officePhone: optText(30),
  briefingName: reqText(20),
  distribution: z.object({ bao: distribution, song: distribution, fa: distribution }),
  printCopies: z.number().int().min(1).max(10000),
  fonts: z.object({
    title: reqText(30), body: reqText(30), heading1: reqText(30), heading2: reqText(30), pageNumber: reqText(30),
  }),
  supervisorCategories: list('督学类别'),
  eightItems: list('督导事项'),
});
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  officeName: '××区人民政府教育督导室',
  officePhone: null,
  briefingName: '督导工作简报',
  distribution: { bao: [], song: [], fa: [] },
  printCopies: 30,
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' },
  supervisorCategories: [...SUPERVISOR_CATEGORIES],
  eightItems: [...EIGHT_ITEMS],
};
