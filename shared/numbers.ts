// Numbers as the office writes them.

/** part / whole as a percentage rounded to `digits` decimals (0 when whole is 0): 26/37 -> 70.27 with 2. */
export function percent(part: number, whole: number, digits = 1): number {
  if (!whole) return 0;
  const f = 10 ** digits;
  return Math.round((part / whole) * 100 * f) / f;
}

/** percent() with its sign: '70.3%'. */
export function percentText(part: number, whole: number, digits = 1): string {
  return `${percent(part, whole, digits)}%`;
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (for 一月…十二月 and 第N学期). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}

/** 1536 -> '1.5 KB', 3 MB -> '3.0 MB' (at least 1 KB). */
export function fileSizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
