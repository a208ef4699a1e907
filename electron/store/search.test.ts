import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store';
import { call } from '../api';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { INDEXED, indexedText } from './migrations/006-search-tail';
import { ITEMS_INDEXED } from './migrations/012-calendar-terms';
import { textMatch } from './search';

const folders: string[] = [];
const open: Store[] = [];
async function archive(opts: { version?: number; folder?: string } = {}): Promise<Store> {
  const folder = opts.folder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-search-'));
  if (!opts.folder) folders.push(folder);
  const a = await openStore(folder, { actor: '测试', migrations: opts.version ? migrations.slice(0, opts.version) : undefined });
  open.push(a);
  return a;
}
afterEach(() => {
  for (const a of open.splice(0)) if (a.db.open) a.close();
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

const AT = '2025-01-01 00:00:00';
/** What each index holds today: migration 006's texts, with 012's for the 行事历 items. */
const CURRENT = INDEXED.map((t) => (t.table === ITEMS_INDEXED.table ? { ...t, ...ITEMS_INDEXED } : t));
/** The schools whose indexed text contains `q`, by name. */
function schoolsMatching(a: Store, q: string): string[] {
  const [where, params] = textMatch('schools_fts', 's.id', q);
  return a.db.prepare(`SELECT full_name FROM schools s WHERE ${where} ORDER BY id`).pluck().all(...params) as string[];
}
function addSchool(a: Store, fullName: string, address: string | null = null, notes: string | null = null): number {
  return Number(a.db.prepare(`INSERT INTO schools (full_name, type, nature, address, notes, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?, ?, ?)`)
    .run(fullName, address, notes, AT, AT).lastInsertRowid);
}
/** Rows of `fts` containing `q`: by textMatch, and by a LIKE scan of the same text (the reference). */
function counts(a: Store, fts: string, q: string): [number, number] {
  const [where, params] = textMatch(fts, 'f.rowid', q);
  const byMatch = a.db.prepare(`SELECT count(*) FROM ${fts} f WHERE ${where}`).pluck().get(...params) as number;
  const byLike = a.db.prepare(`SELECT count(*) FROM ${fts} WHERE text LIKE ? ESCAPE '\\'`).pluck()
    .get(`%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as number;
  return [byMatch, byLike];
}
/** Each indexed row's text is exactly what the triggers write, for every row of the source table. */
function expectIndexedAsTriggersWrite(a: Store) {
  for (const t of CURRENT) {
    const rows = a.db.prepare(`SELECT count(*) FROM ${t.table}`).pluck().get();
    expect(a.db.prepare(`SELECT count(*) FROM ${t.table}_fts`).pluck().get(), t.table).toBe(rows);
    const differing = a.db.prepare(`SELECT count(*) FROM ${t.table} r LEFT JOIN ${t.table}_fts f ON f.rowid = r.id
      WHERE f.text IS NOT ${indexedText(t, 'r')}`).pluck().get();
    expect(differing, t.table).toBe(0);
  }
}
/** 2-character (and some 1-character) pieces of real indexed text: its start, middle and end, and across fields. */
function samples(a: Store, fts: string, n = 15): string[] {
  const texts = a.db.prepare(`SELECT text FROM ${fts} ORDER BY rowid LIMIT ?`).pluck().all(n) as string[];
  const out = new Set<string>();
  for (const text of texts) {
    const cs = [...text.trimEnd()];
    if (cs.length < 2) continue;
    const mid = Math.floor(cs.length / 2);
    for (const i of [0, mid, cs.length - 2]) out.add(cs.slice(i, i + 2).join(''));
    const sep = cs.indexOf(' ');
    if (sep > 0) out.add(cs[sep - 1]); // the last character of the first field
    if (sep > 1) out.add(cs.slice(sep - 2, sep).join(''));
  }
  return [...out].filter((q) => q.trim());
}

describe('textMatch for 1–2 characters', () => {
  it('finds 2 characters at the very start, the middle and the very end of a record, and at a field’s end', async () => {
    const a = await archive();
    addSchool(a, '青山小学', '东风路12号', '食堂改造');
    addSchool(a, '河口中学', null, null);
    expect(schoolsMatching(a, '青山')).toEqual(['青山小学']); // the very start
    expect(schoolsMatching(a, '风路')).toEqual(['青山小学']); // the middle
    expect(schoolsMatching(a, '改造')).toEqual(['青山小学']); // the very end of the text
    expect(schoolsMatching(a, '中学')).toEqual(['河口中学']); // the end of a record with one field
    expect(schoolsMatching(a, '小学')).toEqual(['青山小学']); // a field’s end, before the separator
    expect(schoolsMatching(a, '学')).toEqual(['青山小学', '河口中学']);
    expect(schoolsMatching(a, '造')).toEqual(['青山小学']); // 1 character at the very end
    expect(schoolsMatching(a, '学东')).toEqual([]); // fields are not glued together
    expect(schoolsMatching(a, '王女')).toEqual([]);
  });

  it('ignores ASCII case and takes quotes, % and _ literally', async () => {
    const a = await archive();
    addSchool(a, 'QH实验学校', null, 'AbC');
    addSchool(a, '引号"学校', null, '达标率100%');
    addSchool(a, '下划线学校', null, 'a_b');
    expect(schoolsMatching(a, 'qh')).toEqual(['QH实验学校']);
    expect(schoolsMatching(a, 'Qh')).toEqual(['QH实验学校']);
    expect(schoolsMatching(a, 'bc')).toEqual(['QH实验学校']); // the very end, in the other case
    expect(schoolsMatching(a, 'BC')).toEqual(['QH实验学校']);
    expect(schoolsMatching(a, '号"')).toEqual(['引号"学校']);
    expect(schoolsMatching(a, '"学')).toEqual(['引号"学校']);
    expect(schoolsMatching(a, '0%')).toEqual(['引号"学校']);
    expect(schoolsMatching(a, '_b')).toEqual(['下划线学校']);
    expect(schoolsMatching(a, '%')).toEqual(['引号"学校']);
    expect(schoolsMatching(a, '1%')).toEqual([]);
  });

  it('keeps the index right after edits and deletes (the triggers write the tail too)', async () => {
    const a = await archive();
    const id = addSchool(a, '青山小学', null, '旧的备注');
    a.db.prepare(`UPDATE schools SET notes = '新建食堂' WHERE id = ?`).run(id);
    expect(schoolsMatching(a, '食堂')).toEqual(['青山小学']);
    expect(schoolsMatching(a, '备注')).toEqual([]);
    a.db.prepare(`UPDATE schools SET notes = NULL WHERE id = ?`).run(id);
    expect(schoolsMatching(a, '小学')).toEqual(['青山小学']);
    expect(schoolsMatching(a, '食堂')).toEqual([]);
    a.db.prepare('DELETE FROM schools WHERE id = ?').run(id);
    expect(schoolsMatching(a, '小学')).toEqual([]);
    expectIndexedAsTriggersWrite(a);
  });
});

/**
 * An archive of version 5 filled with plain SQL (not today's code, which writes today's schema): rows in
 * every indexed table with Chinese text sharing pieces across rows, ASCII of both cases, empty fields,
 * soft-deleted rows and one removed for good.
 */
function fillVersion5(a: Store) {
  const run = (sql: string, ...params: unknown[]) => Number(a.db.prepare(sql).run(...params).lastInsertRowid);
  const places = ['青山乡', '白沙镇', '城关', '河口镇', '东风'];
  const schools: number[] = [];
  places.forEach((place, i) => {
    schools.push(run(`INSERT INTO schools (full_name, short_name, address, principal, phone, notes, type, nature, created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, ?, ?, '小学', '公办', ?, ?, ?)`, `${place}中心小学`, i % 2 ? `${place}小学` : null, `${place}人民路${i + 1}号`,
    i % 3 ? '王校长' : null, i === 2 ? '0731-8888' : null, ['食堂改造', null, '新建操场 Phase2', '校舍安全', '改建围墙工程'][i], AT, AT, i === 4 ? AT : null));
  });
  run('DELETE FROM schools WHERE id = ?', run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('误录学校', '小学', '公办', ?, ?)`, AT, AT));
  ['欧阳明华', '李华', '张明', 'Wang Fang'].forEach((name, i) => {
    run(`INSERT INTO supervisors (name, unit, position, subject, mobile, cert_no, status, category, notes, created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, ?, ?, '在聘', ?, ?, ?, ?, ?)`, name, i % 2 ? '县教育局督导室' : `${places[i]}中心学校`, i === 1 ? '主任' : null,
    ['语文', null, '数学', 'English'][i], `1380000${1000 + i}`, i === 2 ? `DX-00${i}` : null, i ? '兼职督学' : '专职督学',
    i === 3 ? '擅长校园安全' : null, AT, AT, i === 1 ? AT : null);
  });
  const themes = ['开学工作检查', '食品安全专项督导', '课后服务检查', null, '校园安全检查'];
  themes.forEach((theme, i) => {
    run(`INSERT INTO visits (school_id, date, type, theme, narrative, highlight, feedback, created_at, updated_at, deleted_at)
      VALUES (?, ?, '经常性督导', ?, ?, ?, ?, ?, ?, ?)`, schools[i], `2024-0${i + 3}-05`, theme, i === 3 ? null : `查看了${places[i]}的食堂和校舍`,
    i % 2 ? '课后服务有特色' : null, i === 3 ? null : '建议完善安全台账', AT, AT, i === 2 ? AT : null);
  });
  ['消防通道堆放杂物', '食堂留样不足', '作业量偏大', '校舍墙体开裂', '安全台账不全'].forEach((description, i) => {
    run(`INSERT INTO problems (source, school_id, category, description, actor, campaign, deadline, status, raised_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, '学校', ?, ?, '待整改', ?, ?, ?)`, i === 2 ? '专项督导' : '督导记录', schools[i], i < 2 ? '校园安全' : '教育教学',
    description, i === 2 ? '双减' : null, i % 2 ? '2024-06-30' : null, `2024-0${i + 3}-05`, AT, i === 4 ? AT : null);
  });
  ['反映课后服务收费不透明', '反映食堂饭菜质量', '咨询转学手续'].forEach((content, i) => {
    run(`INSERT INTO complaints (received_at, visitor, identity, phone, channel, school_id, topic, content, result, status, created_at, updated_at, deleted_at)
      VALUES (?, ?, '家长', ?, '来电', ?, '其他', ?, ?, '待处理', ?, ?, ?)`, `2024-0${i + 3}-08 10:00`, ['王女士', '李先生', null][i],
    i ? null : '13900002222', schools[i], content, i === 1 ? '已答复家长' : null, AT, AT, i === 2 ? AT : null);
  });
  const calendar = run(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at) VALUES ('2024年春季行事历', '学期', '2024-02', '2024-07', ?, ?)`, AT, AT);
  ['开展开学工作专项督导', '食品安全专项督导', '课后服务专项检查', '召开督学工作会议'].forEach((content, i) => {
    run(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, owner, status, status_note, created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, '专项', ?, '未开始', ?, ?, ?, ?)`, calendar, `2024-0${i + 3}`, i + 1, content, i % 2 ? '督导室' : null,
    i === 2 ? '因雨延期' : null, AT, AT, i === 3 ? AT : null);
  });
  ['一所乡村小学的变化', '课后服务的三年', '食堂改造记'].forEach((title, i) => {
    run(`INSERT INTO pieces (kind, title, author_name, year, status, body_text, created_at, updated_at, deleted_at)
      VALUES ('案例', ?, ?, 2024, '定稿', ?, ?, ?, ?)`, title, i === 1 ? null : '张明', i === 2 ? '' : `三年来，${places[i]}的课后服务从无到有。`,
    AT, AT, i === 1 ? AT : null);
  });
  run(`INSERT INTO attachments (hash, file_name, mime, size, created_at) VALUES ('h1', '2019.docx', 'application/octet-stream', 1, ?)`, AT);
  run(`INSERT INTO legacy_files (year, title, kind, file_name, hash, mime, size, text, created_at)
    VALUES (2019, '2019年工作总结', '总结', '2019.docx', 'h1', 'application/octet-stream', 1, '全县义务教育巩固率达到', ?)`, AT);
}

describe('migration 006: every indexed text ends in two spaces', () => {
  it('rebuilds the indexes of an archive of version 5, soft-deleted rows included, and its 2-character counts equal a LIKE scan', async () => {
    const old = await archive({ version: 5 });
    fillVersion5(old);
    // Version 5 indexes the bare text: no trigram starts with the last two characters.
    const text = () => a.db.prepare('SELECT text FROM legacy_files_fts').pluck().get();
    let a = old;
    expect(text()).toBe('2019年工作总结 总结 2019.docx 全县义务教育巩固率达到');
    const folder = path.dirname(old.attachmentsDir);
    old.close();

    a = await archive({ folder });
    expect(a.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(text()).toBe('2019年工作总结 总结 2019.docx 全县义务教育巩固率达到  ');
    expectIndexedAsTriggersWrite(a);
    expect(counts(a, 'legacy_files_fts', '达到')).toEqual([1, 1]);
    expect(counts(a, 'legacy_files_fts', '2019')).toEqual([1, 1]);
    let checked = 0;
    for (const t of CURRENT) {
      for (const q of samples(a, `${t.table}_fts`)) {
        const [byMatch, byLike] = counts(a, `${t.table}_fts`, q);
        expect(byMatch, `${t.table} “${q}”`).toBe(byLike);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // New rows after the migration are indexed the same way.
    addSchool(a, '新建学校', null, '改扩建');
    expect(schoolsMatching(a, '扩建')).toEqual(['新建学校']);
  });

  it('on a new demo archive, every 2-character piece of every kind counts the same as a LIKE scan', async () => {
    const a = await archive();
    await call(a, 'dataFolder.initialize', { mode: 'demo' });
    expectIndexedAsTriggersWrite(a);
    let checked = 0;
    for (const t of CURRENT) {
      for (const q of samples(a, `${t.table}_fts`)) {
        const [byMatch, byLike] = counts(a, `${t.table}_fts`, q);
        expect(byMatch, `${t.table} “${q}”`).toBe(byLike);
        expect(byLike).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
