// The 督导记录表 a supervisor fills in Excel or WPS and sends back (issue 15): one row per visit, its
// columns defined once here for the file the app writes (electron/documents) and the reader of the
// returned file, so the two cannot drift apart.

import type { ImageInfo } from './image-header';

/** Marks a workbook as the app's 督导记录表, in its hidden 档案信息 sheet. */
export const VISIT_FORM_MARK = 'dudao-visit-form';
export const VISIT_FORM_VERSION = 1;

export const VISIT_FORM_SHEETS = { records: '督导记录', notes: '填写说明', lists: '选项', info: '档案信息' } as const;

/** The drop-down list a column offers. */
export type VisitFormList = 'schools' | 'types' | 'methods' | 'items';

export interface VisitFormColumn {
  field: VisitFormField;
  header: string;
  width: number;
  list?: VisitFormList;
  kind?: 'date' | 'photo';
  required?: boolean;
  note: string;
}

export type VisitFormField =
  | 'date' | 'school' | 'type' | 'theme' | 'method1' | 'method2' | 'method3' | 'item1' | 'item2' | 'item3'
  | 'narrative' | 'highlight' | 'problem' | 'problemCategory' | 'deadline' | 'feedback' | 'photos';

export const VISIT_FORM_COLUMNS: readonly VisitFormColumn[] = [
  { field: 'date', header: '督导日期', width: 14, kind: 'date', required: true, note: '如 2026-09-15 或 2026年9月15日，须在填报期间内' },
  { field: 'school', header: '学校', width: 26, list: 'schools', required: true, note: '从下拉列表选择挂牌学校' },
  { field: 'type', header: '督导类型', width: 10, list: 'types', note: '不填为经常性' },
  { field: 'theme', header: '主题', width: 18, note: '不填则用行事历中当月的主题（一月一主题）' },
  { field: 'method1', header: '督导方式一', width: 11, list: 'methods', note: '七种方式，最多三种' },
  { field: 'method2', header: '督导方式二', width: 11, list: 'methods', note: '' },
  { field: 'method3', header: '督导方式三', width: 11, list: 'methods', note: '' },
  { field: 'item1', header: '督导事项一', width: 22, list: 'items', note: '八项经常性督导事项或“其他”，最多三项' },
  { field: 'item2', header: '督导事项二', width: 22, list: 'items', note: '' },
  { field: 'item3', header: '督导事项三', width: 22, list: 'items', note: '' },
  { field: 'narrative', header: '督导纪实', width: 40, required: true, note: '督导过程和所见所闻（必填）' },
  { field: 'highlight', header: '亮点', width: 24, note: '“三五七”：一个亮点' },
  { field: 'problem', header: '问题', width: 30, note: '一个问题；填写后会列入问题整改台账' },
  { field: 'problemCategory', header: '问题类别', width: 22, list: 'items', note: '填写了问题时必选' },
  { field: 'deadline', header: '整改期限', width: 14, kind: 'date', note: '可不填' },
  { field: 'feedback', header: '现场反馈', width: 24, note: '“三五七”：一次反馈' },
  { field: 'photos', header: '照片', width: 24, kind: 'photo', note: '插入照片，放在本行内（浮于单元格上方），可放多张' },
];

export const VISIT_FORM_HEADER_ROW = 3;
/** Rows given drop-downs below the header; a term of visits fits many times over. */
export const VISIT_FORM_ROWS = 120;

/** What the hidden 档案信息 sheet holds, as key → value rows. */
export interface VisitFormInfo {
  mark: string;
  version: number;
  supervisorId: number;
  supervisorName: string;
  /** 填报期间, yyyy-mm-dd. */
  from: string;
  to: string;
}

/** A picture placed over a row of the returned sheet. */
export interface ReturnedPhoto {
  bytes: Uint8Array;
  /** Its type and pixel size as its header says (never the name the workbook gives it); null when it is no picture we read. */
  info: ImageInfo | null;
}

/** One filled row of a returned 督导记录表, as read: each column's text ('' when empty). */
export interface ReturnedRow {
  rowNumber: number;
  cells: Record<VisitFormField, string>;
  photos: ReturnedPhoto[];
  /** Pictures placed in a cell WPS's way (=DISPIMG(…)), which no reader but WPS can open. */
  cellPictures: number;
}

export interface ReturnedForm {
  info: VisitFormInfo;
  rows: ReturnedRow[];
}

/**
 * The school term around a day, as a 填报期间: 第一学期 September to January, 第二学期 February to
 * July (August falls to the coming 第一学期).
 */
export function termOf(day: string): { from: string; to: string; label: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (m >= 8) return { from: `${y}-09-01`, to: `${y + 1}-01-31`, label: `${y}—${y + 1}学年第一学期` };
  if (m === 1) return { from: `${y - 1}-09-01`, to: `${y}-01-31`, label: `${y - 1}—${y}学年第一学期` };
  return { from: `${y}-02-01`, to: `${y}-07-31`, label: `${y - 1}—${y}学年第二学期` };
}
