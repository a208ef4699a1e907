import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { CHANNEL_NAMES } from '../../shared/contract/names';
import { handlers } from '../api';
import type { DataFolderStatus } from '../../shared/schemas/admin';
import { answerIpc } from './ipc-core';
import { START_URL } from './security';

let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore(); }); // uninitialised: dataFolder.initialize is a visible change
afterEach(() => a.dispose());

async function initialized(): Promise<boolean> {
  const res = await answerIpc(a, 'dataFolder.status', START_URL, {});
  if (!res.ok) throw new Error(res.error.message);
  return (res.data as DataFolderStatus).initialized;
}

describe('answerIpc', () => {
  it('answers our own page through the handler table', async () => {
    const res = await answerIpc(a, 'dataFolder.initialize', `${START_URL}#/welcome`, { mode: 'empty' });
    expect(res.ok).toBe(true);
    expect(await initialized()).toBe(true);
  });

  it('validates the input with the channel schema (Chinese message)', async () => {
    const res = await answerIpc(a, 'dataFolder.initialize', START_URL, { mode: 'all' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid');
      expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await initialized()).toBe(false);
  });

  it.each([undefined, 'https://evil.example/', 'file:///C:/x.html', 'app://other/index.html', 'about:blank'])(
    'refuses a call from %s before any handler runs', async (sender) => {
      const res = await answerIpc(a, 'dataFolder.initialize', sender, { mode: 'empty' });
      expect(res).toEqual({ ok: false, error: { code: 'invalid', message: '拒绝来自非本程序页面的请求。' } });
      expect(await initialized()).toBe(false);
    });

  it('has a handler for every channel the preload exposes', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
