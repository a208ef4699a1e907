import type { Store } from '../store/store';
import { contract, isChannel, type Channel } from '../../shared/contract';
import { AppError, type ApiResult } from '../../shared/result';
import { parseInput } from '../../shared/validation';
import type { HandlerMap } from './types';
import { dataFolderHandlers } from './data-folder';
import { supervisorHandlers } from './supervisors';
import { schoolHandlers } from './schools';
import { zoneHandlers } from './zones';
import { assignmentHandlers } from './assignments';
import { settingsHandlers } from './settings';
import { recycleHandlers } from './recycle';
import { auditHandlers } from './audit';
import { attachmentHandlers } from './attachments';
import { excelHandlers } from './excel';
import { calendarHandlers } from './calendars';
import { visitHandlers } from './visits';
import { problemHandlers } from './problems';
import { complaintHandlers } from './complaints';
import { dashboardHandlers } from './dashboard';
import { briefingHandlers } from './briefings';
import { chronicleHandlers } from './chronicle';
import { pieceHandlers } from './pieces';
import { documentHandlers } from './documents';
import { backupHandlers } from './backups';
import { yearCloseHandlers } from './year-close';
import { campaignHandlers } from './campaigns';
import { evaluationHandlers } from './evaluations';
import { visitFormHandlers } from './visit-forms';
import { trainingHandlers } from './trainings';
import { assessmentHandlers } from './assessments';
import { jobHandlers } from './job-channels';
import { toApiError } from './errors';

/** The one handler table: channel -> function(archive, input). IPC and HTTP both call `dispatch`. */
export const handlers: HandlerMap<Channel> = {
  ...dataFolderHandlers,
  ...supervisorHandlers,
  ...schoolHandlers,
  ...zoneHandlers,
  ...assignmentHandlers,
  ...settingsHandlers,
  ...recycleHandlers,
  ...auditHandlers,
  ...attachmentHandlers,
  ...excelHandlers,
  ...calendarHandlers,
  ...visitHandlers,
  ...problemHandlers,
  ...complaintHandlers,
  ...dashboardHandlers,
  ...briefingHandlers,
  ...chronicleHandlers,
  ...pieceHandlers,
  ...documentHandlers,
  ...backupHandlers,
  ...yearCloseHandlers,
  ...campaignHandlers,
  ...evaluationHandlers,
  ...visitFormHandlers,
  ...trainingHandlers,
  ...assessmentHandlers,
  ...jobHandlers,
};

/**
 * Validate, run, and wrap the answer. Never throws: every failure becomes a Chinese message.
 * Nothing runs once this process has lost its hold on the data folder (folder-lock.ts).
 */
export async function dispatch(store: Store, channel: string, raw: unknown): Promise<ApiResult<unknown>> {
  try {
    store.lock.assertHeld();
    if (!isChannel(channel)) throw new AppError('not_found', `没有名为「${channel}」的功能接口。`);
    const input = parseInput(contract[channel].input, raw);
    const handler = handlers[channel] as (a: Store, i: unknown) => unknown;
    return { ok: true, data: await handler(store, input) };
  } catch (e) {
    return { ok: false, error: toApiError(e) };
  }
}

/** For tests and scripts: call a channel and get its data, or throw its error as an AppError. */
export async function call<C extends Channel>(store: Store, channel: C, input: unknown): Promise<import('../../shared/contract').Output<C>> {
  const res = await dispatch(store, channel, input);
  if (!res.ok) throw new AppError(res.error.code, res.error.message, res.error.field);
  return res.data as import('../../shared/contract').Output<C>;
}
