import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes } from '../testing/files';
import { putAttachment } from '../store/attachments';
import { openStore } from '../store/store';
import { migrations } from '../store/migrations';
import { call } from './index';
import { readDocx, textOf } from '../testing/read-docx';
import type { YearCloseResult } from '../../shared/schemas/year-close';
import { expectRefused } from '../testing/refused';

// The year is built with plain SQL (and one briefing issued through its channel), so these tests
// depend only on the archiving code and the exports it reuses. Tests that only read an archived 2025
// share one archive; tests that archive, reopen or write get their own.
let a: Awaited<ReturnType<typeof tempStore>>;
async function freshYear(): Promise<void> {
  a = await tempStore({ init: 'empty' });
  await seedYear();
}
const AT = '2025-01-01 00:00:00';
const ins = (sql: string, ...p: unknown[]) => Number(a.db.prepare(sql).run(...p).lastInsertRowid);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const P = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

const ids = { school: 0, supervisor: 0, visit25: 0, visit24: 0, problem25: 0, problem24: 0, briefing: 0, photo: '' };

async function seedYear(): Promise<void> {
  ids.school = ins(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  ids.supervisor = ins(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('王督学', '在聘', '兼职督学', ?, ?)`, AT, AT);
  const visit = (date: string, highlight: string) => {
    const v = ins(`INSERT INTO visits (school_id, date, type, highlight, created_at, updated_at) VALUES (?, ?, '经常性', ?, ?, ?)`,
      ids.school, date, highlight, AT, AT);
    a.db.prepare('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)').run(v, ids.supervisor);
    return v;
  };
  ids.visit25 = visit('2025-03-04', '开展红领巾讲解员活动');
  ids.visit24 = visit('2024-11-12', '课后服务丰富');
  const problem = (raisedAt: string, description: string) => ins(`INSERT INTO problems (source, school_id, category, description, actor, status,
    raised_at, updated_at) VALUES ('督导记录', ?, '课程开设和课堂教学情况', ?, '学校', '待整改', ?, ?)`, ids.school, description, raisedAt, AT);
  ids.problem25 = problem('2025-03-04', '音乐课被挪用');
  ids.problem24 = problem('2024-11-12', '课表与实际不符');
  ids.photo = putAttachment(a, Buffer.from('\x89PNG\r\n\x1a\n-photo-of-the-visit'), '校园.png', 'image/png');
  a.db.prepare(`INSERT INTO visit_attachments (visit_id, hash, file_name, kind, seq) VALUES (?, ?, '校园.png', 'photo', 1)`).run(ids.visit25, ids.photo);
  const cal = ins(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
    VALUES ('2024学年行事历', '学年', '2024-09', '2025-07', ?, ?)`, AT, AT);
  ins(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
    VALUES (?, '2025-03', 1, '召开全体督学工作会议', '会议', '已完成', ?, ?)`, cal, AT, AT);
  ins(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
    VALUES ('2026年行事历', '自然年', '2026-01', '2026-12', ?, ?)`, AT, AT);
  ins(`INSERT INTO chronicle_entries (year, precision, date, text, created_at, updated_at) VALUES (2025, 'day', '2025-03-12', '召开全县督学工作会议。', ?, ?)`, AT, AT);
  const piece = ins(`INSERT INTO pieces (kind, title, author_name, year, status, body, body_text, created_at, updated_at)
    VALUES ('案例', '一次食堂督导', '王督学', 2025, '已定稿', ?, '陪餐制度', ?, ?)`, JSON.stringify([P('陪餐制度落实情况。')]), AT, AT);
  const coll = ins(`INSERT INTO collections (title, kind, volume, year, created_at, updated_at) VALUES ('督导案例集', '案例', 1, 2025, ?, ?)`, AT, AT);
  a.db.prepare('INSERT INTO collection_pieces (collection_id, piece_id, seq) VALUES (?, ?, 1)').run(coll, piece);

  const draft = await call(a, 'briefings.save', { fields: { month: '2025-03', articles: [{ title: '工作动态', blocks: [P('三月督导了12所学校。')] }] } });
  ids.briefing = (await call(a, 'briefings.issue', { id: draft.id, issueDate: '2025-04-02' })).id;
}

const refused = (channel: string, input: unknown, code: string, text: string, field?: string) =>
  expectRefused(a, channel, input, field ? { code, text, field } : { code, text });

const READONLY = '2025年度已归档，不能再修改该年度的记录。如确需修改，请在「年度归档」中重新开启该年度（需确认并记入日志）。';
const visitFields = (date: string, highlight: string) =>
  ({ schoolId: ids.school, date, supervisorIds: [ids.supervisor], type: '经常性', highlight });

describe('yearly: an archived year', () => {
  let result: YearCloseResult;
  beforeAll(async () => {
    await freshYear();
    result = await finished(a, call(a, 'yearClose.close', { year: 2025 }));
  }, 30_000);
  afterAll(() => a.dispose());

  it('writes the package: every document, the attachments, and a catalogue whose hashes match the files', async () => {
    expect(result.folder).toBe(path.join(a.dataFolder, '年度归档', '2025'));
    const kinds = result.catalogue.map((e) => e.kind);
    for (const k of ['大事记', '简报', '案例集', '行事历', '整改台账', '统计报告', '附件']) expect(kinds, k).toContain(k);
    expect(kinds.filter((k) => k === '行事历')).toHaveLength(1); // the 2026 calendar is not in 2025
    expect(result.catalogue.map((e) => e.no)).toEqual(result.catalogue.map((_, i) => i + 1));
    for (const e of result.catalogue) {
      const bytes = fs.readFileSync(path.join(result.folder, ...e.path.split('/')));
      expect(sha(bytes), e.path).toBe(e.sha256);
      expect(bytes.length).toBe(e.size);
    }
    // The issued briefing is the stored file, byte for byte; the photo is the attachment.
    const briefing = result.catalogue.find((e) => e.kind === '简报')!;
    expect(briefing.date).toBe('2025-04-02');
    const stored = await call(a, 'briefings.export', { id: ids.briefing });
    expect(briefing.sha256).toBe(sha(await offeredBytes(a, stored)));
    expect(result.catalogue.find((e) => e.kind === '附件')!.sha256).toBe(ids.photo);
  });

  it('writes the catalogue as .docx and .xlsx, and a .zip that opens with the same files', async () => {
    const docx = await readDocx(fs.readFileSync(path.join(result.folder, '归档目录.docx')));
    const text = textOf(docx.document);
    expect(text).toContain('2025年度归档目录');
    for (const h of ['序号', '题名', '类别', '日期', '页数或大小', 'SHA-256']) expect(text).toContain(h);
    for (const e of result.catalogue) expect(text).toContain(e.sha256);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(result.folder, '归档目录.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('归档目录')!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '题名', '类别', '日期', '页数或大小', 'SHA-256', '文件']);
    expect(ws.getRow(3).getCell(6).value).toBe(result.catalogue[0].sha256);
    expect(ws.rowCount).toBe(2 + result.catalogue.length);

    const zip = await JSZip.loadAsync(fs.readFileSync(result.zip));
    for (const e of result.catalogue) {
      const inside = await zip.file(`2025年度归档/${e.path}`)?.async('nodebuffer');
      expect(inside && sha(inside), e.path).toBe(e.sha256);
    }
    expect(zip.file('2025年度归档/归档目录.docx')).not.toBeNull();

    const dl = await call(a, 'yearClose.download', { year: 2025 });
    expect(dl.fileName).toBe('2025年度归档.zip');
    expect(sha(await offeredBytes(a, dl))).toBe(sha(fs.readFileSync(result.zip)));
    expect(fs.existsSync(result.zip)).toBe(true); // a kept file is offered, never removed once fetched
  });

  it('lists the year as archived with its counts, logs it, and refuses to archive it twice', async () => {
    const years = await call(a, 'yearClose.list', {});
    const y25 = years.find((y) => y.year === 2025)!;
    expect(y25.archived).toMatchObject({ by: '测试', files: result.catalogue.length });
    expect(y25.counts).toMatchObject({ visits: 1, problems: 1, briefings: 1, chronicle: 1, pieces: 1, collections: 1, calendarItems: 1 });
    expect(years.find((y) => y.year === 2024)).toMatchObject({ archived: null, counts: { visits: 1, problems: 1 } });
    const log = await call(a, 'audit.list', { kind: 'year' });
    expect(log.rows[0]).toMatchObject({ action: '归档', entityId: 2025 });
    await refused('yearClose.close', { year: 2025 }, 'conflict', '2025年度已经归档');
  });

  it('refuses every write to the archived year with the read-only message', async () => {
    await refused('visits.save', { id: ids.visit25, fields: visitFields('2025-03-04', '改写亮点') }, 'readonly', READONLY);
    await refused('visits.save', { fields: visitFields('2025-06-01', '新记录') }, 'readonly', READONLY);
    // Moving a record of another year into the archived one is a write to it too.
    await refused('visits.save', { id: ids.visit24, fields: visitFields('2025-01-05', '挪到归档年度') }, 'readonly', READONLY);
    await refused('visits.delete', { id: ids.visit25 }, 'readonly', READONLY);
    await refused('problems.save', { id: ids.problem25, fields: {
      source: '督导记录', schoolId: ids.school, category: '课程开设和课堂教学情况', description: '改写', actor: '学校',
    } }, 'readonly', READONLY);
    await refused('problems.transition', { id: ids.problem25, to: '整改中', note: null }, 'readonly', READONLY);
    await refused('chronicle.save', { fields: { year: 2025, precision: 'day', date: '2025-12-30', text: '补记一条。' } }, 'readonly', READONLY);
    // The database refuses it too, whoever writes.
    expect(() => a.db.prepare('UPDATE visits SET highlight = ? WHERE id = ?').run('x', ids.visit25)).toThrow('YEAR_ARCHIVED:2025');
    expect(() => a.db.prepare('DELETE FROM problems WHERE id = ?').run(ids.problem25)).toThrow('YEAR_ARCHIVED:2025');
    const v = await call(a, 'visits.get', { id: ids.visit25 });
    expect(v.visit.highlight).toBe('开展红领巾讲解员活动');
  });
});

describe('yearly: archive, write around it, reopen', () => {
  beforeEach(freshYear);
  afterEach(() => a.dispose());

  it('refuses invalid input and a download before archiving', async () => {
    await refused('yearClose.close', { year: 1999 }, 'invalid', '「年份」应在2000至2100之间', 'year');
    await refused('yearClose.close', {}, 'invalid', '「年份」', 'year');
    await refused('yearClose.download', { year: 2025 }, 'not_found', '2025年度尚未归档');
  });

  it('keeps other years writable', async () => {
    await finished(a, call(a, 'yearClose.close', { year: 2025 }));
    const v = await call(a, 'visits.save', { id: ids.visit24, fields: visitFields('2024-11-12', '课后服务丰富多彩') });
    expect(v.highlight).toBe('课后服务丰富多彩');
    const n = await call(a, 'visits.save', { fields: visitFields('2026-01-08', '新年第一次督导') });
    expect(n.date).toBe('2026-01-08');
  });

  it('reopens only with the typed confirmation, logged; the year is writable again', async () => {
    await finished(a, call(a, 'yearClose.close', { year: 2025 }));
    await refused('yearClose.reopen', { year: 2025 }, 'invalid', '「确认文字」', 'confirm');
    await refused('yearClose.reopen', { year: 2025, confirm: '确定' }, 'invalid', '请输入「重新开启」四个字以确认', 'confirm');
    await refused('yearClose.reopen', { year: 2024, confirm: '重新开启' }, 'not_found', '2024年度尚未归档');
    expect(await call(a, 'yearClose.reopen', { year: 2025, confirm: '重新开启' })).toEqual({ reopened: true });
    const log = await call(a, 'audit.list', { kind: 'year' });
    expect(log.rows[0]).toMatchObject({ action: '重新开启', entityId: 2025 });
    const v = await call(a, 'visits.save', { id: ids.visit25, fields: {
      ...visitFields('2025-03-04', '改写亮点'), attachments: [{ hash: ids.photo, fileName: '校园.png', kind: 'photo' }],
    } });
    expect(v.highlight).toBe('改写亮点');
    await refused('yearClose.download', { year: 2025 }, 'not_found', '尚未归档');
    expect((await call(a, 'yearClose.list', {})).find((y) => y.year === 2025)!.archived).toBeNull();
  });

  it('archives it again over the old package', async () => {
    const result = await finished(a, call(a, 'yearClose.close', { year: 2025 }));
    await call(a, 'yearClose.reopen', { year: 2025, confirm: '重新开启' });
    const again = await finished(a, call(a, 'yearClose.close', { year: 2025 }));
    expect(again.catalogue.length).toBe(result.catalogue.length);
    expect(fs.readdirSync(path.dirname(again.folder)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('migration 004', () => {
  it('upgrades a version-3 archive with records: tables, search and the read-only triggers are in place', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-m004-'));
    try {
      const v3 = await openStore(folder, { migrations: migrations.slice(0, 3) });
      v3.db.prepare(`INSERT INTO schools (id, full_name, type, nature, created_at, updated_at) VALUES (1, '甲小学', '小学', '公办', ?, ?)`).run(AT, AT);
      v3.db.prepare(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (1, '2023-05-06', '经常性', ?, ?)`).run(AT, AT);
      v3.close();
      const up = await openStore(folder);
      expect(up.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
      expect(up.db.prepare('SELECT count(*) FROM legacy_files_fts').pluck().get()).toBe(0);
      up.db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2023, ?, 't', 'x', '[]')`).run(AT);
      expect(() => up.db.prepare(`UPDATE visits SET theme = 'x'`).run()).toThrow('YEAR_ARCHIVED:2023');
      expect(() => up.db.prepare(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (1, '2023-12-31', '经常性', ?, ?)`).run(AT, AT))
        .toThrow('YEAR_ARCHIVED:2023');
      up.db.prepare(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (1, '2024-01-01', '经常性', ?, ?)`).run(AT, AT);
      up.close();
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
