import type { z } from 'zod';
import { ApiCallError } from '../api';
import { notifyError } from '../notify';

/** The first message per top-level field of a failed client-side parse (the archive's own schema). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Show a refused save next to its field when the form has one (the message already names it),
 * otherwise as a notification.
 */
export function showSaveError(e: unknown, fields: readonly string[], setErrors: (f: (old: Record<string, string>) => Record<string, string>) => void): void {
  const field = e instanceof ApiCallError ? e.error.field?.replace(/^fields\./, '').split('.')[0] : undefined;
  if (field && fields.includes(field)) setErrors((old) => ({ ...old, [field]: e instanceof Error ? e.message : String(e) }));
  else notifyError(e);
}

