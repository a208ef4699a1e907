import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, indexOf, migrateTo, objectNames, schemaSql, tableKind, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const match = (q: string) => db.prepare(`SELECT rowid FROM pieces_fts WHERE pieces_fts MATCH ? ORDER BY rowid`).pluck().all(`"${q}"`);

/** Version 2 with a school, a supervisor, a visit and a problem. */
function version2() {
  db = migrateTo(2);
  const school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  const sup = run(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('张明', '在聘', '专职督学', ?, ?)`, AT, AT);
  run(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at) VALUES (?, '2024-03-05', '经常性督导', '开学检查', ?, ?)`, school, AT, AT);
  run(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
    VALUES ('督导记录', ?, '校园安全', '消防通道堆放杂物', '学校', '待整改', '2024-03-05', ?)`, school, AT);
  return { school, sup };
}

describe('migration 003 (documents)', () => {
  it('adds briefings, the chronicle, pieces and collections with search, and leaves the work records as they were', () => {
    version2();
    const before = schemaSql(db);
    const rows = () => db.prepare(`SELECT (SELECT count(*) FROM visits), (SELECT count(*) FROM visits_fts), (SELECT count(*) FROM problems),
      (SELECT count(*) FROM problems_fts), (SELECT count(*) FROM schools)`).raw().get();
    const counts = rows();
    migrateTo(3, db);
    expect(userVersion(db)).toBe(3);
    expect(rows()).toEqual(counts);
    expect(schemaSql(db)).toEqual(expect.arrayContaining(before)); // nothing of version 2 changed

    const tables = ['briefings', 'chronicle_entries', 'chronicle_rejections', 'collection_pieces', 'collections', 'pieces'];
    expect(objectNames(db, 'table').filter((t) => tables.includes(t) || t === 'pieces_fts')).toEqual([...tables, 'pieces_fts'].sort());
    for (const t of tables) expect(tableKind(db, t).strict, t).toBe(true);
    expect(tableKind(db, 'chronicle_rejections').withoutRowid).toBe(true);
    expect(tableKind(db, 'collection_pieces').withoutRowid).toBe(true);

    expect(columns(db, 'briefings')).toEqual(['id INTEGER PK', 'month TEXT NOT NULL', 'title TEXT', 'status TEXT NOT NULL', 'year INTEGER',
      'issue_no INTEGER', 'total_no INTEGER', 'issue_date TEXT', 'issuing_unit TEXT', 'copies INTEGER', 'show_toc INTEGER NOT NULL = 1',
      "articles TEXT NOT NULL = '[]'", 'docx_hash TEXT', 'created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(columns(db, 'chronicle_entries')).toEqual(['id INTEGER PK', 'year INTEGER NOT NULL', 'precision TEXT NOT NULL', 'date TEXT NOT NULL',
      'text TEXT NOT NULL', 'source_kind TEXT', 'source_id INTEGER', 'created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(columns(db, 'pieces')).toEqual(expect.arrayContaining(['author_id INTEGER', 'year INTEGER NOT NULL', "body TEXT NOT NULL = '[]'", "body_text TEXT NOT NULL = ''"]));
    expect(columns(db, 'collections')).toEqual(expect.arrayContaining(['volume INTEGER', "preface TEXT NOT NULL = '[]'"]));

    expect(indexOf(db, 'briefings_month').columns).toEqual(['month']);
    expect(indexOf(db, 'chronicle_year').columns).toEqual(['year', 'date']);
    expect(indexOf(db, 'chronicle_source').columns).toEqual(['source_kind', 'source_id']);
    expect(indexOf(db, 'pieces_year').columns).toEqual(['deleted_at', 'year', 'kind']);
    expect(objectNames(db, 'trigger').filter((t) => t.startsWith('pieces_'))).toEqual(['pieces_fts_ad', 'pieces_fts_ai', 'pieces_fts_au']);
  });

  it('numbers issued briefings uniquely while drafts have no number, and gives documents their empty defaults', () => {
    version2();
    migrateTo(3, db);
    // Drafts: no year, no numbers, any number of them.
    const draft = run(`INSERT INTO briefings (month, status, created_at, updated_at) VALUES ('2024-03', '草稿', ?, ?)`, AT, AT);
    run(`INSERT INTO briefings (month, status, created_at, updated_at) VALUES ('2024-03', '草稿', ?, ?)`, AT, AT);
    expect(db.prepare('SELECT show_toc, articles, year, issue_no FROM briefings WHERE id = ?').get(draft))
      .toEqual({ show_toc: 1, articles: '[]', year: null, issue_no: null });
    run(`INSERT INTO briefings (month, status, year, issue_no, total_no, issue_date, created_at, updated_at)
      VALUES ('2024-03', '已印发', 2024, 1, 12, '2024-04-02', ?, ?)`, AT, AT);
    expect(() => run(`INSERT INTO briefings (month, status, year, issue_no, total_no, created_at, updated_at)
      VALUES ('2024-04', '已印发', 2024, 1, 13, ?, ?)`, AT, AT)).toThrow(/UNIQUE constraint failed: briefings.year, briefings.issue_no/);
    expect(() => run(`INSERT INTO briefings (month, status, year, issue_no, total_no, created_at, updated_at)
      VALUES ('2025-01', '已印发', 2025, 1, 12, ?, ?)`, AT, AT)).toThrow(/UNIQUE constraint failed: briefings.total_no/);
    run(`INSERT INTO briefings (month, status, year, issue_no, total_no, created_at, updated_at) VALUES ('2025-01', '已印发', 2025, 1, 13, ?, ?)`, AT, AT);
    expect(() => run(`INSERT INTO briefings (month, status, docx_hash, created_at, updated_at) VALUES ('2024-05', '草稿', 'nohash', ?, ?)`, AT, AT))
      .toThrow(/FOREIGN KEY/);

    run(`INSERT INTO chronicle_rejections (year, source_kind, source_id) VALUES (2024, 'visit', 1)`);
    expect(() => run(`INSERT INTO chronicle_rejections (year, source_kind, source_id) VALUES (2024, 'visit', 1)`)).toThrow(/UNIQUE|PRIMARY KEY/);

    const piece = run(`INSERT INTO pieces (kind, title, year, status, created_at, updated_at) VALUES ('案例', '一所乡村小学的变化', 2024, '草稿', ?, ?)`, AT, AT);
    expect(db.prepare('SELECT body, body_text FROM pieces WHERE id = ?').get(piece)).toEqual({ body: '[]', body_text: '' });
    const coll = run(`INSERT INTO collections (title, kind, year, created_at, updated_at) VALUES ('2024年督导案例集', '案例集', 2024, ?, ?)`, AT, AT);
    run('INSERT INTO collection_pieces (collection_id, piece_id, seq) VALUES (?, ?, 1)', coll, piece);
    db.prepare('DELETE FROM collections WHERE id = ?').run(coll);
    expect(db.prepare('SELECT count(*) FROM collection_pieces').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM pieces').pluck().get()).toBe(1);
  });

  it('indexes a piece\'s title, author and text for search, as written, changed and removed', () => {
    const { sup, school } = version2();
    migrateTo(3, db);
    const piece = run(`INSERT INTO pieces (kind, title, author_id, author_name, school_id, year, status, body_text, created_at, updated_at)
      VALUES ('案例', '一所乡村小学的变化', ?, '张明', ?, 2024, '草稿', '三年来，学校的课后服务从无到有。', ?, ?)`, sup, school, AT, AT);
    const anonymous = run(`INSERT INTO pieces (kind, title, author_name, year, status, created_at, updated_at)
      VALUES ('随笔', '督学手记', NULL, 2024, '草稿', ?, ?)`, AT, AT);
    expect(db.prepare('SELECT text FROM pieces_fts WHERE rowid = ?').pluck().get(piece)).toBe('一所乡村小学的变化 张明 三年来，学校的课后服务从无到有。');
    expect(db.prepare('SELECT text FROM pieces_fts WHERE rowid = ?').pluck().get(anonymous)).toBe('督学手记 ');
    expect(match('课后服务')).toEqual([piece]);
    db.prepare(`UPDATE pieces SET body_text = '食堂改造后，学生满意度明显提高。' WHERE id = ?`).run(piece);
    expect(match('课后服务')).toEqual([]);
    expect(match('满意度')).toEqual([piece]);
    db.prepare('DELETE FROM pieces WHERE id = ?').run(piece);
    expect(match('满意度')).toEqual([]);
    expect(match('督学手记')).toEqual([anonymous]);
  });
});
