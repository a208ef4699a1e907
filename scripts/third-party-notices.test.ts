import fs from 'node:fs';
import { expect, it } from 'vitest';
import { buildNotices, NOTICES_FILE } from './third-party-notices';

it('resources/licenses/THIRD-PARTY-NOTICES.txt is what the installed packages give (else: npm run notices)', () => {
  const text = buildNotices();
  for (const p of ['better-sqlite3', 'docx', 'exceljs', 'jszip', 'mammoth', 'zod', 'react', '@mantine/core']) {
    expect(text, p).toMatch(new RegExp(`^${p.replace(/[/.]/g, '\\$&')}@\\d`, 'm'));
  }
  // Compared as a whole (a diff of half a megabyte helps nobody): regenerate and look at git diff.
  expect(fs.readFileSync(NOTICES_FILE, 'utf8') === text, 'THIRD-PARTY-NOTICES.txt is out of date: run npm run notices').toBe(true);
});
