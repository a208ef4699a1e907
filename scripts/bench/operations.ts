/**
 * The long operations on the user's path, one after another on the same server: the unfiltered 台账,
 * the package year's 案例汇编, the backup file, the year package and a restore from that backup file.
 * Each is started as the page starts it, its job followed with jobs.get, its file downloaded to disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileRef } from '../../shared/schemas/files';
import type { YearCheck } from '../../shared/schemas/year-close';
import { figure, type Figure } from './figures';
import type { BenchParams } from './generate';
import type { BenchServer, MemoryWatch } from './server';

type Done = Record<string, unknown> & { longestWaitMs: number };

export async function longOperations(o: {
  server: BenchServer; params: BenchParams; problems: number; folder: string; watch: MemoryWatch; log: (s: string) => void;
}): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const { server, params } = o;
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  fs.mkdirSync(o.folder, { recursive: true });
  const save = async (ref: FileRef) => ({ file: ref.fileName, bytes: await server.download(ref, path.join(o.folder, ref.fileName)) });

  /**
   * One operation, timed whole, with the server's memory filed under its name; a failure is a missed
   * figure (its time until the failure) and the run goes on. How long its progress stood still is a
   * figure of its own.
   */
  const operation = async (kind: 'ledger' | 'backupFile' | 'yearPackage' | 'restore' | 'info', name: string, run: () => Promise<Done>) => {
    o.watch.phase(name);
    const t = performance.now();
    try {
      const { longestWaitMs, ...extra } = await run();
      const f = figure(kind, name, (performance.now() - t) / 1000, 's');
      figures.push(f, figure('stall', `${name}：进度最长停顿`, longestWaitMs));
      details[name] = extra;
      o.log(`  ${f.ok === false ? '✗' : f.ok ? '✓' : '·'} ${name}: ${f.value} s（进度最长停顿 ${Math.round(longestWaitMs)} ms）${JSON.stringify(extra)}`);
    } catch (e) {
      figures.push({ ...figure(kind, name, (performance.now() - t) / 1000, 's'), ok: false });
      details[name] = { error: String(e) };
      o.log(`  ✗ ${name}: 失败 ${String(e)}`);
    }
  };

  await operation('ledger', `导出问题整改台账（全部 ${o.problems} 条）`, async () => {
    // The 台账's default order, no filter: every problem.
    const { result, longestWaitMs } = await server.job<{ file: FileRef; rows: number }>('problems.exportLedger', { sort: 'raisedAt', dir: 'desc' });
    return { rows: result.rows, ...await save(result.file), longestWaitMs };
  });
  await operation('info', `导出${params.packageYear}年案例汇编（${params.collectionSize}篇）`, async () => {
    const [collection] = await server.call<{ id: number }[]>('collections.list', {});
    const { result, longestWaitMs } = await server.job<FileRef>('collections.export', { id: collection.id });
    return { ...await save(result), longestWaitMs };
  });
  let backupFile = '';
  await operation('backupFile', '生成备份文件', async () => {
    const { result, longestWaitMs } = await server.job<FileRef>('backups.createFile', {});
    const got = await save(result);
    backupFile = path.join(o.folder, got.file);
    return { ...got, longestWaitMs };
  });
  await operation('yearPackage', `${params.packageYear}年度归档包`, async () => {
    // As 年度归档 does: the open work shown, confirmed by its number.
    const check = await server.call<YearCheck>('yearClose.check', { year: params.packageYear });
    if (check.refusal) throw new Error(check.refusal);
    const { result, longestWaitMs } = await server.job<{ catalogue: unknown[] }>('yearClose.close', { year: params.packageYear, openWork: check.openWork });
    return { files: result.catalogue.length, ...await save(await server.call<FileRef>('yearClose.download', { year: params.packageYear })), longestWaitMs };
  });
  await operation('restore', '从备份文件恢复', async () => {
    if (!backupFile) throw new Error('没有备份文件可恢复（生成备份文件失败）');
    const uploaded = await server.upload('backup', backupFile);
    const { result, longestWaitMs } = await server.job<{ counts: Record<string, number> }>('backups.restoreFile', { uploadId: uploaded.uploadId });
    return { problems: result.counts.problems, longestWaitMs };
  });
  details.requestsResent = server.resent;
  return { figures, details };
}
