/**
 * The archive's own names, which a document's title keeps whole when it breaks (electron/documents/
 * title-lines.ts): the office, the briefing's name, the schools (full and short names) and the zones.
 */
import type { Store } from './store';
import { getSettings } from './settings';
import { sql } from './sql';
import { values } from './statements';

export function titleWords(a: Store): string[] {
  const s = getSettings(a);
  const names = values<string>(a, sql`SELECT full_name FROM schools WHERE deleted_at IS NULL
    UNION SELECT short_name FROM schools WHERE deleted_at IS NULL AND short_name IS NOT NULL
    UNION SELECT name FROM zones WHERE deleted_at IS NULL`);
  return [s.officeName, s.briefingName, ...names].filter((n) => n && [...n].length >= 2);
}
