/**
 * The pieces of an official letter or report the campaign and evaluation documents share: the title,
 * the addressee line, body paragraphs kept with the signature, the 附件 note and the 附件 page. Titles
 * and signatures are made here and only here (the signature is notice.ts's GB/T 9704 7.3.5.2 one), so a
 * change of how they are set (a title line-breaker, signature blocks) is made in one place.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import { signature } from './notice';
import { CHAR, STYLE, TYPE_WIDTH, blankLine } from './profile';

/** 2号 characters on a line of the type area (22 pt = 440 twips each, less the body's character spacing). */
const TITLE_CHARS = Math.floor(TYPE_WIDTH / 435);

/**
 * A title too long for one line, broken at a word boundary into two lines as even as can be (GB/T 9704 7.3.3:
 * words kept whole, never a line of one or two characters). Intl.Segmenter gives the words.
 */
export function titleLines(text: string): string[] {
  const chars = [...text];
  if (chars.length <= TITLE_CHARS) return [text];
  const bounds: number[] = [];
  let at = 0;
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) bounds.push((at += [...segment].length));
  const fits = bounds.filter((b) => b >= 3 && chars.length - b >= 3 && b <= TITLE_CHARS && chars.length - b <= TITLE_CHARS);
  if (!fits.length) return [text];
  const best = fits.reduce((x, y) => (Math.abs(chars.length - 2 * y) < Math.abs(chars.length - 2 * x) ? y : x));
  return [chars.slice(0, best).join(''), chars.slice(best).join('')];
}

/** The document's title (2号小标宋, centred), on two balanced lines when it is long. */
export const docTitle = (text: string): Paragraph => new Paragraph({
  style: STYLE.title,
  children: titleLines(text).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
});

/** 主送 / the addressee: flush left, ending with a full-width colon. */
export const addressee = (name: string): Paragraph => new Paragraph({ style: STYLE.normal, indent: { firstLine: 0 }, children: [new TextRun(`${name}：`)] });

/** A body paragraph (2-character indent). */
export const bodyLine = (text: string, keepNext?: boolean): Paragraph =>
  new Paragraph({ style: STYLE.normal, keepNext: keepNext || undefined, children: [new TextRun(text)] });

/** 一、 heading of a section of the body. */
export const sectionHeading = (text: string): Paragraph => new Paragraph({ style: STYLE.heading[0], children: [new TextRun(text)] });

/**
 * The end of a letter or report: 附件 notes (附件：1.… hanging after the colon, GB/T 9704 7.3.4), a blank
 * line, then the signature and date (kept together with the last body line).
 */
export function closing(office: string, date: string, attachments: string[] = []): FileChild[] {
  const notes = attachments.map((name, i) => new Paragraph({
    style: STYLE.normal, keepNext: true,
    indent: { left: 2 * CHAR + (attachments.length > 1 ? 5 : 3) * CHAR, hanging: (attachments.length > 1 ? 5 : 3) * CHAR },
    children: [new TextRun(`${i === 0 ? '附件：' : '　　　'}${attachments.length > 1 ? `${i + 1}.` : ''}${name}`)],
  }));
  return [
    ...(notes.length ? [new Paragraph({ style: STYLE.normal, keepNext: true }), ...notes] : []),
    new Paragraph({ style: STYLE.normal, keepNext: true }),
    ...signature(office, date),
  ];
}

/** The top of an 附件, on a new page: 附件 (黑体, flush left; numbered when there are several), a blank line, its title. */
export function attachmentHead(title: string, n?: number): FileChild[] {
  return [
    new Paragraph({ style: STYLE.heading[0], pageBreakBefore: true, indent: { firstLine: 0 }, children: [new TextRun(`附件${n ? n : ''}`)] }),
    blankLine(),
    new Paragraph({ style: STYLE.partTitle, children: [new TextRun(title)] }),
    blankLine(),
  ];
}
