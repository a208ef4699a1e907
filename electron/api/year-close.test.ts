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

const ids = { school: 0, supervisor: 0, visit25: 0, visit24: 0, problem25: 0, problem24: 0, briefing: 0, photo: '', calendar: 0 };

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
  ids.calendar = cal;
  ins(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
    VALUES (?, '2025-03', 1, '召开全体督学工作会议', '会议', '已完成', ?, ?)`, cal, AT, AT);
  a.db.prepare(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, '2025-03', '学校思政课开设情况')`).run(cal);
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

/** Archive a year as the page does: the check, then the close confirming the open work it listed. */
async function closeYear(year: number): Promise<YearCloseResult> {
  const check = await call(a, 'yearClose.check', { year });
  return finished(a, call(a, 'yearClose.close', { year, openWork: check.openWork }));
}

const READONLY = '2025年度已归档，不能再修改该年度的记录。如确需修改，请在「年度归档」中重新开启该年度（需确认并记入日志）。';
const visitFields = (date: string, highlight: string) =>
  ({ schoolId: ids.school, date, supervisorIds: [ids.supervisor], type: '经常性', highlight });

describe('yearly: an archived year', () => {
  let result: YearCloseResult;
  beforeAll(async () => {
    await freshYear();
    result = await closeYear(2025);
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
    // Dates in words, as everywhere a reader sees them: the briefing's 2025年4月2日, never 2025-04-02.
    expect(text).toContain('2025年4月2日');
    expect(text).not.toMatch(/\d{4}-\d{2}(-\d{2})?/);
    // The year's statistics report has its charts.
    const stats = result.catalogue.find((e) => e.kind === '统计报告')!;
    expect((await readDocx(fs.readFileSync(path.join(result.folder, ...stats.path.split('/'))))).charts.length).toBeGreaterThan(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(result.folder, '归档目录.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('归档目录')!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '题名', '类别', '日期', '页数或大小', 'SHA-256', '文件']);
    expect(ws.getRow(3).getCell(6).value).toBe(result.catalogue[0].sha256);
    expect(ws.rowCount).toBe(2 + result.catalogue.length);
    // The briefing's whole date is a real date in the Chinese format.
    const row = result.catalogue.findIndex((e) => e.kind === '简报') + 3;
    expect(ws.getCell(row, 4).value).toEqual(new Date('2025-04-02T00:00:00Z'));
    expect(ws.getCell(row, 4).numFmt).toBe('yyyy"年"m"月"d"日"');

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
    await refused('problems.delete', { id: ids.problem25 }, 'readonly', READONLY);
    await refused('chronicle.save', { fields: { year: 2025, precision: 'day', date: '2025-12-30', text: '补记一条。' } }, 'readonly', READONLY);
    // The database refuses it too, whoever writes.
    expect(() => a.db.prepare('UPDATE visits SET highlight = ? WHERE id = ?').run('x', ids.visit25)).toThrow('YEAR_ARCHIVED:2025');
    expect(() => a.db.prepare('DELETE FROM problems WHERE id = ?').run(ids.problem25)).toThrow('YEAR_ARCHIVED:2025');
    const v = await call(a, 'visits.get', { id: ids.visit25 });
    expect(v.visit.highlight).toBe('开展红领巾讲解员活动');
  });

  it('refuses the writes that got through before (issue 11, finding 4): calendars, their themes, rejected chronicle candidates', async () => {
    const before = await call(a, 'calendars.get', { id: ids.calendar });
    await refused('calendars.setTheme', { calendarId: ids.calendar, month: '2025-03', theme: '改写主题' }, 'readonly', READONLY);
    await refused('calendars.setTheme', { calendarId: ids.calendar, month: '2025-04', theme: '新主题' }, 'readonly', READONLY);
    await refused('calendars.save', { id: ids.calendar, fields: { title: '改名', periodKind: '学年', startMonth: '2024-09', endMonth: '2025-07' } }, 'readonly', READONLY);
    await refused('calendars.save', { fields: { title: '补一份', periodKind: '自然年', startMonth: '2025-01', endMonth: '2025-12' } }, 'readonly', READONLY);
    await refused('calendars.delete', { id: ids.calendar }, 'readonly', READONLY);
    await refused('chronicle.reject', { year: 2025, sourceKind: 'visit', sourceId: ids.visit25 }, 'readonly', READONLY);
    expect(await call(a, 'calendars.get', { id: ids.calendar })).toEqual(before);
    expect((await call(a, 'calendars.list', {})).map((c) => c.id)).toContain(ids.calendar);
    // The 学年 plan's months of open years are still planned.
    await call(a, 'calendars.setTheme', { calendarId: ids.calendar, month: '2024-10', theme: '课后服务' });
  });
});

describe('yearly: archive, write around it, reopen', () => {
  beforeEach(freshYear);
  afterEach(() => a.dispose());

  it('refuses a year that has not ended, and any future year, saying when it can be archived', async () => {
    const year = new Date().getFullYear();
    await refused('yearClose.close', { year }, 'invalid', `${year}年度尚未结束，不能归档：该年度的工作还在进行。${year}年度自${year + 1}年1月1日起可以归档。`, 'year');
    await refused('yearClose.close', { year, openWork: 0 }, 'invalid', `${year}年度尚未结束`, 'year');
    await refused('yearClose.close', { year: year + 1 }, 'invalid', `${year + 1}年度还没有开始，不能归档。`, 'year');
    expect((await call(a, 'yearClose.check', { year })).refusal).toContain(`${year}年度尚未结束`);
    expect((await call(a, 'yearClose.check', { year: year + 3 })).refusal).toContain(`${year + 3}年度还没有开始`);
    expect((await call(a, 'yearClose.check', { year: 2025 })).refusal).toBeNull();
    expect((await call(a, 'yearClose.list', {})).find((y) => y.year === year)!.archived).toBeNull();
    expect(fs.existsSync(path.join(a.dataFolder, '年度归档'))).toBe(false);
  });

  it('refuses invalid input and a download before archiving', async () => {
    await refused('yearClose.close', { year: 1999 }, 'invalid', '「年份」应在2000至2100之间', 'year');
    await refused('yearClose.close', {}, 'invalid', '「年份」', 'year');
    await refused('yearClose.download', { year: 2025 }, 'not_found', '2025年度尚未归档');
  });

  it('keeps other years writable', async () => {
    await closeYear(2025);
    const v = await call(a, 'visits.save', { id: ids.visit24, fields: visitFields('2024-11-12', '课后服务丰富多彩') });
    expect(v.highlight).toBe('课后服务丰富多彩');
    const n = await call(a, 'visits.save', { fields: visitFields('2026-01-08', '新年第一次督导') });
    expect(n.date).toBe('2026-01-08');
  });

  it('reopens only with the typed confirmation, logged; the year is writable again', async () => {
    await closeYear(2025);
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
    const result = await closeYear(2025);
    await call(a, 'yearClose.reopen', { year: 2025, confirm: '重新开启' });
    const again = await closeYear(2025);
    expect(again.catalogue.length).toBe(result.catalogue.length);
    expect(fs.readdirSync(path.dirname(again.folder)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('yearly: the check before archiving lists the open work, and the close confirms it', () => {
  beforeEach(freshYear);
  afterEach(() => a.dispose());

  /** 2025's open work of every kind, next to finished work of the same kinds (seedYear's) that must not be listed. */
  async function openWorkOf2025() {
    const fixing = await call(a, 'notices.issue', { schoolId: ids.school, problemIds: [ids.problem25], issuedDate: '2025-03-10', deadlineDays: 30, requirement: null });
    const second = ins(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
      VALUES ('督导记录', ?, '校园及周边安全情况，学生交通安全情况', '校门口无护学岗', '学校', '待整改', '2025-11-03', ?)`, ids.school, AT);
    const waiting = await call(a, 'notices.issue', { schoolId: ids.school, problemIds: [second], issuedDate: '2025-11-05', deadlineDays: 60, requirement: null });
    await call(a, 'notices.report', { id: waiting.id, reportDate: '2025-12-20', reportText: '已设护学岗', files: [] });
    const loose = ins(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
      VALUES ('督导记录', ?, '食堂、食品、饮水及宿舍卫生情况', '食堂留样记录不全', '学校', '待整改', '2025-12-20', ?)`, ids.school, AT);
    const complaint = await call(a, 'complaints.save', { fields: { receivedAt: '2025-12-29 10:00', channel: '来电', topic: '管理', schoolId: ids.school, content: '反映课后服务收费' } });
    await call(a, 'complaints.save', { fields: { receivedAt: '2025-06-01 10:00', channel: '来电', topic: '管理', schoolId: ids.school, content: '已办结的来电', result: '已电话答复', status: '已办结' } });
    const draft = await call(a, 'briefings.save', { fields: { month: '2025-12', articles: [{ title: '工作动态', blocks: [P('十二月督导了9所学校。')] }] } });
    const piece = await call(a, 'pieces.save', { fields: { kind: '案例', title: '一次课后服务督导', authorName: '王督学', year: 2025, body: [P('草稿')] } });
    const item = ins(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
      VALUES (?, '2025-05', 1, '开展春季校园安全专项督导', '专项', '进行中', ?, ?)`, ids.calendar, AT, AT);
    ins(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
      VALUES (?, '2025-06', 1, '取消的培训', '培训', '取消', ?, ?)`, ids.calendar, AT, AT);
    return { fixing, waiting, loose, complaint, draft, piece, item };
  }

  it('lists each kind of open work with what links to it; finished work is not listed', async () => {
    // seedYear's 2025: one problem 待整改; its calendar item is done, its briefing issued, its piece final.
    expect((await call(a, 'yearClose.check', { year: 2025 })).groups.map((g) => [g.kind, g.total])).toEqual([['problem', 1]]);
    const o = await openWorkOf2025();
    const check = await call(a, 'yearClose.check', { year: 2025 });
    expect(check.refusal).toBeNull();
    expect(check.groups.map((g) => [g.kind, g.total, g.carriedOver])).toEqual([
      ['notice', 2, true], ['problem', 1, true], ['complaint', 1, false], ['briefing', 1, false], ['piece', 1, false], ['calendarItem', 1, false],
    ]);
    expect(check.openWork).toBe(7);
    const of = (kind: string) => check.groups.find((g) => g.kind === kind)!;
    expect(of('notice').items).toEqual([
      { id: o.fixing.id, parentId: null, title: '整改通知书〔2025〕第1号（城关第一小学）', status: '整改中', date: '2025-04-09' },
      { id: o.waiting.id, parentId: null, title: '整改通知书〔2025〕第2号（城关第一小学）', status: '待回查', date: '2026-01-04' },
    ]);
    expect(of('problem').items).toEqual([{ id: o.loose, parentId: null, title: '城关第一小学：食堂留样记录不全', status: '待整改', date: '2025-12-20' }]);
    expect(of('complaint').items).toEqual([{ id: o.complaint.id, parentId: null, title: '管理：反映课后服务收费', status: '待处理', date: '2025-12-29' }]);
    expect(of('briefing').items).toEqual([{ id: o.draft.id, parentId: null, title: '2025年12月：督导工作简报', status: '草稿', date: '2025-12' }]);
    expect(of('piece').items).toEqual([{ id: o.piece.id, parentId: null, title: '案例《一次课后服务督导》', status: '草稿', date: '2025' }]);
    expect(of('calendarItem').items).toEqual([{ id: o.item, parentId: ids.calendar, title: '2024学年行事历：开展春季校园安全专项督导', status: '进行中', date: '2025-05' }]);
    // Another year's open work is its own.
    expect((await call(a, 'yearClose.check', { year: 2024 })).groups.map((g) => [g.kind, g.total])).toEqual([['problem', 1]]);
  });

  it('archives a year with open work only when the close names its number; a changed list is refused', async () => {
    await openWorkOf2025();
    await refused('yearClose.close', { year: 2025 }, 'conflict',
      '2025年度还有7项未办结的工作（整改通知书2份、问题1个、来访来电1件、简报1期、文章1篇、行事历事项1项）。请在「年度归档」中查看未办结清单并确认后再归档', 'openWork');
    await refused('yearClose.close', { year: 2025, openWork: 0 }, 'conflict', '2025年度未办结的工作有变化：确认时为0项，现在为7项', 'openWork');
    await refused('yearClose.close', { year: 2025, openWork: 6 }, 'conflict', '确认时为6项，现在为7项', 'openWork');
    expect((await call(a, 'yearClose.list', {})).find((y) => y.year === 2025)!.archived).toBeNull();
    const r = await finished(a, call(a, 'yearClose.close', { year: 2025, openWork: 7 }));
    expect(r.year).toBe(2025);
    expect((await call(a, 'yearClose.check', { year: 2025 })).refusal).toBe('2025年度已经归档。');
  });
});

describe('yearly: rectification crosses years', () => {
  beforeEach(freshYear);
  afterEach(() => a.dispose());

  it('an archived year\'s open notice is reported, re-checked, returned and closed, each step logged; its content stays locked', async () => {
    const n = await call(a, 'notices.issue', { schoolId: ids.school, problemIds: [ids.problem25], issuedDate: '2025-12-10', deadlineDays: 30, requirement: '一月内整改' });
    await closeYear(2025);

    const reported = await call(a, 'notices.report', { id: n.id, reportDate: '2026-01-05', reportText: '已恢复音乐课', files: [{ hash: ids.photo, fileName: '课表.png' }] });
    expect(reported.problems[0].status).toBe('待回查');
    expect(reported.reportFiles).toEqual([{ hash: ids.photo, fileName: '课表.png' }]);
    const returned = await call(a, 'notices.recheck', { noticeId: n.id, date: '2026-01-12', supervisorId: ids.supervisor, result: '未通过', note: '仍有一节被挪用' });
    expect(returned.problems[0].status).toBe('整改中');
    await call(a, 'notices.report', { id: n.id, reportDate: '2026-01-20', reportText: '全部恢复', files: [] });
    const closed = await call(a, 'notices.recheck', { noticeId: n.id, date: '2026-01-25', supervisorId: ids.supervisor, result: '通过', note: null });
    expect(closed.problems[0]).toMatchObject({ status: '已销号', closedAt: '2026-01-25' });
    expect(closed.rechecks.map((r) => r.result)).toEqual(['未通过', '通过']);

    const log = await call(a, 'audit.list', { limit: 50 });
    const lines = log.rows.slice(0, log.rows.findIndex((r) => r.action === '归档')).map((r) => `${r.action} ${r.summary}`); // since the archiving
    expect(lines.filter((l) => l.startsWith('整改报告'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('回查'))).toEqual(['回查 回查整改通知书〔2025〕第1号（王督学，2026-01-25）：通过', '回查 回查整改通知书〔2025〕第1号（王督学，2026-01-12）：未通过']);
    expect(lines.filter((l) => l.startsWith('状态变更'))).toHaveLength(4);
    const history = await call(a, 'problems.get', { id: ids.problem25 });
    expect(history.history.map((h) => h.toStatus)).toEqual(['整改中', '待回查', '整改中', '待回查', '已销号']);

    // Once closed, the notice is settled; the year's content never moved.
    await refused('notices.report', { id: n.id, reportDate: '2026-02-01', reportText: '补充', files: [] }, 'conflict', '已全部销号');
    await refused('problems.save', { id: ids.problem25, fields: {
      source: '督导记录', schoolId: ids.school, category: '课程开设和课堂教学情况', description: '改写', actor: '学校',
    } }, 'readonly', READONLY);
    expect(() => a.db.prepare(`UPDATE notices SET requirement = '改写' WHERE id = ?`).run(n.id)).toThrow('YEAR_ARCHIVED:2025');
    expect(() => a.db.prepare(`UPDATE problems SET status = '整改中', closed_at = NULL WHERE id = ?`).run(ids.problem25)).toThrow('YEAR_ARCHIVED:2025');
  });

  it('an archived year\'s problem without a notice gets one in the new year and moves on; both show in the new year\'s 台账 as 结转 and count in its figures', async () => {
    const n = await call(a, 'notices.issue', { schoolId: ids.school, problemIds: [ids.problem25], issuedDate: '2025-12-10', deadlineDays: 30, requirement: null });
    const late = ins(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
      VALUES ('督导记录', ?, '食堂、食品、饮水及宿舍卫生情况', '食堂留样记录不全', '学校', '待整改', '2025-12-20', ?)`, ids.school, AT);
    await closeYear(2025);
    const next = await call(a, 'notices.issue', { schoolId: ids.school, problemIds: [late], issuedDate: '2026-01-06', deadlineDays: 20, requirement: null });
    expect(next.numberText).toBe('〔2026〕第1号');
    expect(next.problems[0]).toMatchObject({ id: late, status: '整改中', dueDate: '2026-01-26' });
    await call(a, 'problems.transition', { id: late, to: '待回查', note: '学校已整改' });
    await call(a, 'notices.report', { id: n.id, reportDate: '2026-01-05', reportText: '已恢复音乐课', files: [] });
    await call(a, 'notices.recheck', { noticeId: n.id, date: '2026-01-25', supervisorId: ids.supervisor, result: '通过', note: null });

    const list = (q: object) => call(a, 'problems.list', { limit: 100, sort: 'raisedAt', dir: 'asc', ...q }).then((r) => r.rows.map((p) => p.id));
    const own = ins(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
      VALUES ('督导记录', ?, '其他', '2026年的问题', '学校', '待整改', '2026-02-01', ?)`, ids.school, AT);
    expect(await list({ year: 2026 })).toEqual([own]);
    // Carried into 2026: 2024's problem still open, and both of 2025 (one 销号 in January).
    expect(await list({ year: 2026, carryOver: 'only' })).toEqual([ids.problem24, ids.problem25, late]);
    expect(await list({ year: 2026, carryOver: 'include' })).toEqual([ids.problem24, ids.problem25, late, own]);
    expect(await list({ year: 2025, carryOver: 'only' })).toEqual([ids.problem24]);
    // A problem 销号 before a period began is not carried into it.
    expect(await list({ month: '2026-02', carryOver: 'only' })).toEqual([ids.problem24, late]);
    expect(await list({ month: '2026-02', carryOver: 'include' })).toEqual([ids.problem24, late, own]);
    const d = await call(a, 'dashboard.get', { year: 2026 });
    expect(d.carriedOver).toEqual({ total: 3, closed: 1 });
    expect(await list({ year: 2026, carryOver: 'only', status: '已销号' })).toEqual([ids.problem25]);
    expect((await call(a, 'dashboard.get', { year: 2026, month: 2 })).carriedOver).toEqual({ total: 2, closed: 0 });
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
