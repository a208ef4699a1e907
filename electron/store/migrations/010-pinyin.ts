import type { Migration } from './index';
import { pinyinInitials, pinyinKey, schoolInitials } from '../pinyin';

// People and schools in pinyin order (see ../pinyin.ts): each name's sort key and initials are stored
// beside it, written by the repositories on every save and import, and filled in here for the rows
// already there (soft-deleted ones too, so a restored row sorts right). The live-list indexes lead
// with the key, as schools_live and supervisors_live led with the name: the 学校 order of the 督导记录
// and the 问题整改台账 walks live schools along schools_live_pinyin.
//
// The keys come from a JavaScript library, not from SQL, so there is no trigger to keep them: a row
// written by plain SQL gets '' (it sorts first) until it is saved again. The fill below is a plain
// UPDATE of two columns, which the FTS triggers (001, any update) answer by re-indexing the same text.
export const m010Pinyin: Migration = {
  version: 10,
  name: 'pinyin',
  up(db) {
    db.exec(`
      ALTER TABLE supervisors ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
      ALTER TABLE supervisors ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
      ALTER TABLE schools ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
      ALTER TABLE schools ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
    `);
    const people = db.prepare('SELECT id, name FROM supervisors').all() as { id: number; name: string }[];
    const setPerson = db.prepare('UPDATE supervisors SET name_pinyin = ?, name_initials = ? WHERE id = ?');
    for (const p of people) setPerson.run(pinyinKey(p.name, 'person'), pinyinInitials(p.name, 'person'), p.id);
    const schools = db.prepare('SELECT id, full_name AS fullName, short_name AS shortName FROM schools').all() as
      { id: number; fullName: string; shortName: string | null }[];
    const setSchool = db.prepare('UPDATE schools SET name_pinyin = ?, name_initials = ? WHERE id = ?');
    for (const s of schools) setSchool.run(pinyinKey(s.fullName, 'place'), schoolInitials(s.fullName, s.shortName), s.id);
    db.exec(`
      CREATE INDEX supervisors_live_pinyin ON supervisors(deleted_at, name_pinyin);
      CREATE INDEX schools_live_pinyin ON schools(deleted_at, name_pinyin);
    `);
  },
};
