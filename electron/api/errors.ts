import { AppError, type ApiError } from '../../shared/result';
import { readOnlyMessage } from '../store/year-close';

/** Any failure as the Chinese error the user sees (dispatch and long jobs alike). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof AppError) return { code: e.code, message: e.message, field: e.field };
  const msg = e instanceof Error ? e.message : String(e);
  const archived = /YEAR_ARCHIVED:(\d+)/.exec(msg);
  if (archived) return { code: 'readonly', message: readOnlyMessage(Number(archived[1])) };
  if (/FOREIGN KEY constraint failed/.test(msg)) {
    return { code: 'conflict', message: '所引用的记录不存在或已删除，请刷新后重新选择。' };
  }
  if (/UNIQUE constraint failed/.test(msg)) {
    return { code: 'conflict', message: '档案中已有相同的记录（名称或编号重复），请修改后再保存。' };
  }
  console.error('[api] internal error:', e);
  return { code: 'internal', message: `操作没有完成：程序内部错误（${msg}）。数据未被修改，请重试；如仍出错，请联系维护人员。` };
}
