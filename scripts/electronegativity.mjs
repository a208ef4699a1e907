// Run Electronegativity over electron/ and fail on any finding that security/electronegativity.md does
// not explain. A row explains one finding: its check, file and code (electronegativity-explained.mjs).
// Usage: node scripts/electronegativity.mjs  (npm run security)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import run from '@doyensec/electronegativity';
import { keyed, match, parseExplanations, suggestRow } from './electronegativity-explained.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const explanations = path.join(root, 'security', 'electronegativity.md');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');

const rows = parseExplanations(fs.readFileSync(explanations, 'utf8'));

// The translation and release-list downloads print noise offline; keep the output to our report.
const log = console.log;
console.log = () => {};
let result;
try {
  result = await run({
    input: path.join(root, 'electron'),
    isRelative: true,
    electronVersionOverride: electronVersion,
    // Needs GitHub (Electron's release list); see the explanation file.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  console.log = log;
}

const findings = keyed(result.issues, (i) => (i.file || 'N/A').split(path.sep).join('/'));
const { unexplained, stale } = match(findings, rows);
for (const r of stale) console.warn(`提示：${r.id} ${r.file} ${r.fingerprint}（${r.code}）已不再出现，可从 security/electronegativity.md 删除。`);

console.log(`Electronegativity ${result.globalChecks + result.atomicChecks} 项检查（Electron ${electronVersion}）：${result.issues.length} 个发现，${result.issues.length - unexplained.length} 个已说明。`);
if (result.errors.length) {
  for (const e of result.errors) console.error(`无法分析 ${e.file}: ${e.message ?? e.error ?? JSON.stringify(e)}`);
  process.exit(1);
}
if (unexplained.length) {
  console.error('以下发现没有在 security/electronegativity.md 中说明（修复它，或在表中加一行写明为什么可以接受）：');
  for (const f of unexplained) {
    const i = f.issue;
    console.error(`  ${i.id}  ${f.file}:${i.location.line}:${i.location.column}  ${i.description}\n    ${f.code.slice(0, 160)}\n    ${suggestRow(f)}`);
  }
  process.exit(1);
}
