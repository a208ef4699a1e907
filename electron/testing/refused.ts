import { expect } from 'vitest';
import type { Store } from '../store/store';
import { dispatch } from '../api';
import { AppError } from '../../shared/result';

/**
 * Raw input through the full dispatch path: expect a refusal with this code and words in its Chinese
 * message, naming `field` (checked as given, also when undefined, unless `field` is left out of `want`).
 */
export async function expectRefused(a: Store, channel: string, input: unknown,
  want: { code?: string; text: string; field?: string | undefined }): Promise<void> {
  const res = await dispatch(a, channel, input);
  expect(res.ok, JSON.stringify(input).slice(0, 200)).toBe(false);
  if (!res.ok) {
    expect(res.error.code, `${channel}: ${res.error.message}`).toBe(want.code ?? 'invalid');
    expect(res.error.message).toContain(want.text);
    if ('field' in want) expect(res.error.field).toBe(want.field);
  }
}

/** The AppError a direct handler call fails with (the test fails if the call succeeds or throws anything else). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the call to be refused');
}
