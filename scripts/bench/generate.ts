/**
 * The benchmark's ten-year archive of a large county, built with the demo generators (registers,
 * 行事历 and complaints, visits with problems, notices and 回查) and, for the writing that has no
 * generator (cases, briefings, chronicle), direct SQL over texts taken from the generated records.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../electron/store/store';
import { nowText } from '../../shared/dates';
import { DEMO_SETTINGS } from '../../electron/store/demo';
import { generateRegisters } from '../../electron/store/demo/registers';
import { generateCalendarAndComplaints } from '../../electron/store/demo/work-calendar';
import { generateVisitsAndProblems } from '../../electron/store/demo/work-visits';
import { createRng } from '../../electron/store/demo/random';
import { getSettings, markInitialized, putSettings } from '../../electron/store/settings';
import { audit } from '../../electron/store/log';
import { blocksText, type Block } from '../../shared/schemas/blocks';

export const BENCH_PARAMS = {
  schools: 300, supervisors: 200, zones: 15, seed: 2026,
  firstYear: 2017, lastYear: 2026, today: '2026-11-20',
  /** Regular visits per school per month: 1 in the first three years, then 2 → about 60,000 visits. */
  denseFrom: 2020,
  problemsPerVisit: 2.1,
  complaintsPerYear: 2000,
  cases: 5000, briefingsPerYear: 24, chroniclePerYear: 300, collectionSize: 100,
} as const;

export type BenchParams = typeof BENCH_PARAMS;

export interface GenerationReport {
  seconds: number;
  counts: Record<string, number>;
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function generateArchive(folder: string, p: BenchParams, log: (s: string) => void): Promise<GenerationReport> {
  fs.rmSync(folder, { recursive: true, force: true });
  const started = performance.now();
  const today = new Date(`${p.today}T12:00:00`);
  const a = await openStore(folder, { actor: 'bench' });
  try {
    a.db.transaction(() => {
      putSettings(a, { ...getSettings(a), ...DEMO_SETTINGS });
      generateRegisters(a, { schools: p.schools, supervisors: p.supervisors, zones: p.zones, seed: p.seed, today });
      markInitialized(a);
      audit(a, '初始化', 'archive', null, '载入性能测试档案', { ...p });
    })();
    log(`  registers: ${Math.round(performance.now() - started)} ms`);

    const dropDuplicateCalendars = a.db.prepare(`DELETE FROM calendars WHERE id IN (SELECT c.id FROM calendars c
      WHERE EXISTS (SELECT 1 FROM calendars o WHERE o.title = c.title AND o.id < c.id))`);
    for (let year = p.firstYear; year <= p.lastYear; year++) {
      const t = performance.now();
      generateCalendarAndComplaints(a, { year, seed: p.seed + year, complaints: p.complaintsPerYear, today });
      // Each year writes the 学年 before it and its 第一学期; a calendar written the year before is not written twice.
      dropDuplicateCalendars.run();
      const w = generateVisitsAndProblems(a, {
        year, seed: p.seed * 7 + year, today, problemsPerVisit: p.problemsPerVisit,
        visitsPerSchoolPerMonth: year >= p.denseFrom ? 2 : 1,
      });
      log(`  ${year}: ${w.visits} visits, ${w.problems} problems, ${w.notices} notices (${Math.round(performance.now() - t)} ms)`);
    }
    writeDocuments(a.db, p);
    a.db.pragma('wal_checkpoint(TRUNCATE)');
    // No ANALYZE: a real archive never gets one, so the planner works without statistics here too.
    const counts: Record<string, number> = {};
    for (const table of ['schools', 'supervisors', 'zones', 'assignments', 'calendars', 'calendar_items', 'visits', 'problems',
      'problem_history', 'notices', 'rechecks', 'complaints', 'pieces', 'briefings', 'chronicle_entries', 'collections']) {
      counts[table] = a.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    }
    return { seconds: (performance.now() - started) / 1000, counts };
  } finally {
    a.close();
  }
}

type Db = Awaited<ReturnType<typeof openStore>>['db'];

/** Cases, briefings, chronicle entries and one 100-case collection, from the generated records' own texts. */
function writeDocuments(db: Db, p: BenchParams): void {
  const rng = createRng(p.seed + 1);
  const supervisors = db.prepare('SELECT id, name FROM supervisors ORDER BY id').all() as { id: number; name: string }[];
  const schools = db.prepare('SELECT id, full_name AS name FROM schools ORDER BY id').all() as { id: number; name: string }[];
  const narratives = db.prepare('SELECT narrative FROM visits WHERE id % 97 = 0').pluck().all() as string[];
  const highlights = [...new Set(db.prepare('SELECT highlight FROM visits WHERE id % 13 = 0').pluck().all() as string[])];
  const problemTexts = [...new Set(db.prepare('SELECT description FROM problems WHERE id % 11 = 0').pluck().all() as string[])];
  const reports = db.prepare('SELECT report_text FROM notices WHERE report_text IS NOT NULL AND id % 7 = 0').pluck().all() as string[];
  const para = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
  const years = Array.from({ length: p.lastYear - p.firstYear + 1 }, (_, i) => p.firstYear + i);

  db.transaction(() => {
    // 5,000 cases: background, what was found, the school's rectification, reflection.
    const insertPiece = db.prepare(`INSERT INTO pieces (kind, title, author_id, author_name, school_id, year, status, body, body_text,
      created_at, updated_at) VALUES ('案例', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`);
    const themes = ['以督促改', '督在经常', '小切口大变化', '从问题到机制', '家校协同', '一校一策', '回查见实效', '精准督导'];
    const pieceIds: number[] = [];
    for (let i = 0; i < p.cases; i++) {
      const year = years[i % years.length];
      const school = rng.pick(schools);
      const author = rng.pick(supervisors);
      const title = `${rng.pick(themes)}——${school.name}${rng.pick(['整改', '督导', '治理', '提升'])}案例（${i + 1}）`;
      const body: Block[] = [
        { type: 'heading', level: 1, text: '一、基本情况' }, para(rng.pick(narratives)),
        { type: 'heading', level: 1, text: '二、发现的问题' }, { type: 'list', ordered: true, items: rng.shuffle(problemTexts).slice(0, 3) },
        { type: 'heading', level: 1, text: '三、整改过程' }, para(rng.pick(reports) ?? rng.pick(highlights)),
        { type: 'heading', level: 1, text: '四、经验与反思' }, para(rng.shuffle(highlights).slice(0, 3).join('')),
      ];
      const at = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))} 10:00:00`;
      pieceIds.push(Number(insertPiece.run(title, author.id, school.id, year, rng.chance(0.8) ? '已定稿' : '草稿',
        JSON.stringify(body), blocksText(body), at, at).lastInsertRowid));
    }

    // Briefings: two a month, issued and numbered per year, the last two still drafts.
    const insertBriefing = db.prepare(`INSERT INTO briefings (month, title, status, year, issue_no, total_no, issue_date, issuing_unit,
      copies, show_toc, articles, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 40, 1, ?, ?, ?)`);
    const monthCount = db.prepare(`SELECT count(*) FROM visits WHERE date >= ? AND date < ?`).pluck();
    let total = 0;
    const totalBriefings = years.length * p.briefingsPerYear;
    for (const year of years) {
      for (let k = 0; k < p.briefingsPerYear; k++) {
        const month = `${year}-${pad(Math.floor(k / (p.briefingsPerYear / 12)) + 1)}`;
        total++;
        const draft = total > totalBriefings - 2;
        const visits = monthCount.get(`${month}-01`, `${month}-32`) as number;
        const articles = [
          { kind: '工作动态', title: `${Number(month.slice(5))}月督导工作动态`, blocks: [para(rng.pick(narratives)), para(rng.pick(narratives))] },
          { kind: '督导数据', title: '本月督导数据', blocks: [para(`本月各责任督学共开展督导${visits}次。`),
            { type: 'table', header: true, rows: [['项目', '数量'], ['督导次数', String(visits)], ['发现问题', String(Math.round(visits * 2))]] }] },
          { kind: '亮点做法', title: '学校亮点做法', blocks: rng.shuffle(highlights).slice(0, 4).map(para) },
          { kind: '存在问题', title: '存在的主要问题', blocks: [{ type: 'list', ordered: true, items: rng.shuffle(problemTexts).slice(0, 6) }] },
        ];
        const issue = `${month}-${pad(k % 2 ? 25 : 12)}`;
        const at = `${issue} 09:00:00`;
        insertBriefing.run(month, null, draft ? '草稿' : '已印发', draft ? null : year, draft ? null : k + 1, draft ? null : total,
          draft ? null : issue, draft ? null : DEMO_SETTINGS.officeName, JSON.stringify(articles), at, at);
      }
    }

    // Chronicle: about 300 entries a year, mostly dated days, a few 是月 / 是年.
    const insertEntry = db.prepare(`INSERT INTO chronicle_entries (year, precision, date, text, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`);
    const events = ['召开全区督学工作会议', '开展春季开学工作专项督导', '组织责任督学业务培训', '印发督导简报', '开展校园安全专项检查',
      '召开督导问题整改推进会', '对学校开展综合督导评估', '开展“双减”落实情况专项督导', '参加市级督导工作会议', '开展督学年度考核'];
    for (const year of years) {
      for (let k = 0; k < p.chroniclePerYear; k++) {
        const month = pad(rng.int(1, 12));
        const roll = rng.next();
        const [precision, date] = roll < 0.9 ? ['day', `${year}-${month}-${pad(rng.int(1, 28))}`] : roll < 0.98 ? ['month', `${year}-${month}`] : ['year', String(year)];
        const text = `${rng.pick(events)}，${rng.pick(schools).name}等${rng.int(2, 30)}所学校参加。`;
        insertEntry.run(year, precision, date, text, `${year}-12-31 10:00:00`, `${year}-12-31 10:00:00`);
      }
    }

    // One 100-case collection of the last year's cases, for the export.
    const at = nowText();
    const cid = Number(db.prepare(`INSERT INTO collections (title, kind, volume, year, preface, created_at, updated_at)
      VALUES (?, '案例', 1, ?, ?, ?, ?)`).run(`${p.lastYear}年督导案例汇编`, p.lastYear,
      JSON.stringify([para('本汇编收录了本年度责任督学撰写的优秀督导案例。')]), at, at).lastInsertRowid);
    const ins = db.prepare('INSERT INTO collection_pieces (collection_id, piece_id, seq) VALUES (?, ?, ?)');
    pieceIds.slice(-p.collectionSize).forEach((id, i) => ins.run(cid, id, i + 1));
  })();
}

/** Bytes of the archive folder (database, WAL, attachments, backups). */
export function folderSize(folder: string): number {
  let bytes = 0;
  for (const e of fs.readdirSync(folder, { withFileTypes: true })) {
    const f = path.join(folder, e.name);
    bytes += e.isDirectory() ? folderSize(f) : fs.statSync(f).size;
  }
  return bytes;
}
