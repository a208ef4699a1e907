// The two rosters (督学, 学校) as Excel sheets: each column's Chinese header, field, how its cells are
// read, and what the 说明 sheet says about it. The .xlsx is read and written in electron/documents/excel;
// the rows are checked and written by electron/store/roster-import.ts.
import {
  APPOINTMENT_STATUSES, EDUCATION_LEVELS, GENDERS, SCHOOL_NATURES, SCHOOL_TYPES, TEACHING_STAGES, URBAN_RURAL,
} from './vocab';
import type { ROSTER_KINDS } from './schemas/admin';

export type RosterKind = (typeof ROSTER_KINDS)[number];

/**
 * How a cell is read: text as is; month/date accept Excel date cells and common typed forms;
 * int must be a whole number; zone is a 责任区 name looked up in the archive.
 */
export type CellKind = 'text' | 'month' | 'date' | 'int' | 'zone';

/** Where a column's allowed values come from, for the 说明 sheet and the drop-down lists. */
export type ValueSource = readonly string[] | 'categories' | 'zones';

export interface Column {
  /** The Chinese header, exactly as written in templates and exports. */
  header: string;
  /** The field of supervisorFields / schoolFields. */
  field: string;
  kind: CellKind;
  /** The column must be present in an imported sheet (its field is required). */
  required?: boolean;
  /** Other headers people write for the same column. */
  aliases?: string[];
  /** Column width in an exported sheet (characters). */
  width: number;
  /** One line for the 说明 sheet. */
  note: string;
  values?: ValueSource;
}

export interface Roster {
  kind: RosterKind;
  /** 督学 / 学校: used in messages. */
  label: string;
  sheetName: string;
  columns: Column[];
  /** How rows are matched to archive records, for the 说明 sheet. */
  matchNote: string;
}

export const SUPERVISOR_ROSTER: Roster = {
  kind: 'supervisors',
  label: '督学',
  sheetName: '督学名册',
  matchNote: '导入时按「督学证编号」匹配档案中已有的督学；没有督学证编号的行按「姓名」+「手机」匹配。匹配到的记录被更新，其余新增。照片不在表格中，导入不会改动照片。',
  columns: [
    { header: '姓名', field: 'name', kind: 'text', required: true, width: 10, note: '必填，不超过20个字' },
    { header: '性别', field: 'gender', kind: 'text', width: 6, note: '男 或 女', values: GENDERS },
    { header: '出生年月', field: 'birthMonth', kind: 'month', width: 10, note: '年月，如 1980-05（也可用 Excel 日期）' },
    { header: '工作单位', field: 'unit', kind: 'text', width: 24, note: '不超过100个字' },
    { header: '职务', field: 'position', kind: 'text', width: 12, note: '不超过50个字' },
    { header: '学历', field: 'education', kind: 'text', width: 10, note: '从下拉列表选择', values: EDUCATION_LEVELS },
    { header: '职称', field: 'title', kind: 'text', width: 14, note: '不超过50个字' },
    { header: '任教学段', field: 'stage', kind: 'text', aliases: ['学段'], width: 10, note: '从下拉列表选择', values: TEACHING_STAGES },
    { header: '学科', field: 'subject', kind: 'text', width: 8, note: '不超过30个字' },
    { header: '手机', field: 'mobile', kind: 'text', aliases: ['手机号', '手机号码'], width: 14, note: '11位手机号码' },
    { header: '督学证编号', field: 'certNo', kind: 'text', aliases: ['督学证号'], width: 16, note: '每名督学唯一；用于匹配已有记录' },
    { header: '聘书编号', field: 'letterNo', kind: 'text', width: 14, note: '可不填' },
    { header: '聘任起始', field: 'termStart', kind: 'date', aliases: ['聘任起始日期'], width: 12, note: '日期，如 2024-09-01' },
    { header: '聘任截止', field: 'termEnd', kind: 'date', aliases: ['聘任截止日期'], width: 12, note: '日期，不能早于聘任起始' },
    { header: '聘任状态', field: 'status', kind: 'text', width: 10, note: '不填视为 在聘', values: APPOINTMENT_STATUSES },
    { header: '类别', field: 'category', kind: 'text', required: true, aliases: ['督学类别'], width: 12, note: '必填，应为设置中的督学类别之一', values: 'categories' },
    { header: '备注', field: 'notes', kind: 'text', width: 30, note: '不超过1000个字' },
  ],
};

export const SCHOOL_ROSTER: Roster = {
  kind: 'schools',
  label: '学校',
  sheetName: '学校名册',
  matchNote: '导入时按「学校全称」匹配档案中已有的学校：匹配到的记录被更新，其余新增。「所属责任区」填责任区名称，须是档案中已有的责任区。',
  columns: [
    { header: '学校全称', field: 'fullName', kind: 'text', required: true, aliases: ['学校名称', '全称'], width: 28, note: '必填，不超过60个字；用于匹配已有记录' },
    { header: '简称', field: 'shortName', kind: 'text', aliases: ['学校简称'], width: 12, note: '不超过20个字' },
    { header: '学段/类型', field: 'type', kind: 'text', required: true, aliases: ['学段', '类型', '学校类型'], width: 12, note: '必填，从下拉列表选择', values: SCHOOL_TYPES },
    { header: '办学性质', field: 'nature', kind: 'text', width: 10, note: '不填视为 公办', values: SCHOOL_NATURES },
    { header: '城乡', field: 'urbanRural', kind: 'text', width: 8, note: '城区、镇区 或 乡村', values: URBAN_RURAL },
    { header: '地址', field: 'address', kind: 'text', width: 30, note: '不超过120个字' },
    { header: '校长', field: 'principal', kind: 'text', width: 10, note: '不超过20个字' },
    { header: '联系电话', field: 'phone', kind: 'text', aliases: ['电话'], width: 16, note: '如 0571-88888888 或 13800000000' },
    { header: '学生数', field: 'students', kind: 'int', width: 8, note: '整数' },
    { header: '教师数', field: 'teachers', kind: 'int', width: 8, note: '整数' },
    { header: '所属责任区', field: 'zoneId', kind: 'zone', aliases: ['责任区'], width: 16, note: '责任区名称，须已在责任区页面建立', values: 'zones' },
    { header: '备注', field: 'notes', kind: 'text', width: 30, note: '不超过1000个字' },
  ],
};

export const ROSTERS: Record<RosterKind, Roster> = { supervisors: SUPERVISOR_ROSTER, schools: SCHOOL_ROSTER };

/** Headers compare without spaces, with half-width brackets and without a trailing 必填 mark. */
export function normalizeHeader(s: string): string {
  return s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
    .replace(/^\*|\*$|\(必填\)$/g, '').replace(/／/g, '/');
}

/** The column a header names, if any. */
export function columnFor(roster: Roster, header: string): Column | undefined {
  const h = normalizeHeader(header);
  if (!h) return undefined;
  return roster.columns.find((c) => normalizeHeader(c.header) === h || c.aliases?.some((x) => normalizeHeader(x) === h));
}

// ---- A roster as read from a file (plain data; electron/documents/excel/read-roster.ts makes it) ----

/** One cell as the importer sees it: what to show, and what to hand to the schema. */
export interface SheetCell {
  text: string;
  /** undefined: the cell is empty. */
  value: string | number | undefined;
}

export interface SheetRow {
  /** Row number as Excel shows it. */
  rowNumber: number;
  /** By field. Only columns present in the sheet have an entry. */
  cells: Map<string, SheetCell>;
}

export interface Sheet {
  /** The roster's columns found in the sheet, in the roster's order. */
  columns: Column[];
  rows: SheetRow[];
}
