/**
 * 年度归档: the year package (a folder and a .zip of the year's documents, attachments and 归档目录) and
 * the read-only mark. The database itself refuses writes to a marked year (triggers in migrations 004
 * and 011, on every year-scoped table; the open rectification of a marked year goes on); here are the
 * check before archiving (a year that has ended, its open work confirmed), the mark, its removal, the
 * summary of years, the files the year's records point to, and writing the package (laid out by
 * electron/documents/year-package.ts) into the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from './store';
import { nowText, todayText } from '../../shared/dates';
import { attachmentPath } from './attachments';
import { audit } from './log';
import { openWork } from './open-work';
import { PACKAGES_DIR } from './recovery';
import { AppError } from '../../shared/result';
import {
  notEndedReason, openWorkSummary, type CatalogueEntry, type YearCheck, type YearCloseResult, type YearCounts, type YearSummary,
} from '../../shared/schemas/year-close';


/** What a refused write says (dispatch maps the triggers' YEAR_ARCHIVED:<year> to it). */
export function readOnlyMessage(year: number): string {
  return `${year}年度已归档，不能再修改该年度的记录。如确需修改，请在「年度归档」中重新开启该年度（需确认并记入日志）。`;
}

export function isClosed(a: Store, year: number): boolean {
  return a.db.prepare('SELECT 1 FROM archived_years WHERE year = ?').get(year) !== undefined;
}

// ---- Years and their counts ----

const EMPTY: YearCounts = {
  visits: 0, problems: 0, complaints: 0, calendarItems: 0, briefings: 0, chronicle: 0, pieces: 0, collections: 0, legacyFiles: 0,
};

/** Live records per year, each table by the same year its read-only trigger uses. */
const COUNTS_SQL = `
  SELECT CAST(substr(date, 1, 4) AS INTEGER) AS year, 'visits' AS k FROM visits WHERE deleted_at IS NULL
  UNION ALL SELECT CAST(substr(raised_at, 1, 4) AS INTEGER), 'problems' FROM problems WHERE deleted_at IS NULL
  UNION ALL SELECT CAST(substr(received_at, 1, 4) AS INTEGER), 'complaints' FROM complaints WHERE deleted_at IS NULL
  UNION ALL SELECT CAST(substr(i.month, 1, 4) AS INTEGER), 'calendarItems' FROM calendar_items i
    JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL WHERE i.deleted_at IS NULL
  UNION ALL SELECT coalesce(year, CAST(substr(month, 1, 4) AS INTEGER)), 'briefings' FROM briefings WHERE deleted_at IS NULL
  UNION ALL SELECT year, 'chronicle' FROM chronicle_entries WHERE deleted_at IS NULL
  UNION ALL SELECT year, 'pieces' FROM pieces WHERE deleted_at IS NULL
  UNION ALL SELECT year, 'collections' FROM collections WHERE deleted_at IS NULL
  UNION ALL SELECT year, 'legacyFiles' FROM legacy_files WHERE deleted_at IS NULL`;

/** Every year with records, plus this year and every archived year; newest first. */
export function listYears(a: Store): YearSummary[] {
  const years = new Map<number, YearSummary>();
  const entry = (year: number) => {
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, counts: { ...EMPTY }, archived: null }));
    return y;
  };
  entry(new Date().getFullYear());
  const rows = a.db.prepare(`SELECT year, k, count(*) AS n FROM (${COUNTS_SQL}) WHERE year BETWEEN 1900 AND 2200 GROUP BY year, k`)
    .all() as { year: number; k: keyof YearCounts; n: number }[];
  for (const r of rows) entry(r.year).counts[r.k] = r.n;
  const marks = a.db.prepare(`SELECT year, archived_at AS at, archived_by AS by, package_folder AS folder,
      json_array_length(catalogue) AS files FROM archived_years`).all() as { year: number; at: string; by: string; folder: string; files: number }[];
  for (const m of marks) entry(m.year).archived = { at: m.at, by: m.by, folder: path.join(a.dataFolder, m.folder), files: m.files };
  return [...years.values()].sort((x, y) => y.year - x.year);
}

// ---- The package ----

/** A file the year's records point to, for the package (copied from the attachment store as a stream). */
export interface YearAttachment {
  title: string;
  kind: string;
  date: string;
  /** Sub-folder inside the package (by kind). */
  folder: string;
  fileName: string;
  /** Where the stored file is. */
  file: string;
}

/**
 * Files the year's records point to: photos and files of its visit records, files of its 整改通知书, and
 * the 历年档案 filed under the year. A file missing from attachments/ is left out (the package is still made).
 */
export function yearAttachments(a: Store, year: number): YearAttachment[] {
  const out: YearAttachment[] = [];
  const add = (kind: string, folder: string, title: string, date: string, fileName: string, hash: string) => {
    const file = attachmentPath(a, hash);
    if (fs.existsSync(file)) out.push({ kind, folder, title, date, fileName, file }); // a missing file is left out
  };
  const visitFiles = a.db.prepare(`SELECT v.date, s.full_name AS school, f.file_name AS fileName, f.hash
    FROM visit_attachments f JOIN visits v ON v.id = f.visit_id AND v.deleted_at IS NULL JOIN schools s ON s.id = v.school_id
    WHERE v.date >= ? AND v.date < ? ORDER BY v.date, v.id, f.seq`).all(`${year}-01-01`, `${year + 1}-01-01`) as
    { date: string; school: string; fileName: string; hash: string }[];
  for (const f of visitFiles) add('附件', '附件', `${f.school}督导记录附件：${f.fileName}`, f.date, `${f.date} ${f.school} ${f.fileName}`, f.hash);
  const noticeFiles = a.db.prepare(`SELECT n.number, n.issued_date AS date, f.file_name AS fileName, f.hash
    FROM notice_files f JOIN notices n ON n.id = f.notice_id AND n.deleted_at IS NULL
    WHERE n.year = ? ORDER BY n.number, f.seq`).all(year) as { number: number; date: string; fileName: string; hash: string }[];
  for (const f of noticeFiles) {
    add('附件', '附件', `整改通知书〔${year}〕第${f.number}号附件：${f.fileName}`, f.date, `整改通知书${year}-${f.number} ${f.fileName}`, f.hash);
  }
  const legacy = a.db.prepare(`SELECT title, kind, file_name AS fileName, hash FROM legacy_files
    WHERE deleted_at IS NULL AND year = ? ORDER BY id`).all(year) as { title: string; kind: string; fileName: string; hash: string }[];
  for (const f of legacy) add('历年档案', '历年档案', `${f.title}（${f.kind}）`, String(year), `${f.title}${path.extname(f.fileName)}`, f.hash);
  return out;
}

function packagePaths(a: Store, year: number) {
  const root = path.join(a.dataFolder, PACKAGES_DIR);
  return { root, folder: path.join(root, String(year)), zip: path.join(root, `${year}年度归档.zip`), relative: `${PACKAGES_DIR}/${year}` };
}

/** A package being made: its files go into `folder` and its .zip into `zip`, both temporary. */
export interface PackageDraft {
  folder: string;
  zip: string;
  /** Move the package into place (replacing an earlier one of the year). */
  commit(catalogue: CatalogueEntry[]): YearCloseResult;
  /** Remove whatever is still temporary (after commit: nothing). */
  discard(): void;
}

/**
 * Start the year's package in a temporary folder beside the final one, so a failure or a cancel halfway
 * leaves the previous package (if any) as it was, and no partial one.
 */
export function startPackage(a: Store, year: number): PackageDraft {
  const p = packagePaths(a, year);
  fs.mkdirSync(p.root, { recursive: true });
  const folder = path.join(p.root, `.${year}-${process.pid}-${Date.now()}`);
  const zip = `${folder}.zip`;
  fs.mkdirSync(folder);
  return {
    folder,
    zip,
    commit(catalogue) {
      fs.rmSync(p.folder, { recursive: true, force: true });
      fs.renameSync(folder, p.folder);
      fs.renameSync(zip, p.zip);
      return { year, folder: p.folder, zip: p.zip, catalogue };
    },
    discard() {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(zip, { force: true });
    },
  };
}

/** A mark of the archive's state: the newest audit line (every change writes one). */
export function changeMark(a: Store): number {
  return (a.db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number);
}

/**
 * Mark the year archived, in one transaction with its audit line. Refused when the archive changed while
 * the package was being made (its files would not match the records).
 */
export function markClosed(a: Store, year: number, catalogue: CatalogueEntry[], mark: number): void {
  a.db.transaction(() => {
    if (isClosed(a, year)) throw new AppError('conflict', `${year}年度已经归档，无需重复归档。`, 'year');
    if (changeMark(a) !== mark) {
      throw new AppError('conflict', `生成${year}年度归档期间档案中有记录被修改，归档未完成。请重新归档。`);
    }
    a.db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (?, ?, ?, ?, ?)`)
      .run(year, nowText(), a.actor, packagePaths(a, year).relative, JSON.stringify(catalogue));
    audit(a, '归档', 'year', year, `${year}年度归档（${catalogue.length}个文件），该年度记录设为只读`);
  })();
}

function refuseClosed(a: Store, year: number): void {
  if (isClosed(a, year)) throw new AppError('conflict', `${year}年度已经归档，无需重复归档。如需重新归档，请先重新开启该年度。`, 'year');
}

// ---- Before archiving ----

/** Whether the year can be archived now (yearClose.check), and what is still open in it. */
export function checkYear(a: Store, year: number): YearCheck {
  const refusal = isClosed(a, year) ? `${year}年度已经归档。` : notEndedReason(year, todayText());
  return { year, refusal, ...openWork(a, year) };
}

/**
 * Refuse to archive a year that has not ended or is archived already, or whose open work the user has not
 * seen: `confirmed` must be the number of open items the check listed (none when nothing is open).
 */
export function refuseClosing(a: Store, year: number, confirmed: number | undefined): void {
  const notEnded = notEndedReason(year, todayText());
  if (notEnded) throw new AppError('invalid', notEnded, 'year');
  refuseClosed(a, year);
  const open = openWork(a, year);
  if (open.openWork === 0 || confirmed === open.openWork) return;
  const what = `${open.openWork}项未办结的工作（${openWorkSummary(open.groups)}）`;
  throw new AppError('conflict', confirmed === undefined
    ? `${year}年度还有${what}。请在「年度归档」中查看未办结清单并确认后再归档；问题整改在归档后仍可继续，其余记录归档后不能再修改。`
    : `${year}年度未办结的工作有变化：确认时为${confirmed}项，现在为${what}。请重新查看清单后再归档。`, 'openWork');
}

/** Remove the mark (the package stays on disk until the year is archived again). */
export function reopenYear(a: Store, year: number): void {
  a.db.transaction(() => {
    const res = a.db.prepare('DELETE FROM archived_years WHERE year = ?').run(year);
    if (res.changes === 0) throw new AppError('not_found', `${year}年度尚未归档，无需重新开启。`, 'year');
    audit(a, '重新开启', 'year', year, `重新开启${year}年度：该年度记录恢复为可修改`);
  })();
}

/** The .zip of an archived year. */
export function packageZip(a: Store, year: number): { path: string; fileName: string } {
  if (!isClosed(a, year)) throw new AppError('not_found', `${year}年度尚未归档，请先归档再下载归档包。`, 'year');
  const p = packagePaths(a, year);
  if (!fs.existsSync(p.zip)) {
    throw new AppError('not_found', `找不到${year}年度的归档包（${p.zip}），它可能已被移走。请重新开启该年度后再归档一次。`, 'year');
  }
  return { path: p.zip, fileName: path.basename(p.zip) };
}
