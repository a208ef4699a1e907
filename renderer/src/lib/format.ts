/** Display an optional value, with a dash for blanks. */
export function show(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
