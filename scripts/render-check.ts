/**
 * Renders a sample of every Word builder to look at: .docx → LibreOffice PDF → page PNGs and page text,
 * via ../shared/tools/render-docx.sh. Usage, from the repository root:
 *   npx tsx scripts/render-check.ts [OUTDIR] [NAME…]   (OUTDIR default /tmp/render-check; NAMEs: briefing, notice …)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Document } from 'docx';
import { buildBriefing } from '../electron/documents/briefing';
import { buildCalendar } from '../electron/documents/calendar';
import { buildChronicle } from '../electron/documents/chronicle';
import { buildCollection } from '../electron/documents/collection';
import { buildNotice, buildReferral } from '../electron/documents/notice';
import { toDocx } from '../electron/documents/pack';
import {
  sampleBriefing, sampleCalendar, sampleChronicle, sampleCollection, sampleContext, sampleNotice, sampleReferral,
} from '../electron/testing/samples';

const out = path.resolve(process.argv[2] ?? '/tmp/render-check');
// Run from the repository root: the render script lives beside the checkout, in ../shared/tools.
const script = path.resolve('../shared/tools/render-docx.sh');
const ctx = sampleContext();
const docs: Record<string, Document> = {
  briefing: buildBriefing(sampleBriefing(true), ctx),
  chronicle: buildChronicle(sampleChronicle('list'), ctx),
  'chronicle-table': buildChronicle(sampleChronicle('table'), ctx),
  collection: buildCollection(sampleCollection(), ctx),
  notice: buildNotice(sampleNotice(), ctx),
  referral: buildReferral(sampleReferral(), ctx),
  calendar: buildCalendar(sampleCalendar(), ctx),
  'calendar-landscape': buildCalendar(sampleCalendar({ landscape: true, columns: ['timing', 'responsibility', 'status', 'note'] }), ctx),
};
const only = process.argv.slice(3);

async function main() {
  fs.mkdirSync(out, { recursive: true });
  for (const [name, doc] of Object.entries(docs)) {
    if (only.length && !only.includes(name)) continue;
    const file = path.join(out, `${name}.docx`);
    fs.writeFileSync(file, await toDocx(doc));
    execFileSync('bash', [script, file, path.join(out, name)], { stdio: 'inherit' });
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
