// Run Electronegativity over electron/ and fail on any finding that security/electronegativity.md does
// not explain. Usage: node scripts/electronegativity.mjs  (npm run security)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import run from '@doyensec/electronegativity';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const explanations = path.join(root, 'security', 'electronegativity.md');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');

/** Rows of the table: | `CHECK` | `file` | explanation | */
const explained = new Map();
for (const line of fs.readFileSync(explanations, 'utf8').split('\n')) {
  const m = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
  if (m && m[3].length >= 20) explained.set(`${m[1]} ${m[2]}`, m[3]);
}

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

const files = (i) => (i.file || 'N/A').split(path.sep).join('/');
const unexplained = result.issues.filter((i) => !explained.has(`${i.id} ${files(i)}`));
const seen = new Set(result.issues.map((i) => `${i.id} ${files(i)}`));
for (const key of explained.keys()) if (!seen.has(key)) console.warn(`提示：${key} 已不再出现，可从 security/electronegativity.md 删除。`);

console.log(`Electronegativity ${result.globalChecks + result.atomicChecks} 项检查（Electron ${electronVersion}）：${result.issues.length} 个发现，${result.issues.length - unexplained.length} 个已说明。`);
if (result.errors.length) {
  for (const e of result.errors) console.error(`无法分析 ${e.file}: ${e.message ?? e.error ?? JSON.stringify(e)}`);
  process.exit(1);
}
if (unexplained.length) {
  console.error('以下发现没有在 security/electronegativity.md 中说明（修复它，或在表中写明为什么可以接受）：');
  for (const i of unexplained) {
    console.error(`  ${i.id}  ${files(i)}:${i.location.line}:${i.location.column}  ${i.description}\n    ${String(i.sample ?? '').slice(0, 160)}`);
  }
  process.exit(1);
}
