import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, emptyDb, indexOf, migrateTo, objectNames, tableKind, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const insertSchool = (full: string, more: Record<string, unknown> = {}) => {
  const cols = ['full_name', 'type', 'nature', 'created_at', 'updated_at', ...Object.keys(more)];
  return Number(db.prepare(`INSERT INTO schools (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    .run(full, '小学', '公办', AT, AT, ...Object.values(more)).lastInsertRowid);
};
const insertSupervisor = (name: string, more: Record<string, unknown> = {}) => {
  const cols = ['name', 'status', 'category', 'created_at', 'updated_at', ...Object.keys(more)];
  return Number(db.prepare(`INSERT INTO supervisors (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    .run(name, '在聘', '兼职督学', AT, AT, ...Object.values(more)).lastInsertRowid);
};
const match = (fts: string, q: string) => db.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid`).pluck().all(`"${q}"`);

describe('migration 001 (foundation), from an empty database', () => {
  it('creates the registers, settings, recycle bin, audit log, attachments and their search, all STRICT', () => {
    db = emptyDb();
    expect(userVersion(db)).toBe(0);
    migrateTo(1, db);
    expect(userVersion(db)).toBe(1);

    const tables = ['assignments', 'attachments', 'audit_log', 'recycle_bin', 'schools', 'settings', 'supervisors', 'zones'];
    expect(objectNames(db, 'table')).toEqual([...tables, 'schools_fts', 'supervisors_fts'].sort());
    for (const t of tables) expect(tableKind(db, t), t).toEqual({ strict: true, withoutRowid: false });
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'schools_fts'`).pluck().get()).toMatch(/fts5\(text, tokenize = 'trigram'\)/);

    expect(columns(db, 'zones')).toEqual(['id INTEGER PK', 'name TEXT NOT NULL', 'leader_id INTEGER', 'notes TEXT',
      'created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(columns(db, 'schools')).toEqual(['id INTEGER PK', 'full_name TEXT NOT NULL', 'short_name TEXT', 'type TEXT NOT NULL',
      'nature TEXT NOT NULL', 'urban_rural TEXT', 'address TEXT', 'principal TEXT', 'phone TEXT', 'students INTEGER', 'teachers INTEGER',
      'zone_id INTEGER', 'notes TEXT', 'created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(columns(db, 'supervisors')).toHaveLength(22);
    expect(columns(db, 'supervisors')).toEqual(expect.arrayContaining(['cert_no TEXT', 'status TEXT NOT NULL', 'category TEXT NOT NULL', 'photo TEXT', 'deleted_at TEXT']));
    expect(columns(db, 'assignments')).toEqual(['id INTEGER PK', 'school_id INTEGER NOT NULL', 'supervisor_id INTEGER NOT NULL',
      'role TEXT NOT NULL', 'created_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(columns(db, 'settings')).toEqual(['key TEXT NOT NULL PK', 'value TEXT NOT NULL']);
    expect(columns(db, 'recycle_bin')).toEqual(['id INTEGER PK', 'kind TEXT NOT NULL', 'entity_id INTEGER NOT NULL', 'title TEXT NOT NULL',
      'deleted_at TEXT NOT NULL', 'deleted_by TEXT NOT NULL']);
    expect(columns(db, 'audit_log')).toEqual(['id INTEGER PK', 'at TEXT NOT NULL', 'actor TEXT NOT NULL', 'action TEXT NOT NULL',
      'kind TEXT NOT NULL', 'entity_id INTEGER', 'summary TEXT NOT NULL', 'detail TEXT']);
    expect(columns(db, 'attachments')).toEqual(['hash TEXT NOT NULL PK', 'file_name TEXT NOT NULL', 'mime TEXT NOT NULL', 'size INTEGER NOT NULL', 'created_at TEXT NOT NULL']);

    expect(objectNames(db, 'index')).toEqual(['assignments_school', 'assignments_supervisor', 'assignments_unique', 'audit_kind',
      'recycle_entity', 'schools_live', 'schools_name', 'schools_zone', 'supervisors_cert', 'supervisors_live', 'zones_name']);
    expect(indexOf(db, 'zones_name')).toEqual({ table: 'zones', columns: ['name'], unique: true, partial: true });
    expect(indexOf(db, 'schools_name')).toEqual({ table: 'schools', columns: ['full_name'], unique: true, partial: true });
    expect(indexOf(db, 'schools_live')).toEqual({ table: 'schools', columns: ['deleted_at', 'full_name'], unique: false, partial: false });
    expect(indexOf(db, 'supervisors_cert')).toEqual({ table: 'supervisors', columns: ['cert_no'], unique: true, partial: true });
    expect(indexOf(db, 'assignments_unique')).toEqual({ table: 'assignments', columns: ['school_id', 'supervisor_id', 'role'], unique: true, partial: true });
    expect(indexOf(db, 'audit_kind').columns).toEqual(['kind', 'id']);

    expect(objectNames(db, 'trigger')).toEqual(['schools_fts_ad', 'schools_fts_ai', 'schools_fts_au',
      'supervisors_fts_ad', 'supervisors_fts_ai', 'supervisors_fts_au']);
  });

  it('keeps names unique among live rows only, and refuses values of the wrong type', () => {
    db = migrateTo(1);
    const old = insertSchool('城关第一小学');
    expect(() => insertSchool('城关第一小学')).toThrow(/UNIQUE constraint failed: schools.full_name/);
    db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(AT, old);
    insertSchool('城关第一小学'); // the deleted one no longer holds the name

    insertSupervisor('张明', { cert_no: null });
    insertSupervisor('李华', { cert_no: null }); // many without a certificate number
    insertSupervisor('王芳', { cert_no: 'DX-001' });
    expect(() => insertSupervisor('赵强', { cert_no: 'DX-001' })).toThrow(/UNIQUE/);

    expect(() => insertSchool('青山小学', { students: '很多' })).toThrow(/cannot store TEXT value in INTEGER column schools.students/);
    expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, NULL)').run('x')).toThrow(/NOT NULL/);
  });

  it('unlinks a removed zone from its schools and removes a removed school\'s assignments (foreign keys on)', () => {
    db = migrateTo(1);
    const zone = Number(db.prepare(`INSERT INTO zones (name, created_at, updated_at) VALUES ('第一责任区', ?, ?)`).run(AT, AT).lastInsertRowid);
    const school = insertSchool('白沙镇中心小学', { zone_id: zone });
    const sup = insertSupervisor('张明');
    db.prepare(`INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, '责任督学', ?)`).run(school, sup, AT);
    expect(() => db.prepare(`INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (999, ?, '责任督学', ?)`).run(sup, AT))
      .toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM zones WHERE id = ?').run(zone);
    expect(db.prepare('SELECT zone_id FROM schools WHERE id = ?').pluck().get(school)).toBeNull();
    db.prepare('DELETE FROM schools WHERE id = ?').run(school);
    expect(db.prepare('SELECT count(*) FROM assignments').pluck().get()).toBe(0);
  });

  it('indexes supervisors and schools for search as they are written, changed and removed, skipping empty fields', () => {
    db = migrateTo(1);
    const sup = insertSupervisor('欧阳明华', { unit: '县教育局督导室', subject: null, mobile: '13800001111', notes: '擅长校园安全' });
    const school = insertSchool('青山乡中心小学', { address: '青山乡东风路12号', principal: null, notes: '食堂改造' });
    expect(db.prepare('SELECT text FROM supervisors_fts WHERE rowid = ?').pluck().get(sup))
      .toBe('欧阳明华 县教育局督导室 13800001111 兼职督学 擅长校园安全');
    expect(db.prepare('SELECT text FROM schools_fts WHERE rowid = ?').pluck().get(school)).toBe('青山乡中心小学 青山乡东风路12号 食堂改造');
    expect(match('supervisors_fts', '督导室')).toEqual([sup]);
    expect(match('supervisors_fts', '00001111')).toEqual([sup]);
    expect(match('schools_fts', '东风路')).toEqual([school]);

    // 001's update triggers fire on any update.
    db.prepare(`UPDATE schools SET notes = '新建操场' WHERE id = ?`).run(school);
    expect(match('schools_fts', '食堂改')).toEqual([]);
    expect(match('schools_fts', '新建操')).toEqual([school]);
    db.prepare(`UPDATE supervisors SET status = '解聘', name = '欧阳明' WHERE id = ?`).run(sup);
    expect(match('supervisors_fts', '欧阳明华')).toEqual([]);
    expect(match('supervisors_fts', '欧阳明')).toEqual([sup]);
    // A soft delete keeps the row indexed (the 回收站 can restore it); a hard delete removes it.
    db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(AT, school);
    expect(match('schools_fts', '青山乡')).toEqual([school]);
    db.prepare('DELETE FROM schools WHERE id = ?').run(school);
    db.prepare('DELETE FROM supervisors WHERE id = ?').run(sup);
    expect(db.prepare('SELECT count(*) FROM schools_fts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM supervisors_fts').pluck().get()).toBe(0);
  });
});
