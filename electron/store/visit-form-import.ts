/**
 * Returned 督导记录表 filed without retyping (issue 15): every row of a batch of files checked against
 * the archive (school, 填报期间, vocabularies, 纪实, archived years), duplicates found (same school, date
 * and supervisor, in the archive or earlier in the batch), then the good rows written in one
 * transaction through the visit repository (search, year lock, audit and the problem workflow apply),
 * with their photos as attachments. Each file records were written from is kept as an attachment and
 * remembered by its content hash: a file imported twice changes nothing.
 */
import type { Store } from './store';
import { dateInWords, nowText, parseDateText, todayText } from '../../shared/dates';
import { labelOf } from '../../shared/validation';
import { visitFields, type VisitFields } from '../../shared/schemas/visit';
import type {
  VisitFormFilePreview, VisitFormImport, VisitFormPreview, VisitFormResult, VisitFormRowPreview,
} from '../../shared/schemas/visit-form';
import type { Page } from '../../shared/schemas/common';
import { VISIT_FORM_COLUMNS, VISIT_FORM_MARK, type ReturnedForm, type ReturnedRow, type VisitFormField } from '../../shared/visit-form';
import { VISIT_METHODS, VISIT_TYPES } from '../../shared/vocab';
import { pictureTooLarge } from '../../shared/image-header';
import { putAttachment, putAttachmentFile, type ReceivedFile } from './attachments';
import { audit } from './log';
import { allowedItems } from './problems/workflow';
import { saveVisit } from './visits';

/** A returned file as received: its content hash and name, where it waits, and what the reader made of it. */
export interface ReceivedForm {
  hash: string;
  fileName: string;
  /** The received file (in the temporary folder), kept as an attachment once records are written from it. */
  file: ReceivedFile;
  form: ReturnedForm | null;
  /** Why the file could not be read. */
  error: string | null;
}

interface PlannedRow {
  preview: VisitFormRowPreview;
  /** The record to write, for rows without errors. */
  fields: VisitFields | null;
  problem: { category: string; description: string; deadline: string | null } | null;
  source: ReturnedRow;
}

interface PlannedFile {
  preview: Omit<VisitFormFilePreview, 'rows'>;
  rows: PlannedRow[];
}

const HEADER: Record<VisitFormField, string> = Object.fromEntries(VISIT_FORM_COLUMNS.map((c) => [c.field, c.header])) as Record<VisitFormField, string>;
/** visitFields' keys as the form's columns. */
const FIELD_COLUMN: Record<string, VisitFormField> = {
  date: 'date', schoolId: 'school', type: 'type', theme: 'theme', methods: 'method1', items: 'item1',
  narrative: 'narrative', highlight: 'highlight', feedback: 'feedback',
};


/** Several values in one cell, as people type them: 巡视校园、查阅资料. */
const split = (text: string) => text.split(/[、,，;；/\n]+/).map((s) => s.trim()).filter(Boolean);

function values(r: ReturnedRow): Record<string, string> {
  return Object.fromEntries(VISIT_FORM_COLUMNS.filter((c) => c.kind !== 'photo').map((c) => [c.header, r.cells[c.field]]));
}

interface Context {
  today: string;
  archived: Set<number>;
  allowed: string[];
  school(name: string): { id: number; name: string } | undefined;
  existing(schoolId: number, date: string, supervisorId: number): string | null;
}

function context(a: Store): Context {
  const schools = a.db.prepare(`SELECT id, full_name AS name, short_name AS short FROM schools WHERE deleted_at IS NULL`)
    .all() as { id: number; name: string; short: string | null }[];
  const byName = new Map<string, { id: number; name: string }>();
  for (const s of schools) byName.set(s.name, s);
  for (const s of schools) if (s.short && !byName.has(s.short)) byName.set(s.short, s);
  const dup = a.db.prepare(`SELECT v.id FROM visits v JOIN visit_supervisors vs ON vs.visit_id = v.id AND vs.supervisor_id = ?
    WHERE v.school_id = ? AND v.date = ? AND v.deleted_at IS NULL LIMIT 1`).pluck();
  return {
    today: todayText(),
    archived: new Set(a.db.prepare('SELECT year FROM archived_years').pluck().all() as number[]),
    allowed: allowedItems(a),
    school: (name) => byName.get(name.replace(/\s+/g, '')) ?? byName.get(name.trim()),
    existing: (schoolId, date, supervisorId) => {
      const id = dup.get(supervisorId, schoolId, date) as number | undefined;
      return id ? `档案中已有这条记录（督导记录编号 ${id}）` : null;
    },
  };
}

/** Check one row; the record to write when it has no errors. */
function planRow(c: Context, form: ReturnedForm, r: ReturnedRow): PlannedRow {
  const errors: string[] = [];
  const cell = r.cells;
  const { from, to, supervisorId } = form.info;
  const period = `${dateInWords(from)}至${dateInWords(to)}`;

  let date: string | null = null;
  if (!cell.date) errors.push(`「${HEADER.date}」必须填写`);
  else {
    date = parseDateText(cell.date);
    if (!date) errors.push(`「${HEADER.date}」“${cell.date}”不是有效的日期，应写成 2026-09-15 或 2026年9月15日`);
    else if (date < from || date > to) errors.push(`「${HEADER.date}」${dateInWords(date)}不在本表的填报期间（${period}）内`);
    else if (date > c.today) errors.push(`「${HEADER.date}」${dateInWords(date)}还没有到，不能填报以后的督导`);
    else if (c.archived.has(Number(date.slice(0, 4)))) errors.push(`「${HEADER.date}」${date.slice(0, 4)}年度已归档，不能再添加该年的督导记录`);
  }

  let school: { id: number; name: string } | undefined;
  if (!cell.school) errors.push(`「${HEADER.school}」必须填写`);
  else {
    school = c.school(cell.school);
    if (!school) errors.push(`「${HEADER.school}」“${cell.school}”不在档案的学校名册中，请从下拉列表选择挂牌学校`);
  }

  const type = cell.type || '经常性';
  if (!(VISIT_TYPES as readonly string[]).includes(type)) errors.push(`「${HEADER.type}」“${type}”应为${VISIT_TYPES.join('、')}之一`);

  const methods: string[] = [];
  for (const f of ['method1', 'method2', 'method3'] as const) {
    for (const m of split(cell[f])) {
      if ((VISIT_METHODS as readonly string[]).includes(m)) methods.push(m);
      else errors.push(`「${HEADER[f]}」“${m}”不是督导方式，应为${VISIT_METHODS.join('、')}之一`);
    }
  }
  const items: string[] = [];
  for (const f of ['item1', 'item2', 'item3'] as const) {
    if (!cell[f]) continue;
    if (c.allowed.includes(cell[f])) items.push(cell[f]);
    else errors.push(`「${HEADER[f]}」“${cell[f]}”不在本室的督导事项中，请从下拉列表选择`);
  }

  if (!cell.narrative) errors.push(`「${HEADER.narrative}」必须填写（督导过程和所见所闻）`);

  let problem: PlannedRow['problem'] = null;
  if (cell.problem) {
    let deadline: string | null = null;
    if (!cell.problemCategory) errors.push(`「${HEADER.problemCategory}」填写了问题，请选择问题类别`);
    else if (!c.allowed.includes(cell.problemCategory)) errors.push(`「${HEADER.problemCategory}」“${cell.problemCategory}”不在本室的督导事项中，请从下拉列表选择`);
    if (cell.deadline) {
      deadline = parseDateText(cell.deadline);
      if (!deadline) errors.push(`「${HEADER.deadline}」“${cell.deadline}”不是有效的日期，应写成 2026-10-15 或 2026年10月15日`);
      else if (date && deadline < date) errors.push(`「${HEADER.deadline}」不能早于督导日期`);
    }
    if ([...cell.problem].length > 2000) errors.push(`「${HEADER.problem}」不能超过2000个字`);
    problem = { category: cell.problemCategory, description: cell.problem, deadline };
  } else if (cell.problemCategory || cell.deadline) {
    errors.push(`「${HEADER.problem}」选择了问题类别或整改期限，但没有填写问题`);
  }

  if (r.cellPictures > 0) {
    errors.push(`「${HEADER.photos}」有${r.cellPictures}张照片是“嵌入单元格”插入的，无法读取。请在 WPS 中右键照片选择“切换为浮动图片”，保存后重新导入`);
  }
  // Each photo judged by its header before it is kept: the page and Word would decode it.
  r.photos.forEach(({ info }, i) => {
    const refused = info ? pictureTooLarge(`第${i + 1}张照片`, info) : `第${i + 1}张照片不是可识别的图片（或已损坏），请删除后重新插入 JPG 或 PNG 照片`;
    if (refused) errors.push(`「${HEADER.photos}」${refused.replace(/。$/, '')}`);
  });

  let fields: VisitFields | null = null;
  if (errors.length === 0 && school && date) {
    // The same checks as the 督导记录 form (lengths, control characters), worded by the form's columns.
    const parsed = visitFields.safeParse({
      schoolId: school.id, date, supervisorIds: [supervisorId], type, theme: cell.theme || null, methods, items,
      narrative: cell.narrative, highlight: cell.highlight || null, feedback: cell.feedback || null,
    });
    if (parsed.success) fields = parsed.data;
    else {
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMN[String(issue.path[0])];
        errors.push(`「${column ? HEADER[column] : labelOf(issue.path, visitFields)}」${issue.message}`);
      }
    }
  }
  return {
    preview: {
      rowNumber: r.rowNumber, status: errors.length ? 'error' : 'ok', errors, duplicateOf: null, values: values(r),
      photos: r.photos.length, problem: !!problem && errors.length === 0,
    },
    fields: errors.length ? null : fields,
    problem: errors.length ? null : problem,
    source: r,
  };
}

/** Plan a batch: each file's status and each row's, duplicates marked. Reads the archive as it is now. */
export function planVisitForms(a: Store, received: ReceivedForm[]): PlannedFile[] {
  const c = context(a);
  const imported = a.db.prepare('SELECT imported_at AS at, visit_ids AS ids FROM visit_form_imports WHERE hash = ?');
  const person = a.db.prepare('SELECT name FROM supervisors WHERE id = ? AND deleted_at IS NULL').pluck();
  const seenFiles = new Map<string, string>();
  const seenRows = new Map<string, string>();
  return received.map((f): PlannedFile => {
    const base = { hash: f.hash, fileName: f.fileName, supervisorId: null, supervisorName: null, from: null, to: null };
    const bad = (status: VisitFormFilePreview['status'], message: string): PlannedFile => ({ preview: { ...base, status, message }, rows: [] });
    const earlier = seenFiles.get(f.hash);
    if (earlier) return bad('repeated', `与本批中的「${earlier}」内容完全相同，只导入一次`);
    seenFiles.set(f.hash, f.fileName);
    const before = imported.get(f.hash) as { at: string; ids: string } | undefined;
    if (before) {
      const n = (JSON.parse(before.ids) as number[]).length;
      return bad('imported', `这个文件已于${before.at.slice(0, 16)}导入（${n}条督导记录），再次导入不会改变档案`);
    }
    if (!f.form) return bad('invalid', f.error ?? '文件无法读取');
    const { info } = f.form;
    if (info.mark !== VISIT_FORM_MARK) return bad('invalid', '这不是督导档案生成的督导记录表，请使用督导室下发的表格填写');
    const name = person.get(info.supervisorId) as string | undefined;
    if (!name) {
      return bad('invalid', `表中的督学“${info.supervisorName}”在档案中不存在或已被删除。请核对督学名册，或为该督学重新生成督导记录表`);
    }
    if (name !== info.supervisorName) {
      return bad('invalid', `表中的督学“${info.supervisorName}”与档案中的督学“${name}”不一致，这张表可能来自其他档案。请为该督学重新生成督导记录表`);
    }
    const file = { ...base, supervisorId: info.supervisorId, supervisorName: name, from: info.from, to: info.to };
    if (f.form.rows.length === 0) return { preview: { ...file, status: 'invalid', message: '表中没有填写任何督导记录' }, rows: [] };
    const rows = f.form.rows.map((r) => planRow(c, f.form!, r));
    for (const r of rows) {
      if (!r.fields) continue;
      const key = `${r.fields.schoolId}|${r.fields.date}|${info.supervisorId}`;
      const dup = c.existing(r.fields.schoolId, r.fields.date, info.supervisorId) ?? seenRows.get(key) ?? null;
      if (dup) {
        r.preview.status = 'duplicate';
        r.preview.duplicateOf = dup;
        r.preview.problem = false;
      } else {
        seenRows.set(key, `与本批「${f.fileName}」第${r.preview.rowNumber}行重复（同一学校、日期和督学）`);
      }
    }
    return { preview: { ...file, status: 'ready', message: null }, rows };
  });
}

export function toPreview(plan: PlannedFile[]): VisitFormPreview {
  const rows = plan.flatMap((f) => f.rows.map((r) => r.preview));
  const ok = rows.filter((r) => r.status === 'ok');
  return {
    columns: VISIT_FORM_COLUMNS.filter((c) => c.kind !== 'photo').map((c) => c.header),
    files: plan.map((f) => ({ ...f.preview, rows: f.rows.map((r) => r.preview) })),
    counts: {
      files: plan.length, readyFiles: plan.filter((f) => f.preview.status === 'ready').length, rows: rows.length,
      ok: ok.length, errors: rows.filter((r) => r.status === 'error').length, duplicates: rows.filter((r) => r.status === 'duplicate').length,
      photos: ok.reduce((n, r) => n + r.photos, 0), problems: ok.filter((r) => r.problem).length,
    },
  };
}

/**
 * Write the batch's good rows in one transaction, planned again against the archive as it is now:
 * each a visit record through the visit repository, its problem raised into the 台账, its photos kept as
 * attachments; each file with at least one record written is kept too, and remembered by its hash.
 */
export function commitVisitForms(a: Store, received: ReceivedForm[]): VisitFormResult {
  return a.db.transaction((): VisitFormResult => {
    const plan = planVisitForms(a, received);
    const result: VisitFormResult = { files: 0, visits: 0, problems: 0, photos: 0, skipped: 0 };
    for (const f of plan) {
      if (f.preview.status !== 'ready') continue;
      const ids: number[] = [];
      let problems = 0;
      let photos = 0;
      for (const r of f.rows) {
        if (r.preview.status !== 'ok' || !r.fields) continue;
        const attachments = r.source.photos.map((p, i) => {
          // Its type from its header (a picture within the limits, or the row would not be ok).
          const { type, mime } = p.info!;
          const fileName = `${r.fields!.date} ${r.preview.values[HEADER.school]} 照片${i + 1}.${type === 'jpeg' ? 'jpg' : type}`;
          return { hash: putAttachment(a, Buffer.from(p.bytes), fileName, mime), fileName, kind: 'photo' as const };
        });
        const drafts = r.problem ? [{ ...r.problem, actor: '学校' as const }] : [];
        ids.push(saveVisit(a, undefined, { ...r.fields, attachments }, drafts));
        problems += drafts.length;
        photos += attachments.length;
      }
      const skipped = f.rows.length - ids.length;
      result.skipped += skipped;
      if (ids.length === 0) continue;
      putAttachmentFile(a, received.find((x) => x.hash === f.preview.hash)!.file);
      const importId = Number(a.db.prepare(`INSERT INTO visit_form_imports (hash, file_name, supervisor_id, period_from, period_to, visit_ids,
        problems, photos, skipped, imported_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(f.preview.hash, f.preview.fileName,
        f.preview.supervisorId, f.preview.from, f.preview.to, JSON.stringify(ids), problems, photos, skipped, nowText(), a.actor).lastInsertRowid);
      audit(a, '导入', 'visitForm', importId, `导入督导记录表「${f.preview.fileName}」（${f.preview.supervisorName}）：`
        + `督导记录${ids.length}条，问题${problems}个，照片${photos}张${skipped ? `，跳过${skipped}行` : ''}`);
      result.files += 1;
      result.visits += ids.length;
      result.problems += problems;
      result.photos += photos;
    }
    return result;
  })();
}

/** The schools a supervisor's form offers: those listed (挂牌) with them, or every live school when none is. */
export function formSchools(a: Store, supervisorId: number): string[] {
  const listed = a.db.prepare(`SELECT DISTINCT sc.full_name, sc.name_pinyin FROM assignments asg
    JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL
    WHERE asg.supervisor_id = ? AND asg.deleted_at IS NULL ORDER BY sc.name_pinyin`).pluck().all(supervisorId) as string[];
  return listed.length ? listed
    : a.db.prepare('SELECT full_name FROM schools WHERE deleted_at IS NULL ORDER BY name_pinyin, id').pluck().all() as string[];
}

/** The files imported so far, newest first. */
export function listVisitFormImports(a: Store, q: { offset: number; limit: number }): Page<VisitFormImport> {
  const total = a.db.prepare('SELECT count(*) FROM visit_form_imports').pluck().get() as number;
  const rows = a.db.prepare(`SELECT i.id, i.file_name AS fileName, i.hash, i.supervisor_id AS supervisorId, s.name AS supervisorName,
      i.period_from AS "from", i.period_to AS "to", i.imported_at AS importedAt, i.actor, json_array_length(i.visit_ids) AS visits,
      i.problems, i.photos, i.skipped
    FROM visit_form_imports i JOIN supervisors s ON s.id = i.supervisor_id ORDER BY i.id DESC LIMIT ? OFFSET ?`).all(q.limit, q.offset) as VisitFormImport[];
  return { rows, total };
}
