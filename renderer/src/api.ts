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

/** Browser mode: the token arrives in the launch URL once and is kept for this tab. */
function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
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
