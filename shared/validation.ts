import { z } from 'zod';
import { AppError } from './result';

// Zod's own Chinese messages for anything a schema does not word itself.
z.config(z.locales.zhCN());

/** Chinese names of input fields, so every message names the field the user sees. */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号', name: '姓名', gender: '性别', birthMonth: '出生年月', unit: '工作单位', position: '职务',
  education: '学历', title: '职称', stage: '任教学段', subject: '学科', phone: '联系电话', mobile: '手机',
  certNo: '督学证编号', letterNo: '聘书编号', termStart: '聘任起始', termEnd: '聘任截止',
  status: '聘任状态', category: '类别', notes: '备注', photo: '照片', fullName: '学校全称',
  shortName: '简称', type: '学段/类型', nature: '办学性质', urbanRural: '城乡', address: '地址',
  principal: '校长', students: '学生数', teachers: '教师数', zoneId: '所属责任区', leaderId: '组长',
  schoolId: '学校', supervisorId: '督学', role: '角色', q: '搜索词', limit: '每页条数', offset: '起始位置',
  sort: '排序字段', dir: '排序方向', key: '设置项', value: '设置值', officeName: '督导室名称',
  briefingName: '简报名称', mode: '方式', data: '文件内容', kind: '类别', schoolIds: '学校',
  fileName: '文件名',
};

export function labelOf(path: readonly PropertyKey[]): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  return (last && FIELD_LABELS[last]) || last || '输入';
}

/** Validate a channel's input; on failure throw one clear Chinese message naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  const field = issue.path.filter((p) => typeof p === 'string').join('.') || undefined;
  const label = issue.path.length ? labelOf(issue.path) : '输入';
  throw new AppError('invalid', `「${label}」${issue.message}`, field);
}
