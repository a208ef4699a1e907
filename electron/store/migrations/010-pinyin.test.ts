import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, indexOf, migrateTo, plan, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const person = (name: string, deleted: string | null = null) =>
  run(`INSERT INTO supervisors (name, status, category, created_at, updated_at, deleted_at) VALUES (?, '在聘', '兼职督学', ?, ?, ?)`, name, AT, AT, deleted);
const school = (fullName: string, shortName: string | null = null, deleted: string | null = null) =>
  run(`INSERT INTO schools (full_name, short_name, type, nature, created_at, updated_at, deleted_at) VALUES (?, ?, '小学', '公办', ?, ?, ?)`,
    fullName, shortName, AT, AT, deleted);

describe('migration 010 (pinyin sort keys and initials)', () => {
  it('adds the columns and fills them for every person and school already there, soft-deleted ones too', () => {
    db = migrateTo(9);
    // Character-code order would be 丰 < 单 < 望 < 曾 < 柳 < 解 (U+4E30, 5355, 671B, 66FE, 67F3, 89E3).
    for (const n of ['望月明', '柳青', '丰子恺', '单雄信', '曾国强', '解小东', '仇英', '朴志勇', '区家明', '查良镛']) person(n);
    const gone = person('安然', AT);
    school('清河区第一小学', '清河一小');
    school('柳林镇中心小学', null);
    school('丰乐中学', '丰乐中学');
    school('白沙幼儿园', null, AT);
    migrateTo(10, db);
    expect(userVersion(db)).toBe(10);
    expect(columns(db, 'supervisors').slice(-2)).toEqual(["name_pinyin TEXT NOT NULL = ''", "name_initials TEXT NOT NULL = ''"]);
    expect(columns(db, 'schools').slice(-2)).toEqual(["name_pinyin TEXT NOT NULL = ''", "name_initials TEXT NOT NULL = ''"]);

    // Polyphonic surnames read as surnames: 单 shan, 曾 zeng, 解 xie, 仇 qiu, 朴 piao, 区 ou, 查 zha.
    expect(db.prepare('SELECT name FROM supervisors WHERE deleted_at IS NULL ORDER BY name_pinyin, id').pluck().all())
      .toEqual(['丰子恺', '柳青', '区家明', '朴志勇', '仇英', '单雄信', '望月明', '解小东', '曾国强', '查良镛']);
    expect(db.prepare('SELECT name_pinyin, name_initials FROM supervisors WHERE name = ?').get('单雄信'))
      .toEqual({ name_pinyin: 'shan4单 xiong2雄 xin4信', name_initials: 'sxx' });
    expect(db.prepare('SELECT name_initials FROM supervisors WHERE id = ?').pluck().get(gone)).toBe('ar');

    expect(db.prepare('SELECT full_name, name_initials FROM schools ORDER BY name_pinyin').all()).toEqual([
      { full_name: '白沙幼儿园', name_initials: 'bsyey' },
      { full_name: '丰乐中学', name_initials: 'flzx' }, // a short name equal to the full name adds nothing
      { full_name: '柳林镇中心小学', name_initials: 'llzzxxx' },
      { full_name: '清河区第一小学', name_initials: 'qhqdyxx qhyx' },
    ]);
  });

  it('indexes the live lists by the key: a page of people or schools in pinyin order is read along the index, no sort', () => {
    db = migrateTo(10);
    expect(indexOf(db, 'supervisors_live_pinyin').columns).toEqual(['deleted_at', 'name_pinyin']);
    expect(indexOf(db, 'schools_live_pinyin').columns).toEqual(['deleted_at', 'name_pinyin']);
    for (const [table, index] of [['supervisors', 'supervisors_live_pinyin'], ['schools', 'schools_live_pinyin']]) {
      const sql = `SELECT id FROM ${table} WHERE deleted_at IS NULL ORDER BY name_pinyin, id LIMIT 20 OFFSET 40`;
      expect(plan(db, sql)).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}`));
      expect(plan(db, sql)).not.toMatch(/TEMP B-TREE/);
    }
  });
});
