import type { Channel, Input, Output } from '../../shared/contract';
import type { ApiError, ApiResult } from '../../shared/result';

/** What the preload exposes in Electron: one narrow function per channel. */
type Bridge = Record<Channel, (input: unknown) => Promise<ApiResult<unknown>>>;
declare global {
  interface Window { api?: Bridge }
}

export class ApiCallError extends Error {
  constructor(public readonly error: ApiError) { super(error.message); }
}

const TOKEN_KEY = 'dudao-token';

/**
 * Browser mode: the token arrives in the launch URL once. It is kept for this tab (sessionStorage,
 * so a reload still works) and taken out of the address bar and the tab's history, where anyone
 * glancing at the screen, a bookmark or a shared link would otherwise carry it. main.tsx calls this
 * before the first render; calling it again does nothing.
 */
export function adoptLaunchToken(): void {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (!fromUrl) return;
  sessionStorage.setItem(TOKEN_KEY, fromUrl);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

export function browserToken(): string {
  adoptLaunchToken();
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function overHttp(channel: Channel, input: unknown): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dudao-token': browserToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: '无法连接督导档案服务，请确认程序仍在运行后刷新页面。' } };
  }
  if (res.status !== 200) return { ok: false, error: { code: 'internal', message: await res.text() } };
  return (await res.json()) as ApiResult<unknown>;
}

/** Call a channel of the one API contract; throws ApiCallError with a Chinese message. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const res = window.api ? await window.api[channel](input) : await overHttp(channel, input);
  if (!res.ok) throw new ApiCallError(res.error);
  return res.data as Output<C>;
}
