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

function syllables(name: string, kind: Kind) {
  return pinyin(name.trim(), { type: 'all', toneType: 'num', v: true, surname: kind === 'person' ? 'head' : 'off' });
}

/** The sort key of a name: 'li3李 ming2明' for 李明. */
export function pinyinKey(name: string, kind: Kind): string {
  return syllables(name, kind)
    .map((c) => (c.isZh && c.pinyin ? `${c.pinyin}${c.origin}` : c.origin.toLowerCase()))
    .filter((s) => s.trim() !== '')
    .join(' ');
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
