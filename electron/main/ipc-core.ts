import type { Store } from '../store/store';
import { dispatch } from '../api';
import type { ApiResult } from '../../shared/result';
import { isTrustedSender } from './security';
import { UNTRUSTED_SENDER_MESSAGE } from './messages';

/**
 * Answer one IPC call: only frames showing our own app:// pages are served; everything else
 * (a stray frame, a page that got navigated elsewhere) is refused before any handler runs.
 * `dispatch` validates the input against the channel's schema itself.
 */
export async function answerIpc(store: Store, channel: string, senderUrl: string | undefined, input: unknown): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(senderUrl)) {
    console.warn(`[ipc] refused ${channel} from ${senderUrl ?? '(no frame)'}`);
    return { ok: false, error: { code: 'invalid', message: UNTRUSTED_SENDER_MESSAGE } };
  }
  return dispatch(store, channel, input);
}
