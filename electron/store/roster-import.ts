import type { z } from 'zod';
/**
 * Importing a roster (督学 or 学校) read from an .xlsx (electron/documents/excel/read-roster.ts): every row
 * checked against the schema and the archive for the preview, then the valid rows written in one go.
 */
import type { Store } from './store';
import { audit } from './log';
import { getSettings } from './settings';
import { insertSupervisor, updateSupervisor } from './supervisors';
import { insertSchool, updateSchool } from './schools';
import { listZones } from './zones';
import { AppError } from '../../shared/result';
import { labelOf } from '../../shared/validation';
import type { ImportPreview, ImportResult, ImportRow } from '../../shared/schemas/admin';
import { supervisorFields, type SupervisorFields } from '../../shared/schemas/supervisor';
import { schoolFields, type SchoolFields } from '../../shared/schemas/school';
import { ROSTERS, type Column, type Roster, type RosterKind, type Sheet, type SheetRow } from '../../shared/rosters';
import { liveSchools, liveSupervisors, type Existing } from './roster-records';

type Fields = SupervisorFields | SchoolFields;

/** A row after checking: what the preview shows, plus what a commit writes. */
interface PlannedRow extends ImportRow {
  /** The record an update replaces. */
  targetId?: number;
  fields?: Fields;
}

export interface Plan {
  roster: Roster;
  columns: Column[];
  rows: PlannedRow[];
}

/** The roster-specific part: the schema, the live records, and how a row finds its record. */
interface Matcher<F extends Fields> {
  schema: z.ZodType<F, unknown>;
  existing: Existing<F>[];
  /** Extra checks the schema cannot make (类别 in the office's list). */
  check(f: F): string[];
  /** Rows with the same key in one file are duplicates; `what` names the key for the message. */
  fileKey(f: F): { key: string; what: string };
  /** The live record this row updates, undefined for a new one, or an error sentence. */
  match(f: F): Existing<F> | undefined | string;
}

const norm = (s: string | null | undefined) => s ?? '';

function supervisorMatcher(a: Store): Matcher<SupervisorFields> {
  const existing = liveSupervisors(a);
  const byCert = new Map(existing.filter((e) => e.fields.certNo).map((e) => [e.fields.certNo!, e]));
  const byNameMobile = new Map<string, Existing<SupervisorFields>[]>();
  for (const e of existing) {
    const k = `${e.fields.name}\u0000${norm(e.fields.mobile)}`;
    byNameMobile.set(k, [...(byNameMobile.get(k) ?? []), e]);
  }
  const categories = getSettings(a).supervisorCategories;
  return {
    schema: supervisorFields as z.ZodType<SupervisorFields, unknown>,
    existing,
    check: (f) => categories.includes(f.category) ? []
      : [`「类别」“${f.category}”不在本室的督学类别中，应为${categories.join('、')}之一；如需新类别，请先在「设置」中添加。`],
    fileKey: (f) => f.certNo
      ? { key: `cert:${f.certNo}`, what: `督学证编号「${f.certNo}」` }
      : { key: `nm:${f.name}\u0000${norm(f.mobile)}`, what: f.mobile ? `姓名「${f.name}」和手机「${f.mobile}」` : `姓名「${f.name}」（且都没有督学证编号和手机）` },
    match: (f) => {
      const hit = f.certNo ? byCert.get(f.certNo) : undefined;
      if (hit) return hit;
      // Without a certificate match: same name and mobile. A row bringing a new 督学证编号 may
      // only take over a record that has none, never overwrite another certificate.
      const same = (byNameMobile.get(`${f.name}\u0000${norm(f.mobile)}`) ?? []).filter((e) => !f.certNo || !e.fields.certNo);
      if (same.length > 1) {
        return `档案中有 ${same.length} 名督学的姓名${f.mobile ? '和手机' : ''}都与此行相同（${f.name}${f.mobile ? `，${f.mobile}` : ''}），无法确定要更新哪一名。请在「督学证编号」列填写编号以区分。`;
      }
      return same[0];
    },
  };
}

function schoolMatcher(a: Store): Matcher<SchoolFields> {
  const existing = liveSchools(a);
  const byName = new Map(existing.map((e) => [e.fields.fullName, e]));
  return {
    schema: schoolFields as z.ZodType<SchoolFields, unknown>,
    existing,
    check: () => [],
    fileKey: (f) => ({ key: f.fullName, what: `学校全称「${f.fullName}」` }),
    match: (f) => byName.get(f.fullName),
  };
}

// ---- planning ----

/** One cell problem as the user reads it: the column, what is wrong, what was written. */
function issueText(roster: Roster, row: SheetRow, issue: z.core.$ZodIssue): string {
  const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
  const column = roster.columns.find((c) => c.field === field);
  const header = column?.header ?? labelOf(issue.path);
  const written = row.cells.get(field)?.text;
  return `「${header}」${issue.message}${written ? `（现为“${written}”）` : ''}`;
}

/**
 * The schema's input from a row: present columns only, so an update keeps what the sheet does not
 * have a column for (and the photo, which is never in the sheet). Empty cells are undefined, so
 * the schema's defaults (聘任状态 在聘, 办学性质 公办) apply as in the form.
 */
function rowInput(row: SheetRow, columns: Column[], zones: Map<string, number>, errors: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const c of columns) {
    const cell = row.cells.get(c.field);
    if (c.kind === 'zone') {
      if (cell?.value === undefined) { input[c.field] = null; continue; }
      const zoneId = zones.get(String(cell.value));
      if (zoneId === undefined) {
        errors.push(`「${c.header}」档案中没有名为“${cell.value}”的责任区。请先在「责任区」页面建立，或改为已有的责任区名称。`);
      }
      input[c.field] = zoneId ?? null;
    } else {
      input[c.field] = cell?.value;
    }
  }
  return input;
}

function plan<F extends Fields>(a: Store, roster: Roster, sheet: Sheet, m: Matcher<F>): Plan {
  const zones = new Map(listZones(a).map((z) => [z.name, z.id]));
  const byId = new Map(m.existing.map((e) => [e.id, e]));
  const rows: (PlannedRow & { input?: Record<string, unknown>; parsed?: F })[] = sheet.rows.map((row) => {
    const errors: string[] = [];
    const input = rowInput(row, sheet.columns, zones, errors);
    const res = m.schema.safeParse(input);
    if (res.success) errors.push(...m.check(res.data));
    else errors.push(...res.error.issues.map((i) => issueText(roster, row, i)));
    const values = Object.fromEntries(sheet.columns.map((c) => [c.header, row.cells.get(c.field)?.text ?? '']));
    return { rowNumber: row.rowNumber, values, errors, action: 'skip', input, parsed: res.success ? res.data : undefined };
  });

  // The same key twice in one file: every copy is an error, since either could be the right one.
  flagDuplicates(rows.filter((r) => r.parsed), (r) => m.fileKey(r.parsed!).key,
    (r, others) => `与第 ${others} 行重复（${m.fileKey(r.parsed!).what}相同），同一条记录只能出现一次，请删除或改正重复的行。`);

  for (const r of rows) {
    if (!r.parsed || r.errors.length) continue;
    const hit = m.match(r.parsed);
    if (typeof hit === 'string') { r.errors.push(hit); continue; }
    r.targetId = hit?.id;
  }
  // Two different keys may still land on one record (a 督学证编号 row and a 姓名+手机 row).
  flagDuplicates(rows.filter((r) => r.targetId !== undefined && !r.errors.length), (r) => String(r.targetId),
    (r, others) => `与第 ${others} 行对应档案中的同一条${roster.label}记录「${byId.get(r.targetId!)?.title}」，请只保留一行。`);

  for (const r of rows) {
    if (!r.parsed || r.errors.length) continue;
    if (r.targetId === undefined) {
      r.fields = r.parsed;
      r.action = 'insert';
      continue;
    }
    // An update: the record as it is, overwritten by the sheet's columns.
    const before = byId.get(r.targetId)!.fields;
    const merged = m.schema.safeParse({ ...before, ...r.input });
    if (!merged.success) {
      r.errors.push(...merged.error.issues.map((i) => `「${labelOf(i.path)}」${i.message}`));
      continue;
    }
    r.fields = merged.data;
    r.action = 'update';
  }
  return {
    roster,
    columns: sheet.columns,
    rows: rows.map(({ input: _i, parsed: _p, ...r }) => r),
  };
}

/** Mark every row whose key another row shares, naming the other rows. */
function flagDuplicates<R extends PlannedRow>(rows: R[], key: (r: R) => string, message: (r: R, others: string) => string): void {
  const groups = new Map<string, R[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const r of group) {
      r.errors.push(message(r, group.filter((o) => o !== r).map((o) => o.rowNumber).join('、')));
    }
  }
}

/** Check every row against the schema and the archive; reads only. */
export function planImport(a: Store, kind: RosterKind, sheet: Sheet): Plan {
  const roster = ROSTERS[kind];
  return kind === 'supervisors'
    ? plan(a, roster, sheet, supervisorMatcher(a))
    : plan(a, roster, sheet, schoolMatcher(a));
}

export function toPreview(p: Plan): ImportPreview {
  const rows = p.rows.map(({ rowNumber, values, errors, action }) => ({ rowNumber, values, errors, action }));
  const validCount = rows.filter((r) => r.action !== 'skip').length;
  return { kind: p.roster.kind, columns: p.columns.map((c) => c.header), rows, validCount, invalidCount: rows.length - validCount };
}

/**
 * Write every valid row through the repositories, all in one transaction: if any row fails, nothing
 * is written and the error names the row. Invalid rows are skipped and counted.
 */
export function commitPlan(a: Store, p: Plan): ImportResult {
  const valid = p.rows.filter((r) => r.action !== 'skip');
  const skipped = p.rows.length - valid.length;
  if (valid.length === 0) {
    throw new AppError('invalid', `文件中没有可导入的有效记录（${skipped} 行都有错误）。请按预览中的提示改正后重新选择文件。`);
  }
  const kind = p.roster.kind;
  const result: ImportResult = { inserted: 0, updated: 0, skipped };
  a.db.transaction(() => {
    for (const r of valid) {
      try {
        if (kind === 'supervisors') {
          const f = r.fields as SupervisorFields;
          if (r.action === 'insert') insertSupervisor(a, f); else updateSupervisor(a, r.targetId!, f);
        } else {
          const f = r.fields as SchoolFields;
          if (r.action === 'insert') insertSchool(a, f); else updateSchool(a, r.targetId!, f);
        }
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw new AppError(e instanceof AppError ? e.code : 'internal',
          `导入没有完成：第 ${r.rowNumber} 行无法保存（${msg}）。档案未做任何修改，请改正后重新导入。`);
      }
      if (r.action === 'insert') result.inserted++; else result.updated++;
    }
    audit(a, '导入', kind === 'supervisors' ? 'supervisor' : 'school', null,
      `从 Excel 导入${p.roster.label}名册：新增 ${result.inserted} 条，更新 ${result.updated} 条，跳过 ${skipped} 条错误记录`,
      result);
  })();
  return result;
}

/** Plan and write in one transaction, so no change can slip in between the check and the write. */
export function importRoster(a: Store, kind: RosterKind, sheet: Sheet): ImportResult {
  return a.db.transaction(() => commitPlan(a, planImport(a, kind, sheet)))();
}
