import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, keyed, match, parseExplanations, suggestRow, type Issue } from './electronegativity-explained.mjs';

// How security/electronegativity.md's rows are matched to findings (scripts/electronegativity.mjs):
// by check, file and the finding's code — not by check and file alone.

const issue = (id: string, file: string, sample: string, line: number): Issue => ({ id, file, sample, location: { line, column: 0 } });
const file = (i: Issue) => i.file ?? 'N/A';
const OPEN = 'shell.openExternal(safe).catch((e) => console.warn(`could not open ${safe}`, e));';

function table(findings: ReturnType<typeof keyed>): string {
  return findings.map((f) => suggestRow(f).replace('（为什么可以接受）', 'Checked: only parsed https: URLs get here.')).join('\n');
}

describe('electronegativity explanations', () => {
  const explained = keyed([issue('OPEN_EXTERNAL_JS_CHECK', 'main/guards.ts', OPEN, 43)], file);
  const rows = parseExplanations(`| Check | File | Fingerprint | Code | Why |\n|---|---|---|---|---|\n${table(explained)}`);

  it('reads the rows back, pipes and backticks in the code included', () => {
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/guards.ts', fingerprint: explained[0].fingerprint });
    const piped = keyed([issue('X_CHECK', 'a.ts', 'a || b', 1)], file);
    expect(parseExplanations(table(piped))[0].code).toBe('`a || b`');
  });

  it('still explains the finding after the code moves or is reindented', () => {
    const moved = keyed([issue('OPEN_EXTERNAL_JS_CHECK', 'main/guards.ts', `   ${OPEN.replace(' => ', '  =>\t')}`, 90)], file);
    expect(match(moved, rows)).toEqual({ unexplained: [], stale: [] });
  });

  it('does not explain a new finding of an explained check in an explained file', () => {
    const added = keyed([
      issue('OPEN_EXTERNAL_JS_CHECK', 'main/guards.ts', OPEN, 43),
      issue('OPEN_EXTERNAL_JS_CHECK', 'main/guards.ts', 'void shell.openExternal(url);', 47),
    ], file);
    expect(match(added, rows).unexplained.map((f) => f.code)).toEqual(['void shell.openExternal(url);']);
  });

  it('does not explain an identical copy of an explained line, nor a changed line', () => {
    const copied = keyed([issue('OPEN_EXTERNAL_JS_CHECK', 'main/guards.ts', OPEN, 43), issue('OPEN_EXTERNAL_JS_CHECK', 'main/guards.ts', OPEN, 80)], file);
    expect(match(copied, rows).unexplained.map((f) => f.occurrence)).toEqual([2]);
    const changed = keyed([issue('OPEN_EXTERNAL_JS_CHECK', 'main/guards.ts', OPEN.replace('safe', 'url'), 43)], file);
    expect(match(changed, rows)).toMatchObject({ unexplained: [{ code: OPEN.replace('safe', 'url') }], stale: [rows[0]] });
  });

  it('keys on check and file too', () => {
    expect(fingerprint('A', 'x.ts', 'code', 1)).not.toBe(fingerprint('B', 'x.ts', 'code', 1));
    expect(fingerprint('A', 'x.ts', 'code', 1)).not.toBe(fingerprint('A', 'y.ts', 'code', 1));
  });

  it('the checked-in table has a row with a fingerprint for each explanation', () => {
    const md = fs.readFileSync(path.join(__dirname, '..', 'security', 'electronegativity.md'), 'utf8');
    const checked = parseExplanations(md);
    expect(checked.length).toBeGreaterThanOrEqual(4);
    expect(md.split('\n').filter((l) => /^\| `[A-Z_]+`/.test(l))).toHaveLength(checked.length);
  });
});
