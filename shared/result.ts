// The one shape every channel answers with, over IPC and over HTTP alike.
export type ApiErrorCode = 'invalid' | 'not_found' | 'conflict' | 'readonly' | 'internal';
export interface ApiError {
  code: ApiErrorCode;
  /** A complete Chinese sentence a user can act on. */
  message: string;
  /** The field at fault, when one is (its key in the input). */
  field?: string;
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown by handlers and repositories for errors the user must see; anything else is a bug. */
export class AppError extends Error {
  constructor(public readonly code: ApiErrorCode, message: string, public readonly field?: string) {
    super(message);
  }
}
