// Which Electronegativity findings security/electronegativity.md explains. A row names one finding
// by its check, its file and a fingerprint of its code: the source line Electronegativity reports,
// whitespace-normalised, and which occurrence of that same line in that file it is. So a row survives
// the code moving about (line numbers are not part of it) and reformatting, but a new finding of an
// explained check in an explained file — another openExternal, a second BrowserWindow, even an
// identical copy of an explained line — has no row and fails `npm run security`.
import crypto from 'node:crypto';

/** The source line of a finding, as matched: runs of whitespace made one space. */
export function normalizeCode(sample) {
  return String(sample ?? '').replace(/\s+/g, ' ').trim();
}

/** 12 hex digits over check, file, code and occurrence (1 for the first such line in the file). */
export function fingerprint(id, file, code, occurrence) {
  return crypto.createHash('sha256').update(`${id}\n${file}\n${normalizeCode(code)}\n${occurrence}`).digest('hex').slice(0, 12);
}

/**
 * Each finding with its file (forward slashes), code, occurrence and fingerprint. Occurrences count
 * identical lines of one check in one file in line order.
 */
export function keyed(issues, fileOf) {
  const seen = new Map();
  return [...issues]
    .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0))
    .map((issue) => {
      const file = fileOf(issue);
      const code = normalizeCode(issue.sample);
      const k = `${issue.id}\n${file}\n${code}`;
      const occurrence = (seen.get(k) ?? 0) + 1;
      seen.set(k, occurrence);
      return { issue, id: issue.id, file, code, occurrence, fingerprint: fingerprint(issue.id, file, code, occurrence) };
    });
}

/** Split a Markdown table row on its unescaped pipes. */
function cells(line) {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/**
 * Rows of the explanation table: | `CHECK` | `file` | `fingerprint` | code | why (20+ characters) |.
 * The code column is for the reader; the fingerprint is what is matched.
 */
export function parseExplanations(markdown) {
  const rows = [];
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const c = cells(line);
    if (c.length !== 5) continue;
    const id = /^`([A-Z0-9_]+)`$/.exec(c[0]);
    const file = /^`([^`]+)`$/.exec(c[1]);
    const fp = /^`([0-9a-f]{12})`$/.exec(c[2]);
    if (id && file && fp && c[4].length >= 20) rows.push({ id: id[1], file: file[1], fingerprint: fp[1], code: c[3], why: c[4] });
  }
  return rows;
}

/** The findings no row explains, and the rows no finding matches any more. */
export function match(findings, rows) {
  const key = (x) => `${x.id} ${x.file} ${x.fingerprint}`;
  const explained = new Set(rows.map(key));
  const found = new Set(findings.map(key));
  return {
    unexplained: findings.filter((f) => !explained.has(key(f))),
    stale: rows.filter((r) => !found.has(key(r))),
  };
}

/** A table row to paste for a finding (after writing why it is acceptable). */
export function suggestRow(f) {
  const code = f.code ? `\`${f.code.replace(/`/g, "'").replace(/\|/g, '\\|')}\`` : '—';
  return `| \`${f.id}\` | \`${f.file}\` | \`${f.fingerprint}\` | ${code} | （为什么可以接受） |`;
}
