import fs from 'node:fs';
import { it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from './index';
import { ZipReader } from '../documents/zip';

it('writes samples', async () => {
  const a = await tempStore({ init: 'demo' });
  const out = '/tmp/render-sup';
  fs.mkdirSync(out, { recursive: true });
  const w = (f: { fileName: string; data: string }, name: string) => fs.writeFileSync(`${out}/${name}`, Buffer.from(f.data, 'base64'));
  const year = new Date().getFullYear();
  const sup = (await call(a, 'supervisors.list', { limit: 50 })).rows.find((s) => s.schoolCount > 2)!;
  const zip = await call(a, 'visitForms.templates', { supervisorIds: [sup.id], from: '2026-09-01', to: '2027-01-31' });
  const z = await ZipReader.open(Buffer.from(zip.data, 'base64'));
  for (const n of z.fileNames()) fs.writeFileSync(`${out}/${n.endsWith('.docx') ? 'visit-form.docx' : 'visit-form.xlsx'}`, (await z.bytes(n))!);
  const t = (await call(a, 'trainings.list', { year })).find((x) => x.kind === '会议' && x.minutes)!;
  w(await call(a, 'trainings.signInSheet', { id: t.id }), 'signin.docx');
  const [x] = await call(a, 'assessments.list', {});
  const full = await call(a, 'assessments.get', { id: x.id });
  const adjusted = full.rows.find((r) => r.items.some((i) => i.adjustment !== null)) ?? full.rows[0];
  w(await call(a, 'assessments.exportSheets', { id: x.id, supervisorId: adjusted.supervisorId }), 'sheet.docx');
  w(await call(a, 'assessments.exportSummary', { id: x.id, format: 'docx' }), 'summary.docx');
  a.dispose();
}, 120_000);
