/**
 * 整改通知书 (rectification notice to a school, with a tear-off 回执) and 协商函 (referral of problems to a
 * bureau section), worded as in docs/documents.md. Every date in them is a record's: each problem's own
 * origin (the visit, the complaint, or the office's entry) and the notice's issue date and deadline.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import type { BuildContext } from './blocks';
import { forLayout, withFootBlock } from './page-end';
import {
  SMALL_CHAR, STYLE, TYPE_WIDTH, blankLine, profileDocument, section, signatureBlock, titleOf,
} from './profile';
import { addDays, dateInWords } from '../../shared/dates';
import type { ProblemOrigin } from '../../shared/schemas/problem';
import { docxFile, type GeneratedFile } from './pack';

/** A problem as a notice or letter lists it: its description and where it came from. */
export interface LetterProblem {
  description: string;
  origin: ProblemOrigin;
}

export interface NoticeInput {
  office: string;
  /** e.g. 〔2025〕第12号 */
  numberText: string;
  schoolName: string;
  problems: LetterProblem[];
  /** 整改要求, the office's own words; the standard sentence stands in when it is empty. */
  requirement?: string | null;
  /** 期限: days from the date of issue. */
  deadlineDays: number;
  /** 下发日期, yyyy-mm-dd. */
  issuedDate: string;
  /** Add the tear-off 回执 (default true). */
  receipt?: boolean;
}

export interface ReferralInput {
  office: string;
  numberText?: string | null;
  /** The bureau section addressed, e.g. 区教育局基础教育科. */
  section: string;
  schoolName: string;
  problems: LetterProblem[];
  issuedDate: string;
  /** e.g. 联系人：王某某，电话：0571-88888888 */
  contact?: string | null;
}

const CHANNEL_WORDS: Record<string, string> = { 来访: '来访', 来电: '来电', 信件: '来信', 网络: '网络' };
const visitKind = (type: string | null, campaign?: string | null) => {
  const t = (type ?? '').replace(/督导$/, '');
  return t === '回查' ? '回查' : t === '专项' && campaign ? `“${campaign.replace(/专项督导$/, '')}”专项督导` : `${t}督导`;
};

/**
 * Where a problem came from, dated: "2026年10月19日责任督学经常性督导中发现", "2026年11月3日来电反映",
 * "2026年11月5日督导室登记". `short` is the school's view, for the 回执: "2026年10月19日经常性督导发现".
 */
export function originText(o: ProblemOrigin, short = false): string {
  const d = dateInWords(o.date);
  switch (o.kind) {
    case 'visit': return short ? `${d}${visitKind(o.visitType, o.campaign)}发现` : `${d}责任督学${visitKind(o.visitType, o.campaign)}中发现`;
    case 'complaint': return `${d}${CHANNEL_WORDS[o.channel ?? ''] ?? '群众'}反映`;
    case 'campaign': return `${d}“${o.campaign.replace(/专项督导$/, '')}”专项督导${short ? '发现' : '中发现'}`;
    case 'entered': return `${d}督导室登记`;
  }
}

/** Phrases joined as a sentence does: A、B和C. */
function joined(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join('、')}和${parts.at(-1)}`;
}

/** The problems' origins for the 回执, each once, oldest first: "2026年12月1日经常性督导发现的问题". */
export function receiptOrigins(problems: LetterProblem[]): string {
  const sorted = [...problems].sort((a, b) => a.origin.date.localeCompare(b.origin.date));
  return `${joined([...new Set(sorted.map((p) => originText(p.origin, true)))])}的问题`;
}

const flush = (text: string) => new Paragraph({ style: STYLE.normal, indent: { firstLine: 0 }, children: [new TextRun(text)] });
const centred = (text: string) => new Paragraph({ style: STYLE.normal, alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun(text)] });
/** Body paragraphs, the last kept with the signature so the signature never stands alone on a page. */
const bodyKeptWithSignature = (lines: string[]) => [
  ...lines.map((l, i) => new Paragraph({ style: STYLE.normal, keepNext: i === lines.length - 1 || undefined, children: [new TextRun(l)] })),
  new Paragraph({ style: STYLE.normal, keepNext: true }),
];
const numbered = (i: number, text: string) => `${i + 1}.${text.trim()}`;

export function noticeBody(n: NoticeInput): string[] {
  const due = dateInWords(addDays(n.issuedDate, n.deadlineDays));
  const requirement = n.requirement?.trim();
  return [
    '经挂牌督导，你单位存在以下问题：',
    ...n.problems.map((p, i) => numbered(i, p.description)),
    // The office's own 整改要求 stands alone, with the deadline as a fact; the standard sentence only without it.
    ...(requirement
      ? [requirement, `整改期限：自本通知下发之日起${n.deadlineDays}日内（${due}前）。`]
      : [`请高度重视，立即整改，并于本通知下发之日起${n.deadlineDays}日内（${due}前）将整改报告书面报送责任督学。`]),
  ];
}

const RECEIPT_LINE = 480;
/** Characters of 4号 on a receipt line (the type area's width, with the body's character spacing). */
const RECEIPT_CHARS = Math.floor(TYPE_WIDTH / (SMALL_CHAR - 5));

/** The 回执's lines after its heading. */
export function receiptLines(n: NoticeInput): string[] {
  const due = dateInWords(addDays(n.issuedDate, n.deadlineDays));
  return [
    `${n.office}：`,
    `我单位已收到${n.numberText}整改通知书，将对${receiptOrigins(n.problems)}按要求整改，并于${due}前将整改报告书面报送责任督学。`,
    `学校：${n.schoolName}（盖章）`,
    '签收人：　　　　　　　　签收日期：　　　　年　　月　　日',
  ];
}

/**
 * The tear-off receipt, starting with its dashed cut line, in 4号 on a tighter line, kept together; and its
 * height in twips (wrapped lines counted generously), for placing it at the foot of the last page.
 */
function receipt(n: NoticeInput): { paragraphs: () => Paragraph[]; height: number } {
  const lines = receiptLines(n);
  const paragraphs = () => [
    new Paragraph({
      style: STYLE.colophon, alignment: AlignmentType.CENTER, keepNext: true,
      spacing: { line: RECEIPT_LINE, lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 } },
      children: [new TextRun('（沿此线剪开）')],
    }),
    new Paragraph({ style: STYLE.contentsHead, keepNext: true, spacing: { line: RECEIPT_LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun('回　执')] }),
    ...lines.map((text, i) => new Paragraph({
      style: STYLE.colophon, keepNext: i < lines.length - 1,
      spacing: { line: RECEIPT_LINE, lineRule: LineRuleType.EXACT },
      indent: { left: 0, right: 0, firstLine: i === 1 ? 2 * SMALL_CHAR : 0 },
      children: [new TextRun(text)],
    })),
  ];
  const wrapped = lines.reduce((k, l, i) => k + Math.ceil(([...l].length + (i === 1 ? 2 : 0)) / (RECEIPT_CHARS - 1)), 0);
  return { paragraphs, height: 2 * RECEIPT_LINE + 60 + wrapped * RECEIPT_LINE };
}

export function buildNotice(n: NoticeInput, ctx: BuildContext): Document {
  const body = (layout = false): FileChild[] => bodyOf(layout ? forLayout(n) : n);
  const bodyOf = (n: NoticeInput): FileChild[] => [
    titleOf('整改通知书', ctx.words),
    centred(n.numberText),
    blankLine(),
    flush(`${n.schoolName}：`),
    ...bodyKeptWithSignature(noticeBody(n)),
    ...signatureBlock(n.office, n.issuedDate),
  ];
  const title = `整改通知书${n.numberText}`;
  if (n.receipt === false) return profileDocument(ctx.fonts, { title, sections: [section({ children: body() })] });
  // The 回执 and its cut line at the foot of the last page, or on a page of their own.
  const r = receipt(n);
  return profileDocument(ctx.fonts, { title, sections: withFootBlock(ctx.fonts, body, r.paragraphs, r.height) });
}

export function referralBody(r: ReferralInput): string[] {
  return [
    `我室在督导工作中发现${r.schoolName}存在以下问题：`,
    ...r.problems.map((p, i) => numbered(i, `${p.description.trim().replace(/[。；;.]$/, '')}（${originText(p.origin)}）。`)),
    '请贵科室予以支持、配合、协调解决。',
  ];
}

export function buildReferral(r: ReferralInput, ctx: BuildContext): Document {
  const children: FileChild[] = [
    titleOf('协商函', ctx.words),
    ...(r.numberText ? [centred(r.numberText)] : []),
    blankLine(),
    flush(`${r.section}：`),
    ...bodyKeptWithSignature([...referralBody(r), ...(r.contact ? [r.contact] : [])]),
    ...signatureBlock(r.office, r.issuedDate),
  ];
  return profileDocument(ctx.fonts, { title: `协商函${r.numberText ?? ''}`, sections: [section({ children })] });
}

/** The notice as a .docx: 整改通知书〔2025〕第12号城关第一小学.docx */
export function noticeFile(n: NoticeInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`整改通知书${n.numberText}${n.schoolName}`, buildNotice(n, ctx));
}

/** The referral as a .docx: 协商函（计财科）城关第一小学.docx */
export function referralFile(r: ReferralInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`协商函（${r.section}）${r.schoolName}`, buildReferral(r, ctx));
}
