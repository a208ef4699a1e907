/**
 * The pieces of an official letter or report the campaign and evaluation documents share: the addressee
 * line, body paragraphs kept with the signature, the 附件 note and the 附件 page. Titles go through the
 * profile's line-breaker (titleOf) and signatures are the profile's GB/T 9704 7.3.5.2 block, as in every
 * other document.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import { CHAR, STYLE, blankLine, signatureBlock, titleOf } from './profile';

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
    ...signatureBlock(office, date),
  ];
}

/**
 * The top of an 附件, on a new page: 附件 (黑体, flush left; numbered when there are several), a blank line,
 * its title (2号, broken at word boundaries as any title), a blank line.
 */
export function attachmentHead(title: string, words: readonly string[] = [], n?: number): FileChild[] {
  return [
    new Paragraph({ style: STYLE.heading[0], pageBreakBefore: true, indent: { firstLine: 0 }, children: [new TextRun(`附件${n ? n : ''}`)] }),
    blankLine(),
    titleOf(title, words, { style: STYLE.partTitle, keepNext: true }),
    blankLine(),
  ];
}
