import type { Store } from '../store/store';
import { nowText } from '../../shared/dates';
import { insertSchool } from '../store/schools';
import { pinyinInitials, pinyinKey } from '../store/pinyin';
import { insertZone } from '../store/zones';
import { schoolFields } from '../../shared/schemas/school';
import type { z } from 'zod';

// Test-only helpers that put rows in an archive directly, so a test depends only on the code it tests.

export interface SupervisorSeed {
  name: string;
  category?: string;
  mobile?: string | null;
  photo?: string | null;
  status?: string;
}

/** A supervisor row written with plain SQL (not through the supervisors repository). */
export function seedSupervisor(a: Store, s: SupervisorSeed): number {
  const at = nowText();
  const res = a.db.prepare(`INSERT INTO supervisors (name, mobile, status, category, photo, name_pinyin, name_initials, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(s.name, s.mobile ?? null, s.status ?? '在聘', s.category ?? '兼职督学', s.photo ?? null,
    pinyinKey(s.name, 'person'), pinyinInitials(s.name, 'person'), at, at);
  return Number(res.lastInsertRowid);
}

/** Soft-delete a row the way the 回收站 does, without a bin entry. */
export function softDelete(a: Store, table: 'supervisors' | 'schools' | 'zones' | 'assignments', id: number): void {
  a.db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(nowText(), id);
}

/** A school through the repository; only 全称 and 学段/类型 are needed, the rest takes schema defaults. */
export function seedSchool(a: Store, f: z.input<typeof schoolFields>): number {
  return insertSchool(a, schoolFields.parse(f));
}

export function seedZone(a: Store, name: string, leaderId: number | null = null): number {
  return insertZone(a, { name, leaderId, notes: null });
}
