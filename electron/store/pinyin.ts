import { pinyin } from 'pinyin-pro';

// Chinese names sort by pinyin, as an office's lists do (SQLite has no Chinese collation; by character
// code 丰 > 望 > 柳). Each person's and school's name keeps a sort key computed here (pinyin-pro) and
// stored beside it, indexed (migration 010, written on every save and import), and its pinyin initials
// for finding a school by typing "qhyx".
//
// The key compares character by character as a pinyin dictionary does: for each Chinese character its
// syllable (ü as v, so lu < luan < lü), tone (0 neutral … 4) and the character itself, so 黎 (li2) <
// 李 (li3) < 连 (lian2), and people with one surname stay together; other characters as themselves,
// letters in lower case. People's names read the first character as a surname: 单 shan, 曾 zeng,
// 解 xie, 仇 qiu, 朴 piao, 区 ou, 查 zha, 尉迟 yu chi, 万俟 mo qi.

type Kind = 'person' | 'place';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一 → 1, 十二 → 12, 二十一 → 21, 一百零五 → 105. */
export function chineseToInt(text: string): number {
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in UNITS) { total += (digit || 1) * UNITS[c]; digit = 0; }
  }
  return total + digit;
}

/**
 * Ordinals as numbers, so 第二中学 comes after 第一中学 and 第十责任区 after 第九 (in pinyin 第二 er
 * would come before 第一 yi): 第一 → 第0001. Only after 第, so place names (十里铺, 三里屯) keep their sound.
 */
function ordinals(name: string): string {
  return name.replace(/第([零〇一二两三四五六七八九十百千]+)/g, (_m, n: string) => `第${String(chineseToInt(n)).padStart(4, '0')}`)
    .replace(/第(\d+)/g, (_m, n: string) => `第${n.padStart(4, '0')}`);
}

function syllables(name: string, kind: Kind) {
  return pinyin(name.trim(), { type: 'all', toneType: 'num', v: true, surname: kind === 'person' ? 'head' : 'off' });
}

/** The sort key of a name: 'li3李 ming2明' for 李明; ordinals of places as numbers (第0001). */
export function pinyinKey(name: string, kind: Kind): string {
  return syllables(kind === 'place' ? ordinals(name) : name, kind)
    .map((c) => (c.isZh && c.pinyin ? `${c.pinyin}${c.origin}` : c.origin.toLowerCase()))
    .filter((s) => s.trim() !== '')
    .join(' ');
}

// byPinyin sorts the same few zone names on every page of a list: keep their keys.
const placeKeys = new Map<string, string>();
function placeKey(name: string): string {
  let key = placeKeys.get(name);
  if (key === undefined) {
    if (placeKeys.size > 2000) placeKeys.clear();
    placeKeys.set(name, (key = pinyinKey(name, 'place')));
  }
  return key;
}

/** A short list (zones, a person's zone names) sorted by its names' keys, in place names' order. */
export function byPinyin<T>(rows: T[], name: (row: T) => string): T[] {
  if (rows.length < 2) return rows;
  const keyed = rows.map((r) => [placeKey(name(r)), r] as const);
  return keyed.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, r]) => r);
}

/** The initials of a name, lower case: 'qhdyxx' for 清河第一小学, 'sxx' for 单雄信. */
export function pinyinInitials(name: string, kind: Kind): string {
  return syllables(name, kind)
    .map((c) => (c.isZh && c.pinyin ? c.first : c.origin).toLowerCase())
    .join('')
    .replace(/\s+/g, '');
}

/** A school's initials as stored: its full name's, then its short name's ('qhdyxx qhyx'). */
export function schoolInitials(fullName: string, shortName: string | null): string {
  const full = pinyinInitials(fullName, 'place');
  const short = shortName?.trim() ? pinyinInitials(shortName, 'place') : '';
  return short && short !== full ? `${full} ${short}` : full;
}
