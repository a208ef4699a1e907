import type { Rng } from './random';
import { AREA_CODE, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './pools';

/** A Chinese name: mostly one surname character and one or two given-name characters. */
export function personName(rng: Rng, gender: '男' | '女'): string {
  const pool = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
  const surname = rng.chance(0.02) ? rng.pick(SURNAMES.slice(-2)) : rng.pick(SURNAMES.slice(0, -2));
  let first = rng.pick(pool);
  while (first === surname) first = rng.pick(pool);
  if (rng.chance(0.35)) return surname + first;
  let second = rng.pick(pool);
  while (second === first || second === surname) second = rng.pick(pool);
  return surname + first + second;
}

/** A name not yet in `used` (which it then joins). */
export function uniquePersonName(rng: Rng, gender: '男' | '女', used: Set<string>): string {
  for (;;) {
    const n = personName(rng, gender);
    if (!used.has(n)) { used.add(n); return n; }
  }
}

export function mobileNumber(rng: Rng, used: Set<string>): string {
  for (;;) {
    const prefix = rng.pick(['13', '15', '18', '17', '19']);
    let rest = '';
    for (let i = 0; i < 9; i++) rest += String(rng.int(0, 9));
    const m = prefix + rest;
    if (!used.has(m)) { used.add(m); return m; }
  }
}

export function officePhone(rng: Rng): string {
  let rest = String(rng.int(2, 8));
  for (let i = 0; i < 6; i++) rest += String(rng.int(0, 9));
  return `${AREA_CODE}-${rest}`;
}

/** Local-calendar date helpers (the archive stores plain 'YYYY-MM-DD'). */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

export function addYears(d: Date, years: number): Date {
  return new Date(d.getFullYear() + years, d.getMonth(), d.getDate());
}
