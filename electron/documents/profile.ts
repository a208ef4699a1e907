/**
 * The GB/T 9704-2012 page profile every exported Word document is built on: A4 page and margins, the
 * 22 × 28 body grid, styles under Word's built-in names, odd/even page-number footers, the red masthead
 * rule and the colophon (版记). Builders only combine these pieces; measurements live here and only here.
 * See docs/documents.md for where each number comes from.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, LevelFormat, LevelSuffix, LineRuleType, PageNumber,
  PageOrientation, Paragraph, SectionType, TabStopType, TextRun, VerticalAlignSection,
  type FileChild, type IBorderOptions, type INumberingOptions, type IParagraphStyleOptions,
  type IParagraphStylePropertiesOptions, type IRunStylePropertiesOptions, type ISectionOptions,
  type IStylesOptions, type PageNumberEstimator,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Settings } from '../../shared/schemas/settings';
import { dateInWords } from '../../shared/dates';
import { titleParagraph, type TitleMeasure } from './title-lines';

/** Font names by role, as in the office's settings (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体). */
export type DocFonts = Settings['fonts'];

/** Millimetres to twips (1/20 pt), rounded: 1 mm = 1440 / 25.4 ≈ 56.6929 twips. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

/** A4 portrait, 210 × 297 mm: 11906 × 16838 twips. */
export const PAGE = { width: mm(210), height: mm(297) } as const;
/** 天头 37, 订口 28, and the 156 × 225 mm type area leaves right 26 and bottom 35 (twips 2098/1984/1587/1474). */
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;
/** Width and height of the type area (版心) in twips: 8845 × 12756. */
export const TYPE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const TYPE_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;
/** The type area's width on a landscape page (the margins stay on the same edges of the paper). */
export const LANDSCAPE_TYPE_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;

/** Font sizes in half-points, by their Chinese names. */
export const SIZE = { chuhao: 84, xiaochu: 72, yihao: 52, erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;
/** Exact body line pitch: 22 lines fill the 225 mm type area (22 × 579 = 12738 ≤ 12756 < 23 × 579). */
export const LINE = 579;
/** Run character spacing: 28 characters of 16 pt − 5 twips (28 × 315 = 8820 ≤ 8845 < 29 × 315). */
export const CHAR_SPACING = -5;
/** One 3号 character (16 pt) and one 4号 character (14 pt), in twips. */
export const CHAR = 320;
export const SMALL_CHAR = 280;
/** The masthead red. GB/T 9704 gives no RGB; public generators use FF0000, E00000 or E60012. */
export const RED = 'FF0000';

/** Rule thicknesses in eighths of a point: 0.35 mm = 0.992 pt → 8; 0.25 mm = 0.709 pt → 6; the red rule 2.25 pt. */
export const RULE = { thick: Math.round((0.35 / 25.4) * 72 * 8), thin: Math.round((0.25 / 25.4) * 72 * 8), red: 18 } as const;

/**
 * The page number's dashes sit 7 mm below the type area (GB/T 9704: 一字线上距版心下边缘 7 mm). The
 * number is set in an exact 16 pt line (4号 digits fit without clipping) whose dash top edge lies 2.5 mm
 * above the line's foot (measured on a LibreOffice rendering), so the footer's distance from the page
 * edge is 35 − 7 − 2.5 mm.
 */
export const FOOTER_LINE = 320;
export const FOOTER_DISTANCE = mm(35 - 7 - 2.5);

/** Style ids (Word's built-in ones where Word has one, so Word, WPS and a TOC treat them as such). */
export const STYLE = {
  normal: 'Normal', title: 'Title', heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  masthead: 'Masthead', mastheadLine: 'MastheadLine', colophon: 'Colophon', footer: 'Footer',
  tableText: 'TableText', tableHead: 'TableHead', figure: 'Figure', caption: 'Caption',
  coverTitle: 'CoverTitle', partTitle: 'PartTitle', byline: 'Byline', toc1: 'TOC1', signature: 'Signature',
  contentsHead: 'ContentsHead', contentsItem: 'ContentsItem',
} as const;

/**
 * How wide a title line is and one character of its font (its size, with the −5 twip spacing every style
 * inherits), for the title line-breaker (title-lines.ts): 2号 titles fit 20 characters on the type area,
 * the 小初 cover title 12, a 4号 caption 32.
 */
export const FIT = {
  title: { width: TYPE_WIDTH, char: SIZE.erhao * 10 + CHAR_SPACING },
  cover: { width: TYPE_WIDTH, char: SIZE.xiaochu * 10 + CHAR_SPACING },
  caption: { width: TYPE_WIDTH, char: SIZE.sihao * 10 + CHAR_SPACING },
} as const satisfies Record<string, TitleMeasure>;

/** A title in one of the profile's title styles, broken into symmetric lines at word boundaries. */
export function titleOf(text: string, words: readonly string[] = [], o: {
  style?: string; fit?: TitleMeasure; pageBreakBefore?: boolean; keepNext?: boolean; width?: number;
} = {}): Paragraph {
  const fit = o.fit ?? FIT.title;
  return titleParagraph(text, o.style ?? STYLE.title, o.width ? { ...fit, width: o.width } : fit, words,
    { pageBreakBefore: o.pageBreakBefore, keepNext: o.keepNext });
}

/** All four font slots: Word draws … and — from hAnsi, so a CJK name there keeps them in the CJK font. */
export function fontSlots(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/**
 * Widow/orphan control off: with it on, a page that splits a paragraph ends at 21 lines. docx's style
 * type omits it, though the paragraph-properties writer it uses for styles writes it; this keeps the
 * cast in one place.
 */
const widowsOff = { widowControl: false } as IParagraphStylePropertiesOptions;

/**
 * A style based on Normal. It inherits Normal's −5 twip character spacing (docx writes no spacing of 0),
 * which is a quarter point and harmless at other sizes; widths below count with it.
 */
function style(id: string, name: string, paragraph: IParagraphStylePropertiesOptions, run: IRunStylePropertiesOptions,
  extra: Partial<IParagraphStyleOptions> = {}): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph, run, ...extra };
}

/** The styles, replacing docx's defaults (blue Calibri headings) under the same ids. */
export function profileStyles(fonts: DocFonts): IStylesOptions {
  const body = fontSlots(fonts.body);
  const bodyRun = { font: body, size: SIZE.sanhao, color: '000000' };
  const heading = (level: number, font: string): IParagraphStyleOptions =>
    style(STYLE.heading[level - 1], `heading ${level}`,
      { outlineLevel: level - 1, keepNext: true, indent: { firstLine: 2 * CHAR } },
      { font: fontSlots(font), size: SIZE.sanhao, bold: false, italics: false, color: '000000' }, { uiPriority: 9 });
  const noIndent = { left: 0, right: 0, firstLine: 0 };
  return {
    default: {
      document: {
        run: { ...bodyRun, characterSpacing: CHAR_SPACING },
        paragraph: { spacing: exact(LINE), ...widowsOff },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.normal, name: 'Normal', quickFormat: true,
        paragraph: { spacing: exact(LINE), indent: { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED, ...widowsOff },
        run: { ...bodyRun, characterSpacing: CHAR_SPACING },
      },
      style(STYLE.title, 'Title', { alignment: AlignmentType.CENTER, indent: noIndent, spacing: exact(700), keepNext: true },
        { font: fontSlots(fonts.title), size: SIZE.erhao, color: '000000' }),
      heading(1, fonts.heading1),
      heading(2, fonts.heading2),
      heading(3, fonts.body),
      heading(4, fonts.body),
      // Unused, but replaced so no blue Calibri heading is left in the file.
      { ...heading(4, fonts.body), id: 'Heading5', name: 'heading 5', paragraph: { outlineLevel: 4, indent: { firstLine: 2 * CHAR } } },
      { ...heading(4, fonts.body), id: 'Heading6', name: 'heading 6', paragraph: { outlineLevel: 5, indent: { firstLine: 2 * CHAR } } },
      style(STYLE.masthead, '报头', { alignment: AlignmentType.CENTER, indent: noIndent, spacing: exact(1300) },
        { font: fontSlots(fonts.title), size: SIZE.xiaochu, color: RED }),
      style(STYLE.mastheadLine, '报头信息', { alignment: AlignmentType.CENTER, indent: noIndent }, { font: fontSlots(fonts.body) }),
      style(STYLE.colophon, '版记', { indent: noIndent, alignment: AlignmentType.LEFT },
        { font: body, size: SIZE.sihao }),
      style(STYLE.footer, 'footer', { indent: noIndent, spacing: exact(FOOTER_LINE) },
        { font: fontSlots(fonts.pageNumber), size: SIZE.sihao }, { quickFormat: false }),
      style(STYLE.tableText, '表格文字', { indent: noIndent, alignment: AlignmentType.LEFT, spacing: exact(440) },
        { font: body, size: SIZE.sihao }),
      style(STYLE.tableHead, '表头', { indent: noIndent, alignment: AlignmentType.CENTER, spacing: exact(440) },
        { font: fontSlots(fonts.heading1), size: SIZE.sihao }, { basedOn: STYLE.tableText }),
      // Pictures sit in auto line spacing: an exact 579 line would clip them to 29 pt.
      style(STYLE.figure, '图片', { alignment: AlignmentType.CENTER, indent: noIndent, keepNext: true,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }, {}),
      style(STYLE.caption, 'caption', { alignment: AlignmentType.CENTER, indent: noIndent },
        { font: fontSlots(fonts.heading2), size: SIZE.sihao, italics: false, color: '000000' }),
      style(STYLE.coverTitle, '封面标题', { alignment: AlignmentType.CENTER, indent: noIndent, spacing: exact(1200) },
        { font: fontSlots(fonts.title), size: SIZE.xiaochu }),
      style(STYLE.partTitle, '部分标题', { alignment: AlignmentType.CENTER, indent: noIndent, spacing: exact(700) },
        { font: fontSlots(fonts.title), size: SIZE.erhao }),
      style(STYLE.byline, '作者单位', { alignment: AlignmentType.CENTER, indent: noIndent },
        { font: fontSlots(fonts.heading2), size: SIZE.sanhao }),
      style(STYLE.contentsHead, '要目标题', { alignment: AlignmentType.CENTER, indent: noIndent }, { font: fontSlots(fonts.heading1) }),
      style(STYLE.contentsItem, '要目', {}, { font: fontSlots(fonts.heading2) }),
      style(STYLE.signature, '署名', { alignment: AlignmentType.RIGHT, indent: { left: 0, firstLine: 0, right: 2 * CHAR } }, {}),
      style(STYLE.toc1, 'toc 1', { indent: noIndent }, {}, { quickFormat: false, uiPriority: 39 }),
    ],
  };
}

/** Two list definitions: numbered "1." and bulleted "•", both at the body's 2-character first-line indent. */
export function profileNumbering(fonts: DocFonts): INumberingOptions {
  const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => [{
    level: 0, format, text, alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING,
    style: {
      paragraph: { indent: { left: 0, firstLine: 2 * CHAR } },
      run: { font: fontSlots(fonts.body), size: SIZE.sanhao, bold: false },
    },
  }];
  return {
    config: [
      { reference: 'numbers', levels: level(LevelFormat.DECIMAL, '%1.') },
      { reference: 'bullets', levels: level(LevelFormat.BULLET, '•') },
    ],
  };
}

/** The page number "— N —": odd pages at the right, even pages at the left, one 4号 character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [new Paragraph({
      style: STYLE.footer,
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { left: 0, right: SMALL_CHAR, firstLine: 0 } : { left: SMALL_CHAR, right: 0, firstLine: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
    })],
  });
}

const emptyFooter = () => new Footer({ children: [new Paragraph({ style: STYLE.footer })] });

export interface SectionOptions {
  children: FileChild[];
  /** Page numbers in the footer (default true). Without them, the section's footers are written empty. */
  pageNumbers?: boolean;
  /** Where the section starts: a new page (default), the next odd page (after a cover) or the next even one (the 版记's). */
  start?: 'page' | 'odd' | 'even';
  /** Restart page numbering at this number. */
  firstPageNumber?: number;
  landscape?: boolean;
  /** Push the content to the foot of the page (the colophon's page). */
  bottom?: boolean;
}

/** One section on the profile's page. Footers are always given, so no section inherits another's. */
export function section(o: SectionOptions): ISectionOptions {
  const numbered = o.pageNumbers ?? true;
  return {
    properties: {
      type: o.start === 'odd' ? SectionType.ODD_PAGE : o.start === 'even' ? SectionType.EVEN_PAGE : SectionType.NEXT_PAGE,
      verticalAlign: o.bottom ? VerticalAlignSection.BOTTOM : undefined,
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE, gutter: 0 },
        pageNumbers: o.firstPageNumber ? { start: o.firstPageNumber } : undefined,
      },
    },
    footers: numbered
      ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') }
      : { default: emptyFooter(), even: emptyFooter() },
    children: o.children,
  };
}

export interface ProfileDocumentOptions {
  title: string;
  sections: ISectionOptions[];
  /** Ask Word to update fields when it opens the file (a table of contents). */
  updateFields?: boolean;
  /**
   * Lay the pages out while writing, to write the table of contents' page numbers (docx/layout). The body
   * fonts aren't in its width tables, so it guesses their widths (CJK text is one em a character, which it
   * gets right); Word still recalculates on opening when `updateFields` is on.
   */
  estimatePages?: boolean;
  /** A page-number estimator of the builder's own, in place of `estimatePages`'s. */
  pageNumbers?: PageNumberEstimator;
}

/** A Document on the profile: its styles, lists, odd/even footers. */
export function profileDocument(fonts: DocFonts, o: ProfileDocumentOptions): Document {
  return new Document({
    title: o.title,
    creator: '督导档案',
    styles: profileStyles(fonts),
    numbering: profileNumbering(fonts),
    evenAndOddHeaderAndFooters: true,
    features: o.updateFields ? { updateFields: true } : undefined,
    pageNumbers: o.pageNumbers ?? (o.estimatePages ? estimatePageNumbersWith({ guess: true }) : undefined),
    sections: o.sections,
  });
}

// ---- Pieces shared by builders -------------------------------------------------------------------------

/** An empty body line (one grid line). */
export const blankLine = (): Paragraph => new Paragraph({ style: STYLE.normal });

const rule = (size: number, color = '000000'): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color, space: 1 });

/**
 * A full-width rule as its own paragraph: an empty, unindented 1 pt line with a bottom border. A separate
 * paragraph keeps the rule as wide as the type area even where the lines around it are indented.
 */
export function ruleParagraph(size: number, color = '000000', line = RULE_LINE, keepNext?: boolean): Paragraph {
  return new Paragraph({
    style: STYLE.colophon, keepNext,
    indent: { left: 0, right: 0, firstLine: 0 },
    spacing: exact(line),
    border: { bottom: rule(size, color) },
  });
}
const RULE_LINE = 20;
/** A rule paragraph's height: its line, the border's 1 pt space and the border's width. */
const ruleHeight = (size: number) => RULE_LINE + 20 + Math.ceil((size * 20) / 8);

/**
 * A line with text at the left and at the right, each `inset` twips in from the type area's edges: a right
 * tab stop (tab positions count from the page margin, not the indent, in Word and LibreOffice alike).
 */
export function leftRightLine(styleId: string, left: string, right: string, inset: number, keepNext?: boolean): Paragraph {
  return new Paragraph({
    style: styleId, keepNext,
    indent: { left: inset, right: inset, firstLine: 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: TYPE_WIDTH - inset }],
    children: [new TextRun(left), new TextRun({ children: ['\t', right] })],
  });
}

/**
 * The width of a line of 3号 body text in twips, as set in the office's fonts: a full-width character is an
 * em (CHAR) and a digit or Latin letter half an em (仿宋_GB2312 and 宋体 draw them half-width), each with the
 * body's character spacing; and where Chinese meets digits or Latin letters (2025年4月2日), the fifth of an
 * em Word and LibreOffice put between them (their default "autospace", measured on a rendering).
 */
export function bodyTextWidth(text: string): number {
  const chars = [...text];
  const narrow = (ch: string) => ch.codePointAt(0)! < 0x2000;
  let w = 0;
  chars.forEach((ch, i) => {
    w += (narrow(ch) ? CHAR / 2 : CHAR) + CHAR_SPACING;
    if (i > 0 && narrow(ch) !== narrow(chars[i - 1]) && /[\dA-Za-z]/.test(narrow(ch) ? ch : chars[i - 1])) w += CHAR / 5;
  });
  return w;
}

/**
 * 发文机关署名 and 成文日期 without a seal (GB/T 9704-2012 7.3.5.2): the name 右空二字, the date on the next
 * line with its first character two characters right of the name's first; when the date is the longer,
 * the date is 右空二字 and the name moves left to keep the two characters. Both lines are placed by their
 * left indent, worked out from the measured widths, so the two-character offset holds whatever the
 * reader's digit widths; the name is kept with the date. The caller leaves the blank line above it.
 * `typeWidth`: the type area's width (landscape pages are wider).
 */
export function signatureBlock(name: string, isoDate: string, typeWidth = TYPE_WIDTH): Paragraph[] {
  const date = dateInWords(isoDate);
  const right = typeWidth - 2 * CHAR;
  const nameLeft = Math.min(right - bodyTextWidth(name), right - bodyTextWidth(date) - 2 * CHAR);
  const line = (text: string, left: number, keepNext?: boolean) => new Paragraph({
    style: STYLE.signature, keepNext, alignment: AlignmentType.LEFT,
    indent: { left: Math.max(0, Math.round(left)), right: 0, firstLine: 0 }, children: [new TextRun(text)],
  });
  return [line(name, nameLeft, true), line(date, nameLeft + 2 * CHAR)];
}

export interface ColophonInput {
  /** Distribution lines such as 抄送 or 报 / 送 / 发; empty lists are left out. */
  lines: { label: string; names: string[] }[];
  /** A right-aligned note as the last line above the thin rule, such as （共印30份）. */
  note?: string | null;
  /** 印发机关 and 印发日期 (ISO). */
  issuer: string;
  date: string;
}

/** Width of a 4号 character in the colophon, with the body's character spacing it inherits. */
const COLOPHON_CHAR = SMALL_CHAR + CHAR_SPACING;

/**
 * Text width in twips, generously: ASCII a little over half a character, and each run of ASCII half a
 * character more for the space Word and LibreOffice put between Chinese and Latin text or digits.
 */
function textWidth(text: string, char: number): number {
  const runs = text.match(/[\x20-\x7e]+/g) ?? [];
  const ascii = runs.reduce((n, r) => n + r.length, 0);
  return ([...text].length - ascii) * char + ascii * char * 0.55 + runs.length * char * 0.5;
}

/**
 * The colophon (版记): thick rule, distribution lines (4号仿宋, one character in, wrapped lines aligned
 * after the colon), thin rule, 印发机关 … 印发日期印发, thick rule. Returns the paragraphs and their height
 * in twips, estimating wrapped lines generously so the colophon is never pushed onto another page.
 */
export function colophon(c: ColophonInput): { paragraphs: Paragraph[]; height: number } {
  // One block, each line kept with the next: the colophon never splits across pages.
  const paragraphs: Paragraph[] = [ruleParagraph(RULE.thick, '000000', RULE_LINE, true)];
  let height = ruleHeight(RULE.thick);
  for (const line of c.lines) {
    if (line.names.length === 0) continue;
    const label = `${line.label}：`;
    const hang = label.length * COLOPHON_CHAR;
    const text = `${label}${line.names.join('，')}。`;
    paragraphs.push(new Paragraph({
      style: STYLE.colophon, keepNext: true,
      indent: { left: SMALL_CHAR + hang, hanging: hang, right: SMALL_CHAR },
      children: [new TextRun(text)],
    }));
    // Lines it wraps to, a character short each (line-breaking rules), and a line to spare once it wraps.
    const perLine = TYPE_WIDTH - 2 * SMALL_CHAR - hang - COLOPHON_CHAR;
    const wrapped = Math.ceil((textWidth(text, COLOPHON_CHAR) - hang) / perLine);
    height += LINE * (wrapped > 1 ? wrapped + 1 : 1);
  }
  if (c.note) {
    paragraphs.push(new Paragraph({
      style: STYLE.colophon, keepNext: true, alignment: AlignmentType.RIGHT, indent: { left: 0, right: SMALL_CHAR, firstLine: 0 },
      children: [new TextRun(c.note)],
    }));
    height += LINE;
  }
  paragraphs.push(ruleParagraph(RULE.thin, '000000', RULE_LINE, true),
    leftRightLine(STYLE.colophon, c.issuer, `${dateInWords(c.date)}印发`, SMALL_CHAR, true), ruleParagraph(RULE.thick));
  height += ruleHeight(RULE.thin) + LINE + ruleHeight(RULE.thick);
  return { paragraphs, height };
}

/** Room left unfilled under the colophon, so rounding in a reader never pushes it onto another page. */
export const COLOPHON_SLACK = 60;

/** An empty paragraph of an exact height: pushes what follows down the page, kept with it. */
export function spacer(height: number, pageBreakBefore = false): Paragraph {
  return new Paragraph({ style: STYLE.colophon, keepNext: true, pageBreakBefore: pageBreakBefore || undefined,
    spacing: exact(Math.max(20, Math.round(height))) });
}

/**
 * A blank page of its own, unnumbered: the back of a cover, or the page that makes a part end on a whole
 * sheet. A section holding one empty paragraph, as readers drop an empty page a page break leaves at the
 * end of a section (LibreOffice does), and none exports the blank page an odd-page break inserts.
 */
export function blankPageSection(landscape = false): ISectionOptions {
  return section({ children: [new Paragraph({ style: STYLE.normal })], pageNumbers: false, landscape });
}

/**
 * The colophon's own last section: from the next even page (a reader puts a blank page before it when the
 * body ends on an even one), without a page number (empty footers), the colophon at the foot of the type
 * area. An exact-height spacer above it does the pushing down, as LibreOffice ignores a section's bottom
 * alignment; Word also honours `vAlign` and takes up the last few twips of slack.
 */
export function colophonSection(c: ColophonInput, landscape = false): ISectionOptions {
  const { paragraphs, height } = colophon(c);
  const room = (landscape ? PAGE.width - MARGIN.top - MARGIN.bottom : TYPE_HEIGHT) - height - COLOPHON_SLACK;
  return section({ children: [spacer(room), ...paragraphs], pageNumbers: false, bottom: true, landscape, start: 'even' });
}
