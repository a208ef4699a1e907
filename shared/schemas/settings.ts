import { z } from 'zod';
import { COMPLAINT_TOPICS, EIGHT_ITEMS, SUPERVISOR_CATEGORIES } from '../vocab';
import { optText, reqText } from './common';

// Field labels are set with .describe(): keys such as title mean other things elsewhere.
const list = (what: string) =>
  z.array(z.string().trim().min(1, '不能有空白项').max(60, '每项不能超过60个字'))
    .min(1, '至少要有一项').max(100, '最多100项')
    .refine((a) => new Set(a).size === a.length, {
      error: (iss) => {
        const a = iss.input as string[];
        return `有重复项「${a.find((x, i) => a.indexOf(x) !== i)}」，请删除或修改其中一项`;
      },
    })
    .describe(what);

const distribution = (what: string) =>
  z.array(z.string().trim().min(1, '不能有空白项').max(60, '每项不能超过60个字')).max(50, '最多50个单位')
    .refine((a) => new Set(a).size === a.length, '有重复的单位').describe(what);

/** The office's settings: one JSON document, validated as a whole. */
export const settingsSchema = z.object({
  officeName: reqText(40).describe('督导室名称'),
  officePhone: optText(30).describe('联系电话'),
  briefingName: reqText(20).describe('简报名称'),
  distribution: z.object({ bao: distribution('报（上报单位）'), song: distribution('送（抄送单位）'), fa: distribution('发（印发单位）') }),
  printCopies: z.number({ error: '必须是数字' }).int('必须是整数').min(1, '至少1份').max(10000, '不能超过10000份').describe('印数'),
  fonts: z.object({
    title: reqText(30).describe('标题字体'), body: reqText(30).describe('正文字体'), heading1: reqText(30).describe('一级标题字体'),
    heading2: reqText(30).describe('二级标题字体'), pageNumber: reqText(30).describe('页码字体'),
  }),
  supervisorCategories: list('督学类别'),
  eightItems: list('八项督导事项'),
  complaintTopics: list('来访来电主题'),
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
  complaintTopics: [...COMPLAINT_TOPICS],
};
