/**
 * The page numbers of a collection's table of contents, worked out quickly.
 *
 * docx's layout (docx/layout) lays out every line as Word does, but it handles each Chinese character as a word of
 * its own and spends ~0.1 ms on each, so a 100-piece 案例集 took 8–14 s to lay out. Most of that is body text, whose
 * layout is simple here: an exact 579-twip line pitch, one font whose characters are an em or half an em wide
 * (the layout measures the office's CJK fonts so), no kinsoku (the runs carry no language) and no spaces to squeeze.
 * So the lines and pages of text-only pieces are counted here, as the layout counts them, and the layout is given a
 * stand-in of the document: such a piece is its title and as many empty pages as it takes; in the other pieces
 * (pictures, tables …) each body paragraph and list item is replaced by as many empty lines; the 目录 itself,
 * the 前言's pictures and tables and the section breaks are laid out as they are. Text this counter can't be sure
 * of (spaces, tabs, rare characters, a word longer than a line, or fonts with proportional Latin) stays as it is,
 * for the layout to lay out itself. The tests hold the counts to the layout's.
 */
import type { Document, IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import { estimatePageNumbersWith, type MeasureWidth } from 'docx/layout';
import type { Block } from '../../shared/schemas/blocks';
import { CHAR, CHAR_SPACING, FIT, LINE, SIZE, TYPE_HEIGHT, TYPE_WIDTH, type DocFonts } from './profile';
import { titleLines } from './title-lines';

// ---- Fonts: which ones the layout measures as an em or half an em a character -----------------------------

/** Names (and aliases) of the East Asian fonts docx's layout knows whose Latin letters are proportional. */
const PROPORTIONAL_CJK = new Set([
  'ms pmincho', 'ｍｓ ｐ明朝', 'ms p明朝', 'ms pgothic', 'ｍｓ ｐゴシック', 'ms pゴシック', 'yu mincho', '游明朝',
  'yu gothic', '游ゴシック', '游ゴシック light', 'yu gothic light', 'meiryo', 'メイリオ', 'microsoft yahei', '微软雅黑',
  'dengxian', '等线', '等线 light', 'dengxian light', 'pmingliu', '新細明體', 'microsoft jhenghei', '微軟正黑體',
  'malgun gothic', '맑은 고딕', 'batang', '바탕', 'gulim', '굴림', 'dotum', '돋움',
]);
const MONOSPACED_CJK = new Set([
  'ms mincho', 'ｍｓ 明朝', 'ms 明朝', 'ms gothic', 'ｍｓ ゴシック', 'ms ゴシック', 'simsun', '宋体', 'nsimsun', '新宋体',
  'simhei', '黑体', 'kaiti', '楷体', 'fangsong', '仿宋', 'mingliu', '細明體',
]);
/** Names the layout takes for East Asian fonts it doesn't know, measuring them as MS Mincho or MS Gothic. */
const EAST_ASIAN_NAME = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|hiragino|cjk|source han|pingfang|songti|heiti|kaiti|fangsong|mincho|mingliu|simhei|gungsuh|nanum/i;

/** Whether docx's layout measures every character of a font as an em or half an em (仿宋_GB2312, 黑体, 宋体 …). */
export function isMonospacedCjkFont(name: string): boolean {
  const n = name.toLowerCase();
  if (PROPORTIONAL_CJK.has(n)) return false;
  return MONOSPACED_CJK.has(n) || EAST_ASIAN_NAME.test(name);
}

// ---- Counting a body paragraph's lines -----------------------------------------------------------------------

/** The characters the layout lets a line break before or after: Chinese and Japanese ones and their punctuation. */
const EAST_ASIAN = /[\u2e80-\u2fff\u3001-\u30ff\u3130-\u318f\u31c0-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
/** Symbols the counter knows: dashes, quotes, dots, ℃, arrows, circled numbers and the like. */
const SYMBOL = /[\u00a1-\u00ac\u00ae-\u00ff\u2010\u2012-\u2027\u2030-\u203b\u2103\u2116\u2160-\u216f\u2190-\u26ff]/;
/**
 * The ideographic space (U+3000, between school and author in a byline) is an em wide and a line can break either
 * side of it, but whether it hangs at the end of a line isn't known here: text with one is counted only on one line.
 */
const IDEOGRAPHIC_SPACE = '\u3000';
/** Marks and format characters, which take no room and join the character before: not counted here. */
const MARK = /[\p{M}\p{Cf}]/u;
const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);
/** What the layout measures as an em in a monospaced East Asian font; everything else is half an em. */
const FULL_WIDTH_SYMBOLS = new Set([...'§¨°±´¶×÷‐―‖‘’“”†‡‥…‰′″※℃Å']);
const isWide = (c: number) => (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
  || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);

/** Points: 3号 (16 pt), and the body's −5 twip character spacing, which every style inherits. */
const EM = SIZE.sanhao / 2;
const SPACING = CHAR_SPACING / 20;
/** The layout's tolerance when fitting text on a line, in points. */
const TOLERANCE = 0.01;

function charWidth(ch: string, em: number): number {
  const c = ch.codePointAt(0)!;
  return (isWide(c) || FULL_WIDTH_SYMBOLS.has(ch) || (c >= 0x2190 && c <= 0x26ff) ? em : em / 2) + SPACING;
}

/**
 * Text measured as docx's layout measures it in a monospaced East Asian font (without the character spacing, which
 * it adds itself): the same widths, without looking the font up again for every character, which is most of its time.
 */
const monospacedWidth: MeasureWidth = (text, font) => {
  let width = 0;
  for (const ch of text) {
    if (MARK.test(ch)) continue;
    const c = ch.codePointAt(0)!;
    width += isWide(c) || c >= 0x1f300 || FULL_WIDTH_SYMBOLS.has(ch) || (c >= 0x2190 && c <= 0x26ff) ? font.size : font.size / 2;
  }
  return width;
};

/** The text as the pieces a line can break between, or null when it has a character the counter doesn't know. */
function words(text: string): string[] | null {
  const chars = [...text];
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const c = ch.codePointAt(0)!;
    if (!(c > 0x20 && c < 0x7f) && !EAST_ASIAN.test(ch) && !SYMBOL.test(ch) && ch !== IDEOGRAPHIC_SPACE) return null;
    if (MARK.test(ch)) return null;
    const before = chars[i - 1];
    if (word && (EAST_ASIAN.test(before) || EAST_ASIAN.test(ch) || (DASHES.has(before) && !/[\d-]/.test(ch)))) {
      out.push(word);
      word = '';
    }
    word += ch;
  }
  if (word) out.push(word);
  return out;
}

/**
 * How many lines the layout breaks a body-style line of text into (no line breaks in it), from `first` points on
 * its first line and `rest` on the others, or null when it can't be sure.
 */
function textLines(text: string, first: number, rest: number, em = EM): number | null {
  const ws = words(text);
  if (!ws) return null;
  let lines = 1, position = 0, limit = first;
  for (const w of ws) {
    const width = [...w].reduce((n, ch) => n + charWidth(ch, em), 0);
    if (position > 0 && position + width > limit + TOLERANCE) { lines += 1; position = 0; limit = rest; }
    // A word wider than a line is broken inside it, which isn't counted here.
    if (width > limit + TOLERANCE) return null;
    position += width;
  }
  return lines > 1 && text.includes(IDEOGRAPHIC_SPACE) ? null : lines;
}

const WIDTH = TYPE_WIDTH / 20;
const INDENT = (2 * CHAR) / 20;

/** Lines of a body paragraph (2-character first-line indent, full type-area width), its line breaks included. */
export function paragraphLines(text: string): number | null {
  let total = 0;
  for (const [i, part] of text.split(/\r?\n/).entries()) {
    const n = textLines(part, i === 0 ? WIDTH - INDENT : WIDTH, WIDTH);
    if (n === null) return null;
    total += n;
  }
  return total;
}

/**
 * A list item's lines: its number (such as "3.") and text from the first-line indent. Whether Word gives the number
 * the body's character spacing isn't known here, so it is counted both ways and must agree.
 */
export function listItemLines(text: string, index: number): number | null {
  if (/\r|\n/.test(text)) return null;
  const number = `${index + 1}.`;
  const spaced = textLines(number + text, WIDTH - INDENT, WIDTH);
  const unspaced = textLines(text, WIDTH - INDENT - number.length * (EM / 2), WIDTH);
  return spaced !== null && spaced === unspaced ? spaced : null;
}

/** A paragraph block of `n` empty lines: the stand-in for `n` lines of body text. */
const blankLines = (n: number): Block => ({ type: 'paragraph', runs: [{ text: '\n'.repeat(n - 1) }] });

/** Blocks with each body paragraph and list item the counter is sure of replaced by as many empty lines. */
export function standInBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((b): Block[] => {
    if (b.type === 'paragraph') {
      const n = paragraphLines(b.runs.map((r) => r.text).join(''));
      return n === null ? [b] : [blankLines(n)];
    }
    if (b.type === 'list' && b.ordered) {
      const counts = b.items.map((item, i) => listItemLines(item, i));
      return counts.every((n) => n !== null) ? counts.map((n) => blankLines(n!)) : [b];
    }
    return [b];
  });
}

// ---- A piece's pages -----------------------------------------------------------------------------------------

/** A paragraph as the pages see it: its lines, each `height` twips (exact line spacing), and whether it is kept with the next. */
interface Lines { lines: number; height: number; keepNext?: boolean }

/** The Title style's exact line (profile.ts), twips. */
const TITLE_LINE = 700;

export interface PieceText {
  title: string;
  byline: string;
  blocks: Block[];
  /** The archive's names the title keeps whole, as titleOf breaks it. */
  words?: readonly string[];
}

/** The lines of a piece, as buildCollection writes it, or null when the counter can't be sure of one of them. */
function pieceLines(p: PieceText, fonts: DocFonts): Lines[] | null {
  const mono = (name: string) => isMonospacedCjkFont(name);
  if (![fonts.title, fonts.heading2, fonts.body].every(mono)) return null;
  // The title's lines as the title line-breaker sets them, each ending in a line break.
  const lines = titleLines(p.title, FIT.title, p.words);
  const title = lines.every((l) => textLines(l, WIDTH, WIDTH, SIZE.erhao / 2) === 1) ? lines.length : null;
  const byline = textLines(p.byline, WIDTH, WIDTH);
  if (title === null || byline === null) return null;
  const out: Lines[] = [{ lines: title, height: TITLE_LINE, keepNext: true }, { lines: byline, height: LINE }, { lines: 1, height: LINE }];
  for (const b of p.blocks) {
    if (b.type === 'heading') {
      const font = [fonts.heading1, fonts.heading2, fonts.body, fonts.body][b.level - 1];
      const n = mono(font) && !/\r|\n/.test(b.text) ? textLines(b.text, WIDTH - INDENT, WIDTH) : null;
      if (n === null) return null;
      out.push({ lines: n, height: LINE, keepNext: true });
    } else if (b.type === 'paragraph') {
      const n = paragraphLines(b.runs.map((r) => r.text).join(''));
      if (n === null) return null;
      out.push({ lines: n, height: LINE });
    } else if (b.type === 'list' && b.ordered) {
      for (const [i, item] of b.items.entries()) {
        const n = listItemLines(item, i);
        if (n === null) return null;
        out.push({ lines: n, height: LINE });
      }
    } else {
      return null;
    }
  }
  return out;
}

/**
 * How many pages a piece takes from the top of a page, as Word breaks them: exact lines fill the type area, a paragraph
 * splits after any line (widow control is off), and a paragraph kept with the next (titles, headings) goes on to the
 * next page when it doesn't fit there with the first line of the one it is kept with. Null when it can't be sure.
 */
export function piecePages(p: PieceText, fonts: DocFonts): number | null {
  const ps = pieceLines(p, fonts);
  if (!ps) return null;
  let pages = 1, position = 0;
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].keepNext) {
      let need = 0, j = i;
      for (; j < ps.length && ps[j].keepNext; j++) need += ps[j].lines * ps[j].height;
      if (j < ps.length) need += ps[j].height;
      if (need > TYPE_HEIGHT) return null;
      if (position > 0 && position + need > TYPE_HEIGHT) { pages += 1; position = 0; }
    }
    for (let k = 0; k < ps[i].lines; k++) {
      if (position + ps[i].height > TYPE_HEIGHT) { pages += 1; position = 0; }
      position += ps[i].height;
    }
  }
  return pages;
}

// ---- Page numbers from the stand-in --------------------------------------------------------------------------

/** The names of the bookmarks docx puts on the headings a table of contents lists, in the order of the body. */
function tocBookmarks(xml: unknown, out: string[] = []): string[] {
  if (Array.isArray(xml)) {
    for (const x of xml) tocBookmarks(x, out);
  } else if (xml && typeof xml === 'object') {
    for (const [key, value] of Object.entries(xml)) {
      if (key === 'w:bookmarkStart') {
        const name = (value as { _attr?: Record<string, unknown> })._attr?.['w:name'];
        if (typeof name === 'string' && name.startsWith('_Toc')) out.push(name);
      } else if (key !== '_attr') tocBookmarks(value, out);
    }
  }
  return out;
}

/**
 * An estimator for a document that lays out its stand-in (`standIn`, built with the estimator it is given) with
 * docx's layout, and gives each heading of the document the page its counterpart in the stand-in starts on. The
 * stand-in must list the same headings in its table of contents, in the same order.
 */
export function standInPageNumbers(standIn: (pageNumbers: PageNumberEstimator) => Document, fonts: DocFonts): PageNumberEstimator {
  const monospaced = Object.values(fonts).every(isMonospacedCjkFont);
  const layout = estimatePageNumbersWith({ guess: true, ...(monospaced ? { measureWidth: monospacedWidth } : {}) });
  return (body: IXmlableObject) => {
    let standInBody: IXmlableObject | undefined;
    let estimate: ReturnType<PageNumberEstimator> | undefined;
    const capture = (b: IXmlableObject, c: IContext) => { standInBody = b; return (estimate = layout(b, c)); };
    const doc = standIn(Object.assign(capture, { listNumbers: layout.listNumbers }));
    // Formatting the stand-in's body (as Packer does) bookmarks its headings and runs `capture` on it.
    doc.Document.View.prepForXml({ file: doc, viewWrapper: doc.Document, stack: [] });
    const ours = tocBookmarks(body);
    const theirs = standInBody ? tocBookmarks(standInBody) : [];
    if (!estimate || ours.length !== theirs.length) return { bookmarks: new Map() };
    const bookmarks = new Map<string, string>();
    ours.forEach((name, i) => {
      const page = estimate!.bookmarks.get(theirs[i]);
      if (page !== undefined) bookmarks.set(name, page);
    });
    return { bookmarks, ...(estimate.guesses ? { guesses: estimate.guesses } : {}) };
  };
}
