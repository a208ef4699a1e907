import fc from 'fast-check';
import type { z } from 'zod';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes, uploaded } from '../testing/files';
import { samplePng } from '../testing/samples';
import { arbitraryOf, type Hints } from '../testing/zod-arbitrary';
import { call, dispatch } from '.';
import { runningJob } from './jobs';
import { listBackups } from '../store/restore';
import { contract, channels, type Channel } from '../../shared/contract';
import { parseInput } from '../../shared/validation';
import { REOPEN_CONFIRM } from '../../shared/schemas/year-close';
import type { UploadKind } from '../../shared/schemas/files';
import type { Settings } from '../../shared/schemas/settings';
import { autoBackup } from '../store/backups';
import type { Store } from '../store/store';
import { DEFAULT_SCHEME } from '../../shared/schemas/assessment';

// Every channel gets schema-VALID random input over the demo county's archive, so the handlers really
// run: the inputs are derived from the contract's zod schemas (testing/zod-arbitrary.ts), ids drawn
// mostly from the records of the right kind that exist at that moment, dates that exist, received files
// of each kind. After each call: no 'internal' error, and a call that changed rows has its audit line.
// After each batch: integrity_check ok and foreign_key_check empty. Reproduce a failure with the seed it
// prints: FUZZ_SEED=<seed> npx vitest run electron/api/fuzz-valid.test.ts (FUZZ_DEBUG=1 also prints every
// refusal and what each channel answered, to see which handlers the inputs reach).

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const ROUNDS = 15;
const BATCH = 25;

let a: Store & { dispose(): void };
let backupZip: Buffer;
let docx: Buffer;
let scoreSheet: Buffer;
beforeAll(async () => {
  a = await tempStore({ init: 'demo' });
  backupZip = await offeredBytes(a, finished(a, call(a, 'backups.createFile', {})));
  docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('2019年督导工作总结')] }] })));
  // What the demo county lacks, so the channels about it have something to find: cases, a collection, a backup.
  const piece = (title: string) => call(a, 'pieces.save', { fields: { title, kind: '案例', authorName: '王丽', year: 2026, body: [{ type: 'paragraph', runs: [{ text: `${title}的做法` }] }] } });
  const pieces = [await piece('责任区联动促整改'), await piece('课后服务督导')];
  await call(a, 'collections.save', { fields: { title: '2026年度督导案例集', kind: '案例', year: 2026, preface: [], pieceIds: pieces.map((p) => p.id) } });
  await autoBackup(a);
  scoreSheet = await offeredBytes(a, call(a, 'evaluations.exportScores', { id: (await call(a, 'evaluations.list', undefined))[0].id }));
}, 60_000);
afterAll(() => a?.dispose());

/** attachments.put only stores content by hash; the record that then names it logs the change. */
const WRITES_WITHOUT_LOG = new Set<Channel>(['attachments.put']);

/** Which records an id field names: by its key, and for a bare `id` by the channel's area. */
const KEY_TABLE: Record<string, string> = {
  schoolId: 'schools', schoolIds: 'schools', supervisorId: 'supervisors', supervisorIds: 'supervisors', leaderId: 'supervisors',
  authorId: 'supervisors', zoneId: 'zones', visitId: 'visits', problemId: 'problems', problemIds: 'problems', complaintId: 'complaints',
  noticeId: 'notices', calendarId: 'calendars', calendarItemId: 'calendar_items', itemId: 'calendar_items', pieceId: 'pieces',
  pieceIds: 'pieces', collectionId: 'collections', briefingId: 'briefings', sourceId: 'visits',
  campaignId: 'campaigns', unitId: 'units', setId: 'indicator_sets', indicatorId: 'eval_indicators',
};
const AREA_TABLE: Record<string, string> = {
  supervisors: 'supervisors', schools: 'schools', zones: 'zones', assignments: 'assignments', recycle: 'recycle_bin', visits: 'visits',
  problems: 'problems', notices: 'notices', complaints: 'complaints', briefings: 'briefings', chronicle: 'chronicle_entries',
  pieces: 'pieces', collections: 'collections', calendars: 'calendars', calendarItems: 'calendar_items', legacy: 'legacy_files',
  units: 'units', campaigns: 'campaigns', followups: 'followups', escalations: 'escalations', indicatorSets: 'indicator_sets', evaluations: 'eval_rounds',
};
const idTable = (ch: Channel, key: string | undefined) =>
  key === 'id' ? (ch === 'documents.notice' ? 'notices' : ch === 'documents.calendar' ? 'calendars' : AREA_TABLE[ch.split('.')[0]]) : key ? KEY_TABLE[key] : undefined;

const pad = (n: number) => String(n).padStart(2, '0');
const day = fc.date({ min: new Date(2024, 0, 1), max: new Date(2027, 11, 31), noInvalidDate: true })
  .map((d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
/** Strings the contract checks by pattern and then by calendar: made to exist, so the handler runs. */
const DATE_PATTERNS: Record<string, fc.Arbitrary<string>> = {
  [/^\d{4}-\d{2}-\d{2}$/.source]: day,
  [/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/.source]: fc.tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m]) => `${d} ${pad(h)}:${pad(m)}`),
  [/^\d{4}(-\d{2}(-\d{2})?)?$/.source]: fc.oneof(day, day.map((d) => d.slice(0, 7)), day.map((d) => d.slice(0, 4))),
  [/^\d{4}-(0[1-9]|1[0-2])$/.source]: day.map((d) => d.slice(0, 7)),
};

/** Which received files a channel takes. */
const UPLOADS: Partial<Record<Channel, UploadKind[]>> = {
  'attachments.put': ['photo', 'picture', 'attachment', 'file'], 'legacy.add': ['legacy'],
  'excel.previewImport': ['roster'], 'excel.commitImport': ['roster'], 'backups.restoreFile': ['backup'], 'evaluations.importScores': ['scores'],
};

interface World {
  ids: Map<string, number[]>;
  hashes: string[];
  backups: string[];
  uploads: Map<UploadKind, string>;
  jobs: string[];
  /** The office's lists (设置), which several fields must come from. */
  settings: Settings;
}

/** The archive as it is now: what ids, hashes, backups, received files and jobs exist to be named. */
async function world(jobs: string[]): Promise<World> {
  const ids = new Map<string, number[]>();
  for (const table of new Set([...Object.values(KEY_TABLE), ...Object.values(AREA_TABLE), 'notices', 'calendars'])) {
    ids.set(table, a.db.prepare(`SELECT id FROM ${table} ORDER BY random() LIMIT 50`).pluck().all() as number[]);
  }
  const uploads = new Map<UploadKind, string>();
  const give = async (kind: UploadKind, name: string, bytes: Buffer) => uploads.set(kind, await uploaded(a, kind, name, bytes));
  for (const kind of ['photo', 'picture', 'attachment', 'file'] as const) await give(kind, '现场.png', samplePng(64, 48));
  await give('legacy', '总结.docx', docx);
  await give('roster', '督学名册.xlsx', await offeredBytes(a, call(a, 'excel.exportRoster', { kind: 'supervisors' })));
  await give('backup', '备份.zip', backupZip);
  await give('scores', '评分表.xlsx', scoreSheet);
  return {
    ids,
    hashes: a.db.prepare('SELECT hash FROM attachments ORDER BY random() LIMIT 20').pluck().all() as string[],
    backups: listBackups(a).map((b) => b.name),
    uploads,
    jobs,
    settings: await call(a, 'settings.get', undefined),
  };
}

/** Mostly one of `known` (when there are any), sometimes whatever the schema allows. */
const mostly = <T>(known: T[], derived: fc.Arbitrary<unknown>) =>
  known.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: derived }) : undefined;

/** Whole inputs for channels whose schema random values seldom satisfy (cross-field rules), tried most of the time. */
const WHOLE_INPUTS: Partial<Record<Channel, unknown[]>> = {
  'assessments.saveScheme': [DEFAULT_SCHEME, { ...DEFAULT_SCHEME, title: '考核办法（修订）', categories: ['专职督学'] }],
};

function hintsFor(ch: Channel, w: World): Hints {
  const self: Hints = {
    override(schema: z.ZodType, key) {
      if (key === undefined && schema === contract[ch].input && WHOLE_INPUTS[ch]) {
        return mostly(WHOLE_INPUTS[ch], arbitraryOf(schema, { override: () => undefined }));
      }
      const d = (schema as unknown as { _zod: { def: { type: string; checks?: { _zod: { def: { pattern?: RegExp } } }[] } } })._zod.def;
      if (d.type === 'string') {
        const pattern = d.checks?.map((c) => c._zod.def.pattern).find(Boolean);
        if (pattern && DATE_PATTERNS[pattern.source]) return DATE_PATTERNS[pattern.source];
        const plain = () => arbitraryOf(schema, { override: () => undefined }, key);
        if (key === 'hash' || key === 'photo') return mostly(w.hashes, plain());
        if (key === 'uploadId') return mostly((UPLOADS[ch] ?? []).map((k) => w.uploads.get(k)!), plain());
        if (key === 'category') return mostly([...w.settings.supervisorCategories, ...w.settings.eightItems, '其他'], plain());
        if (key === 'topic') return mostly(w.settings.complaintTopics, plain());
        if (key === 'items' && ch === 'visits.save') return mostly(w.settings.eightItems, plain());
        if (key === 'jobId') return mostly(w.jobs, plain());
        if (key === 'confirm') return fc.constant(REOPEN_CONFIRM);
        if (key === 'name' && ch === 'backups.restoreAuto') return mostly(w.backups, plain());
      }
      if (d.type === 'array' && (key === 'supervisorCategories' || key === 'eightItems' || key === 'complaintTopics')) {
        return mostly([w.settings[key]], arbitraryOf(schema, { override: () => undefined }, key)); // removing a list's word in use is refused
      }
      if (d.type === 'number') {
        if (key === 'year') return fc.constantFrom(2024, 2025, 2026, 2027, 2000);
        const table = idTable(ch, key);
        if (table) return mostly(w.ids.get(table) ?? [], fc.integer({ min: 1, max: 2 ** 31 - 1 }));
      }
      return undefined;
    },
  };
  return self;
}

/** Valid for the channel exactly as dispatch judges it (the schema, and no control characters anywhere). */
function valid(ch: Channel, input: unknown): boolean {
  try {
    parseInput(contract[ch].input as z.ZodType, input);
    return true;
  } catch {
    return false;
  }
}

const auditMark = () => a.db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
/** Rows inserted, changed or deleted through this connection so far: a call that wrote anything moved it. */
const changes = () => a.db.prepare('SELECT total_changes()').pluck().get() as number;

async function jobsSettled(): Promise<void> {
  for (let i = 0; i < 3000 && runningJob(a); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('fuzz: schema-valid random input to every channel, over the demo archive', () => {
  it('never answers internal, keeps the archive sound, logs every accepted write', async () => {
    const problems: string[] = [];
    const answered = new Map<Channel, Record<string, number>>();
    const jobs: string[] = [];
    const rng = fc.sample(fc.integer(), { seed: SEED, numRuns: ROUNDS * channels.length + 1 });
    let calls = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = fc.sample(fc.shuffledSubarray([...channels], { minLength: channels.length }), { seed: SEED + round, numRuns: 1 })[0];
      let w = await world(jobs);
      for (const ch of order) {
        // Candidates drawn until one is valid, a bounded number (a filter that can never pass would spin forever).
        const arb = arbitraryOf(contract[ch].input as z.ZodType, hintsFor(ch, w));
        let input: unknown;
        let tries = 0;
        do input = fc.sample(arb, { seed: rng[calls] + tries, numRuns: 1 })[0]; while (!valid(ch, input) && ++tries < 200);
        if (tries === 200) {
          problems.push(`${ch}: no valid input in 200 tries; give it a hint (WHOLE_INPUTS or hintsFor)`);
          continue;
        }
        const before = { audit: auditMark(), changes: changes(), db: a.db };
        const res = await dispatch(a, ch, input);
        calls++;
        if (process.env.FUZZ_DEBUG && !res.ok) console.log('DBG', ch, res.error.code, res.error.message.slice(0, 120), String(JSON.stringify(input)).slice(0, 200));
        const tally = answered.get(ch) ?? {};
        tally[res.ok ? 'ok' : res.error.code] = (tally[res.ok ? 'ok' : res.error.code] ?? 0) + 1;
        answered.set(ch, tally);
        const shown = JSON.stringify(input)?.slice(0, 300);
        if (!res.ok && res.error.code === 'internal') problems.push(`${ch} ${shown}: internal — ${res.error.message}`);
        const job = res.ok && typeof (res.data as { jobId?: unknown })?.jobId === 'string' ? (res.data as { jobId: string }).jobId : null;
        if (job) jobs.push(job);
        // Whatever the channel, a call that wrote rows must have logged (a restore swaps the connection: its job logs).
        if (res.ok && a.db === before.db && changes() > before.changes && auditMark() <= before.audit && !WRITES_WITHOUT_LOG.has(ch)) {
          problems.push(`${ch} ${shown}: changed the archive without an audit line`);
        }
        if (calls % BATCH === 0) {
          await jobsSettled();
          for (const id of jobs.splice(0)) {
            const s = await dispatch(a, 'jobs.get', { jobId: id });
            if (s.ok && (s.data as { error?: { code: string; message: string } }).error?.code === 'internal') {
              problems.push(`job ${(s.data as { title: string }).title}: internal — ${(s.data as { error: { message: string } }).error.message}`);
            }
          }
          expect(a.db.pragma('integrity_check', { simple: true }), `seed ${SEED}`).toBe('ok');
          expect(a.db.pragma('foreign_key_check'), `seed ${SEED}`).toEqual([]);
          w = await world(jobs);
        }
        if (problems.length >= 10) break;
      }
      if (problems.length >= 10) break;
    }
    await jobsSettled();
    expect(problems, `FUZZ_SEED=${SEED}`).toEqual([]);
    if (process.env.FUZZ_DEBUG) console.log('SUMMARY', calls, [...answered].map(([c, t]) => `${c} ${JSON.stringify(t)}`).join('\n'));
    expect(calls).toBeGreaterThan(ROUNDS * channels.length * 0.9);
    // The handlers really ran: most channels answered ok at least once.
    const neverOk = channels.filter((ch) => !answered.get(ch)?.ok);
    expect(neverOk.length, `never answered ok: ${neverOk.join(', ')} (FUZZ_SEED=${SEED})`).toBeLessThan(channels.length / 5);
  }, 120_000);
});
