/**
 * Title line breaking per GB/T 9704-2012 7.3.3: a title that does not fit on one line is broken only
 * between words, into as few lines as fit, arranged symmetrically (梯形 or 菱形), with no line of one or
 * two characters, none ending in an opening bracket and none starting with a closing mark.
 *
 * Words come from ICU (`Intl.Segmenter('zh', { granularity: 'word' })`, in Node and Electron), which
 * splits the office's own terms (督|导, 整|改, 大事|记, 课|后|服务); so the office's vocabulary is laid
 * over it as words that never break: the domain's terms, the names the archive knows (office, schools,
 * zones, document kinds) and numbers with their units (2026年度, 第一学期, 〔2026〕第3号).
 * Every builder's titles, cover titles, collection names and table captions go through here.
 */
import { Paragraph, TextRun } from 'docx';

/** Terms of the office's work that ICU splits, and that a title must keep whole. */
export const OFFICE_TERMS = [
  '教育督导', '督导室', '督导', '督学', '督政', '督导员', '责任督学', '责任区', '挂牌', '挂牌督导', '经常性督导',
  '专项督导', '综合督导', '应访督导', '定向督导', '整改', '整改通知书', '通知书', '销号', '回查', '回执', '协商函',
  '大事记', '行事历', '案例集', '案例', '简报', '工作简报', '统计报告', '归档目录', '台账', '汇编', '心得', '论文',
  '学年度', '学年', '学期', '年度', '课后服务', '双减', '五项管理', '控辍保学', '校园安全', '食品安全', '校园欺凌',
  '思政课', '幼儿园', '小学', '中学', '中小学', '中小学校', '中小学生', '义务教育', '初级中学', '九年一贯制', '完全中学', '特殊教育', '人民政府', '教育局',
  '优质均衡', '满意度', '一月一主题',
  // 专项督导, 督政 and evaluation (issue 14)
  '督导意见书', '督导建议书', '四清单', '回头看', '办学条件', '办学质量', '达标监测', '评估监测', '督导评估', '评估报告', '统计表',
];

/** Numbers with their units, and document numbers, as single words. */
const NUMBER_WORDS = [
  /〔\d{4}〕(?:第?\d+号)?/g,
  /\d{4}年\d{1,2}月(?:\d{1,2}日)?/g,
  /\d{4}\s*[—–-]\s*\d{4}\s*(?:学年度|学年|年度|年)?/g,
  /\d+(?:\.\d+)?\s*(?:学年度|学年|年度|年|月份|月|日|期|号|册|所|个|次|名|件|%|％)?/g,
  /第[一二三四五六七八九十百〇零\d]+(?:学期|册|期|号|次|届|批|季度|部分|章|节|辑|卷)?/g,
  /[一二三四五六七八九十]+月份?/g,
];

const OPENING = new Set([...'（(「『《〈“‘〔【[{']);
const CLOSING = new Set([...'）)」』》〉”’〕】]}，。、；：！？,.;:!?…—·']);

/** How a title is measured: the line's width and one full-width character's advance, in the same unit (twips). */
export interface TitleMeasure {
  width: number;
  char: number;
}

/** Width of text in `char` units: full-width characters one, ASCII (digits, Latin) half. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return n;
}

/** Positions (in code points) where a line may break: word boundaries that no office word or number spans. */
export function breakPositions(title: string, words: readonly string[] = []): number[] {
  const chars = [...title];
  // Code-unit offsets → code-point indices, for the regex and segmenter results.
  const cp = new Map<number, number>();
  let u = 0;
  chars.forEach((ch, i) => { cp.set(u, i); u += ch.length; });
  cp.set(u, chars.length);

  // Inside a protected span [a, b) no break: breaks at a and b are fine.
  const blocked = new Array<boolean>(chars.length + 1).fill(false);
  const protect = (a: number, b: number) => { for (let i = a + 1; i < b; i++) blocked[i] = true; };
  const vocabulary = [...new Set([...OFFICE_TERMS, ...words.map((w) => w.trim()).filter((w) => [...w].length >= 2)])];
  for (const w of vocabulary) {
    for (let at = title.indexOf(w); at >= 0; at = title.indexOf(w, at + 1)) protect(cp.get(at)!, cp.get(at + w.length)!);
  }
  for (const re of NUMBER_WORDS) {
    for (const m of title.matchAll(re)) if (m[0].length > 1) protect(cp.get(m.index)!, cp.get(m.index + m[0].length)!);
  }

  const boundaries = new Set<number>();
  for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(title)) boundaries.add(cp.get(s.index)!);
  const out: number[] = [];
  for (let i = 1; i < chars.length; i++) {
    if (!boundaries.has(i) || blocked[i]) continue;
    // Brackets and marks stay with the word they belong to.
    if (OPENING.has(chars[i - 1]) || CLOSING.has(chars[i])) continue;
    if (/\s/.test(chars[i - 1]) && i > 1 && OPENING.has(chars[i - 2])) continue;
    out.push(i);
  }
  return out;
}

/** The shape of a set of lines: 1 for a good one, larger for a worse one (the sum of squared differences from the longest). */
function unevenness(lengths: number[]): number {
  const max = Math.max(...lengths);
  return lengths.reduce((n, l) => n + (max - l) ** 2, 0);
}

/** 梯形 (each line no longer, or each no shorter, than the one before) or 菱形 (longest in the middle, shorter both ways). */
function symmetric(lengths: number[]): boolean {
  if (lengths.length <= 2) return true;
  const down = lengths.every((l, i) => i === 0 || l <= lengths[i - 1] + 0.5);
  const up = lengths.every((l, i) => i === 0 || l >= lengths[i - 1] - 0.5);
  const top = lengths.indexOf(Math.max(...lengths));
  const diamond = lengths.every((l, i) => i === 0 || (i <= top ? l >= lengths[i - 1] - 0.5 : l <= lengths[i - 1] + 0.5));
  return down || up || diamond;
}

/**
 * The title's lines: one line when it fits; otherwise the fewest lines that fit, broken at word boundaries,
 * the most even arrangement (ties: the longer line first, as 倒梯形), none of one or two characters, the
 * lines symmetric. A title with no break that fits is returned whole, for the reader to wrap.
 */
export function titleLines(title: string, m: TitleMeasure, words: readonly string[] = []): string[] {
  const text = title.trim();
  const perLine = m.width / m.char;
  if (textUnits(text) <= perLine) return [text];
  const chars = [...text];
  const breaks = breakPositions(text, words);
  const piece = (a: number, b: number) => chars.slice(a, b).join('').trim();
  for (let n = 2; n <= 6; n++) {
    let best: { lines: string[]; score: number } | null = null;
    // Choose n - 1 of the break positions, in order.
    const pick = (from: number, start: number, chosen: number[]) => {
      if (chosen.length === n - 1) {
        const cuts = [0, ...chosen, chars.length];
        const lines = cuts.slice(1).map((b, i) => piece(cuts[i], b));
        const lengths = lines.map(textUnits);
        if (lengths.some((l) => l > perLine || l <= 2) || !symmetric(lengths)) return;
        // Even lines first; then the longer lines first (倒梯形), then the earlier breaks.
        const score = unevenness(lengths) * 100 + lengths.reduce((s, l, i) => s + (i > 0 && l > lengths[i - 1] ? 1 : 0), 0);
        if (!best || score < best.score) best = { lines, score };
        return;
      }
      for (let k = from; k < breaks.length; k++) {
        // A line can't be wider than the line: stop when this piece already is.
        if (textUnits(piece(start, breaks[k])) > perLine) break;
        pick(k + 1, breaks[k], [...chosen, breaks[k]]);
      }
    };
    pick(0, 0, []);
    if (best) return (best as { lines: string[] }).lines;
  }
  return [text];
}

/** A paragraph of the title's lines, each after a line break, in `style` (centred in the profile). */
export function titleParagraph(title: string, style: string, m: TitleMeasure, words: readonly string[] = [],
  extra: { pageBreakBefore?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    style, ...extra,
    children: titleLines(title, m, words).map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })),
  });
}
