/**
 * 督导工作简报 (monthly briefing): red masthead, optional 本期要目, articles, colophon with 报/送/发.
 */
import { Paragraph, TextRun, type Document, type FileChild } from 'docx';
import type { Block } from '../../shared/schemas/blocks';
import type { Briefing } from '../../shared/schemas/briefing';
import type { Settings } from '../../shared/schemas/settings';
import { issueLabel } from '../../shared/labels';
import { docxFileName, toDocx, type GeneratedFile } from './pack';
import { blockRenderer, type BuildContext } from './blocks';
import {
  RED, RULE, SIZE, STYLE, TYPE_WIDTH, blankLine, leftRightLine, profileDocument, ruleParagraph, titleOf,
} from './profile';
import { forLayout, withColophon } from './page-end';
import { dateInWords } from '../../shared/dates';

export interface BriefingArticle {
  title: string;
  blocks: Block[];
}

export interface BriefingInput {
  /** The briefing's name, e.g. 督导工作简报. */
  name: string;
  /** 第N期, numbered within the year; a draft passes a placeholder such as ×. */
  issue: number | string;
  /** （总第N期）, numbered over all years; left out when null. */
  totalIssue?: number | null;
  /** The issuing unit (编印单位), usually the office's name. */
  issuer: string;
  /** Date of issue, yyyy-mm-dd. */
  date: string;
  /** 本期要目: the lines to list, or null/empty for none. */
  contents?: string[] | null;
  articles: BriefingArticle[];
  /** Distribution lists from the settings: 报 (up), 送 (across), 发 (down). */
  distribution: { bao: string[]; song: string[]; fa: string[] };
  /** （共印N份） */
  copies: number;
}

/**
 * The masthead's size: 小初 (36 pt), smaller for a long name so it stays on one line of the type area
 * (sizes in half-points; one half-point of a character is 10 twips wide).
 */
export function mastheadSize(name: string): number {
  return Math.min(SIZE.xiaochu, Math.floor(TYPE_WIDTH / Math.max(1, [...name].length) / 10));
}

function masthead(b: BriefingInput): Paragraph[] {
  const issue = `第${b.issue}期${b.totalIssue ? `（总第${b.totalIssue}期）` : ''}`;
  const size = mastheadSize(b.name);
  return [
    new Paragraph({ style: STYLE.masthead, children: [new TextRun({ text: b.name, size: size === SIZE.xiaochu ? undefined : size })] }),
    new Paragraph({ style: STYLE.mastheadLine, children: [new TextRun(issue)] }),
    leftRightLine(STYLE.mastheadLine, b.issuer, dateInWords(b.date), 0),
    // The red rule about 4 mm under the issuer and date, across the type area.
    ruleParagraph(RULE.red, RED, 120),
  ];
}

function contents(lines: string[]): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.contentsHead, children: [new TextRun('本期要目')] }),
    ...lines.map((l) => new Paragraph({ style: STYLE.contentsItem, children: [new TextRun(l)] })),
  ];
}

/**
 * The briefing as a Document: masthead and articles, then the colophon at the foot of the last page, which
 * is even (page-end.ts): beside the body when it fits there, else on a page of its own.
 */
export function buildBriefing(given: BriefingInput, ctx: BuildContext): Document {
  const body = (layout: boolean): FileChild[] => {
    const b = layout ? forLayout(given) : given;
    const blocks = blockRenderer(ctx.loadImage);
    const children: FileChild[] = [...masthead(b), blankLine()];
    if (b.contents?.length) children.push(...contents(b.contents), blankLine());
    else children.push(blankLine());
    b.articles.forEach((a, i) => {
      if (i > 0) children.push(blankLine());
      children.push(titleOf(a.title, ctx.words), new Paragraph({ style: STYLE.normal, keepNext: true }), ...blocks.render(a.blocks));
    });
    return children;
  };
  const b = given;
  const d = b.distribution;
  return profileDocument(ctx.fonts, {
    title: `${b.name}第${b.issue}期`,
    sections: withColophon(ctx.fonts, body, {
      lines: [{ label: '报', names: d.bao }, { label: '送', names: d.song }, { label: '发', names: d.fa }],
      note: `（共印${b.copies}份）`,
      issuer: b.issuer,
      date: b.date,
    }),
  });
}

/**
 * What an issued briefing is called: 督导工作简报2025年第3期（总第15期）; one under correction the same with
 * （更正稿）; a draft: 督导工作简报（2025年3月草稿）.
 */
export function briefingLabel(name: string, b: Pick<Briefing, 'month' | 'year' | 'issueNo' | 'totalNo' | 'status'>): string {
  if (b.status === '草稿') return `${name}（${b.month.replace('-', '年').replace(/^(\d+年)0?/, '$1')}月草稿）`;
  return `${name}${issueLabel(b.year!, b.issueNo!, b.totalNo!)}${b.status === '更正中' ? '（更正稿）' : ''}`;
}

/** A briefing's file name: its label as a .docx name. */
export function briefingFileName(name: string, b: Pick<Briefing, 'month' | 'year' | 'issueNo' | 'totalNo' | 'status'>): string {
  return docxFileName(briefingLabel(name, b));
}

/**
 * The document's input from a briefing and the office's settings: the issuing unit and copies default
 * to the settings'; 本期要目 lists the articles' titles when the briefing asks for it.
 */
export function briefingInput(
  s: Pick<Settings, 'briefingName' | 'officeName' | 'distribution' | 'printCopies'>,
  b: Pick<Briefing, 'issuingUnit' | 'showToc' | 'articles' | 'copies'>,
  numbers: { issue: number | string; total: number | null; date: string },
): BriefingInput {
  return {
    name: s.briefingName,
    issue: numbers.issue,
    totalIssue: numbers.total,
    issuer: b.issuingUnit ?? s.officeName,
    date: numbers.date,
    contents: b.showToc ? b.articles.map((x) => x.title) : null,
    articles: b.articles,
    distribution: s.distribution,
    copies: b.copies ?? s.printCopies,
  };
}

/** The briefing as a .docx called `fileName` (see briefingFileName). */
export async function briefingFile(b: BriefingInput, fileName: string, ctx: BuildContext): Promise<GeneratedFile> {
  return { fileName, bytes: await toDocx(buildBriefing(b, ctx)) };
}
