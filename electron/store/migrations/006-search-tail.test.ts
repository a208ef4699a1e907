import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, objectNames, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const TABLES = ['supervisors', 'schools', 'visits', 'problems', 'complaints', 'calendar_items', 'pieces', 'legacy_files'];
const texts = (table: string) => db.prepare(`SELECT text FROM ${table}_fts ORDER BY rowid`).pluck().all() as string[];
const ftsText = (table: string, id: number) => db.prepare(`SELECT text FROM ${table}_fts WHERE rowid = ?`).pluck().get(id);

/**
 * Version 5 with rows in every indexed table: Chinese text, empty (NULL) fields, a row with no text at
 * all, soft-deleted rows, a row removed for good, and records of an archived year (2023).
 */
function version5() {
  db = migrateTo(5);
  run(`INSERT INTO supervisors (name, unit, position, subject, mobile, cert_no, status, category, notes, created_at, updated_at)
    VALUES ('欧阳明华', '县教育局督导室', NULL, '语文', '13800001111', NULL, '在聘', '兼职督学', '擅长校园安全', ?, ?)`, AT, AT);
  run(`INSERT INTO supervisors (name, status, category, created_at, updated_at, deleted_at) VALUES ('李华', '解聘', '专职督学', ?, ?, ?)`, AT, AT, AT);
  const school = run(`INSERT INTO schools (full_name, address, notes, type, nature, created_at, updated_at)
    VALUES ('青山小学', '东风路12号', '食堂改造', '小学', '公办', ?, ?)`, AT, AT);
  run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at, deleted_at) VALUES ('已撤并小学', '小学', '公办', ?, ?, ?)`, AT, AT, AT);
  const gone = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('误录学校', '小学', '公办', ?, ?)`, AT, AT);
  run('DELETE FROM schools WHERE id = ?', gone);
  run(`INSERT INTO visits (school_id, date, type, theme, narrative, highlight, feedback, created_at, updated_at)
    VALUES (?, '2023-05-06', '经常性督导', '开学工作检查', '查看了食堂', NULL, '建议完善台账', ?, ?)`, school, AT, AT);
  run(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (?, '2024-03-05', '经常性督导', ?, ?)`, school, AT, AT);
  run(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
    VALUES ('督导记录', ?, '校园安全', '消防通道堆放杂物', '学校', '待整改', '2023-05-06', ?)`, school, AT);
  run(`INSERT INTO problems (source, school_id, category, description, actor, campaign, status, raised_at, updated_at, deleted_at)
    VALUES ('专项督导', ?, '作业管理', '作业量偏大', '学校', '双减', '待整改', '2024-03-05', ?, ?)`, school, AT, AT);
  run(`INSERT INTO complaints (received_at, visitor, identity, channel, topic, content, status, created_at, updated_at)
    VALUES ('2024-03-08 10:00', '王女士', '家长', '来电', '收费', '反映课后服务收费不透明', '待处理', ?, ?)`, AT, AT);
  const calendar = run(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at) VALUES ('行事历', '学期', '2024-02', '2024-07', ?, ?)`, AT, AT);
  run(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, owner, status, created_at, updated_at)
    VALUES (?, '2024-03', 1, '开展开学工作专项督导', '专项', '督导室', '未开始', ?, ?)`, calendar, AT, AT);
  run(`INSERT INTO pieces (kind, title, author_name, year, status, created_at, updated_at) VALUES ('案例', '一所乡村小学的变化', '张明', 2023, '定稿', ?, ?)`, AT, AT);
  run(`INSERT INTO attachments (hash, file_name, mime, size, created_at) VALUES ('h1', '2019.docx', 'application/octet-stream', 1, ?)`, AT);
  run(`INSERT INTO legacy_files (year, title, kind, file_name, hash, mime, size, text, created_at)
    VALUES (2019, '2019年工作总结', '总结', '2019.docx', 'h1', 'application/octet-stream', 1, '全县义务教育巩固率达到', ?)`, AT);
  run(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2023, ?, '张明', '年度归档/2023', '[]')`, AT);
}

/** Every row's indexed text after 006, by table in id order: soft-deleted rows included, each ending in two spaces. */
const EXPECTED: Record<string, string[]> = {
  supervisors: ['欧阳明华 县教育局督导室 语文 13800001111 兼职督学 擅长校园安全  ', '李华 专职督学  '],
  schools: ['青山小学 东风路12号 食堂改造  ', '已撤并小学  '],
  visits: ['开学工作检查 查看了食堂 建议完善台账  ', '  '],
  problems: ['校园安全 消防通道堆放杂物  ', '作业管理 作业量偏大 双减  '],
  complaints: ['王女士 家长 反映课后服务收费不透明  '],
  calendar_items: ['开展开学工作专项督导 督导室  '],
  pieces: ['一所乡村小学的变化 张明   '], // body_text is '' (not NULL): its separator stays
  legacy_files: ['2019年工作总结 总结 2019.docx 全县义务教育巩固率达到  '],
};

describe('migration 006 (search tail)', () => {
  it('rebuilds every index with the text ending in two spaces, soft-deleted rows included, and adds a vocabulary table to each', () => {
    version5();
    expect(texts('schools')).toEqual(['青山小学 东风路12号 食堂改造', '已撤并小学']); // version 5: the bare text
    expect(texts('visits')[1]).toBe('');
    migrateTo(6, db);
    expect(userVersion(db)).toBe(6);

    for (const t of TABLES) expect(texts(t), t).toEqual(EXPECTED[t]);
    for (const t of TABLES) {
      expect(objectNames(db, 'table'), t).toEqual(expect.arrayContaining([`${t}_fts`, `${t}_fts_vocab`]));
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(`${t}_fts_vocab`)).toMatch(new RegExp(`fts5vocab\\(${t}_fts, 'row'\\)`));
      expect(objectNames(db, 'trigger').filter((g) => g.startsWith(`${t}_fts_`)), t).toEqual([`${t}_fts_ad`, `${t}_fts_ai`, `${t}_fts_au`]);
    }
    // The archived year's records were read, not written: the year stays filed and guarded.
    expect(db.prepare('SELECT year FROM archived_years').pluck().all()).toEqual([2023]);
    expect(() => db.prepare(`UPDATE problems SET description = 'x' WHERE raised_at LIKE '2023%'`).run()).toThrow('YEAR_ARCHIVED:2023');
  });

  it('lets 1 and 2 characters at the very end of a record begin a trigram, so the vocabulary finds them', () => {
    version5();
    migrateTo(6, db);
    let checked = 0;
    for (const t of TABLES) {
      const rows = db.prepare(`SELECT rowid AS id, text FROM ${t}_fts`).all() as { id: number; text: string }[];
      for (const { id, text } of rows) {
        const cs = [...text.trimEnd()];
        if (cs.length < 2) continue;
        const last2 = cs.slice(-2).join('').toLowerCase();
        const last1 = cs[cs.length - 1].toLowerCase();
        // The trigrams starting with the last two characters, and with the last one, as search.ts reads them.
        const starting = (q: string) => db.prepare(`SELECT term FROM ${t}_fts_vocab WHERE term >= ? AND term < ? || char(0x10FFFF)`).pluck().all(q, q) as string[];
        expect(starting(last2), `${t} “${last2}”`).toContain(`${last2} `);
        expect(starting(last1), `${t} “${last1}”`).toContain(`${last1}  `);
        expect(db.prepare(`SELECT rowid FROM ${t}_fts WHERE ${t}_fts MATCH ?`).pluck().all(`"${last2} "`), t).toContain(id);
        checked++;
      }
    }
    expect(checked).toBe(11); // every row but the visit with no text
  });

  it('keeps writing the tail: new rows, edits (any edit of a supervisor or school, an indexed column of the rest) and removals', () => {
    version5();
    migrateTo(6, db);
    const school = run(`INSERT INTO schools (full_name, notes, type, nature, created_at, updated_at) VALUES ('新建学校', '改扩建', '小学', '公办', ?, ?)`, AT, AT);
    expect(ftsText('schools', school)).toBe('新建学校 改扩建  ');
    db.prepare(`UPDATE schools_fts SET text = '手工' WHERE rowid = ?`).run(school);
    db.prepare(`UPDATE schools SET students = 300 WHERE id = ?`).run(school); // 001's trigger: any update re-indexes
    expect(ftsText('schools', school)).toBe('新建学校 改扩建  ');
    const sup = db.prepare(`SELECT id FROM supervisors WHERE name = '李华'`).pluck().get() as number;
    db.prepare(`UPDATE supervisors SET mobile = '13900002222' WHERE id = ?`).run(sup);
    expect(ftsText('supervisors', sup)).toBe('李华 13900002222 专职督学  ');

    const visit = run(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at) VALUES (?, '2024-05-01', '专项督导', '食品安全', ?, ?)`, school, AT, AT);
    expect(ftsText('visits', visit)).toBe('食品安全  ');
    db.prepare(`UPDATE visits_fts SET text = '手工' WHERE rowid = ?`).run(visit);
    db.prepare(`UPDATE visits SET date = '2024-05-02' WHERE id = ?`).run(visit); // not an indexed column: left alone
    expect(ftsText('visits', visit)).toBe('手工');
    db.prepare(`UPDATE visits SET highlight = '留样规范' WHERE id = ?`).run(visit);
    expect(ftsText('visits', visit)).toBe('食品安全 留样规范  ');

    const updates: [string, string, string][] = [
      ['problems', `campaign = '食品安全专项'`, '校园安全 消防通道堆放杂物 食品安全专项  '],
      ['complaints', `result = '已答复'`, '王女士 家长 反映课后服务收费不透明 已答复  '],
      ['calendar_items', `status_note = '因雨延期'`, '开展开学工作专项督导 督导室 因雨延期  '],
      ['pieces', `body_text = '课后服务从无到有'`, '一所乡村小学的变化 张明 课后服务从无到有  '],
      ['legacy_files', `text = ''`, '2019年工作总结 总结 2019.docx   '],
    ];
    db.prepare('DELETE FROM archived_years').run(); // the 2023 problem and piece may change now
    for (const [table, set, text] of updates) {
      const id = db.prepare(`SELECT min(id) FROM ${table}`).pluck().get() as number;
      db.prepare(`UPDATE ${table} SET ${set} WHERE id = ?`).run(id);
      expect(ftsText(table, id), table).toBe(text);
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      expect(ftsText(table, id), table).toBeUndefined();
    }
  });
});
