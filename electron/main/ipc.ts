import { ipcMain } from 'electron';
import type { Store } from '../store/store';
import { CHANNEL_NAMES } from '../../shared/contract/names';
import { answerIpc } from './ipc-core';

/** The one place IPC is wired: every channel of the contract, each through the same checks. */
export function registerChannels(store: Store): void {
  for (const channel of CHANNEL_NAMES) {
    // senderFrame is null when the frame has navigated away or been destroyed: refused.
    ipcMain.handle(channel, (event, input: unknown) => answerIpc(store, channel, event.senderFrame?.url, input));
  }
}
