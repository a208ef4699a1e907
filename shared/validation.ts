import { z } from 'zod';
import { AppError } from './result';
import { CONTROL_CHAR, controlCharMessage } from './schemas/common';

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
  fileName: '文件名', uploadId: '文件', jobId: '任务',
};

export function labelOf(path: readonly PropertyKey[], schema?: z.ZodType): string {
  const own = schema && describedLabel(schema, path);
  if (own) return own;
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  return (last && FIELD_LABELS[last]) || last || '输入';
}

/**
 * A field's own label, set in its schema with `.describe('完成情况')`: it wins over FIELD_LABELS,
 * where one key (status, title, result …) can only have one meaning.
 */
function describedLabel(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  type Node = { description?: string; _zod: { def: { type: string; innerType?: Node; in?: Node; element?: Node; shape?: Record<string, Node> } } };
  const unwrap = (n: Node): Node => {
    const d = n._zod.def;
    if (d.innerType) return unwrap(d.innerType);
    if (d.type === 'pipe' && d.in) return unwrap(d.in);
    return n;
  };
  // The innermost labelled node on the path: an array's label also names its elements.
  let node: Node | undefined = schema as unknown as Node;
  let label: string | undefined;
  for (const key of path) {
    const d: Node['_zod']['def'] = unwrap(node!)._zod.def;
    node = typeof key === 'number' ? d.element : d.shape?.[String(key)];
    if (!node) break;
    label = node.description ?? label;
  }
  return label;
}

/**
 * The path of the first string anywhere in `raw` holding a control character (CONTROL_CHAR: NUL
 * and the like, not tab or line breaks), with that string; null when there is none. Iterative, so
 * however deeply nested the input, it cannot overflow the stack.
 */
export function findControlChar(raw: unknown): { path: PropertyKey[]; text: string } | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: raw, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (CONTROL_CHAR.test(value)) return { path, text: value };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
    }
  }
  return null;
}

/**
 * Validate a channel's input; on failure throw one clear Chinese message naming the first bad field.
 * Before the schema: no text of any channel may hold control characters (findControlChar), so none
 * reaches the database or the search index, whatever the channel's schema says about its strings.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const bad = findControlChar(raw);
  if (bad) {
    const field = bad.path.filter((p) => typeof p === 'string').join('.') || undefined;
    throw new AppError('invalid', `「${bad.path.length ? labelOf(bad.path, schema) : '输入'}」${controlCharMessage(bad.text)}`, field);
  }
  const res = schema.safeParse(raw);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  const field = issue.path.filter((p) => typeof p === 'string').join('.') || undefined;
  const label = issue.path.length ? labelOf(issue.path, schema) : '输入';
  throw new AppError('invalid', `「${label}」${issue.message}`, field);
}
