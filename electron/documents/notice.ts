/**
 * 整改通知书 (rectification notice to a school, with a tear-off 回执) and 协商函 (referral of problems to a
 * bureau section), worded as in docs/documents.md.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import type { BuildContext } from './blocks';
import { CHAR, LINE, SMALL_CHAR, STYLE, blankLine, profileDocument, section } from './profile';
import { dateInWords } from '../../shared/dates';
import { docxFile, type GeneratedFile } from './pack';

export interface NoticeInput {
  office: string;
  /** e.g. 〔2025〕第12号 */
  numberText: string;
  schoolName: string;
  /** Where the problems came from (来源), e.g. 经常性督导; printed in the receipt's reference only. */
  source?: string | null;
  problems: string[];
  /** 整改要求: extra requirements, printed as their own paragraph. */
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
  /** The visit's date, yyyy-mm-dd. */
  visitDate: string;
  schoolName: string;
  problems: string[];
  issuedDate: string;
  /** e.g. 联系人：王某某，电话：0571-88888888 */
  contact?: string | null;
}

/** A sentence's width in characters: ASCII (digits in dates) counts half. */
const chars = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

/**
 * Signature and date without a seal (GB/T 9704 7.3.5.2): the office's name two characters in from the
 * right, the date under it starting two characters to the right of the name's first character; when the
 * date is the longer, the date is two characters in and the name moves left instead.
 */
export function signature(office: string, isoDate: string): Paragraph[] {
  const date = dateInWords(isoDate);
  const s = chars(office);
  const d = chars(date);
  const nameRight = s - d >= 2 ? 2 : d + 4 - s;
  const dateRight = s - d >= 2 ? s - d : 2;
  const line = (text: string, right: number, keepNext?: boolean) => new Paragraph({
    style: STYLE.signature, keepNext,
    indent: { left: 0, firstLine: 0, right: Math.round(right * CHAR) }, children: [new TextRun(text)],
  });
  return [line(office, nameRight, true), line(date, dateRight)];
}

const flush = (text: string) => new Paragraph({ style: STYLE.normal, indent: { firstLine: 0 }, children: [new TextRun(text)] });
const centred = (text: string) => new Paragraph({ style: STYLE.normal, alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, children: [new TextRun(text)] });
const title = (text: string) => new Paragraph({ style: STYLE.title, children: [new TextRun(text)] });
/** Body paragraphs, the last kept with the signature so the signature never stands alone on a page. */
const bodyKeptWithSignature = (lines: string[]) => [
  ...lines.map((l, i) => new Paragraph({ style: STYLE.normal, keepNext: i === lines.length - 1 || undefined, children: [new TextRun(l)] })),
  new Paragraph({ style: STYLE.normal, keepNext: true }),
];

export function noticeBody(n: NoticeInput): string[] {
  return [
    '经挂牌督导，你单位存在以下问题：',
    ...n.problems.map((p, i) => `${i + 1}.${p.trim()}`),
    ...(n.requirement ? [n.requirement.trim()] : []),
    `请高度重视，立即整改，并于本通知下发之日起${n.deadlineDays}日内将整改报告书面报送责任督学。`,
  ];
}

/**
 * The tear-off receipt under a dashed cut line, in 4号 on a tighter line so it usually shares the
 * notice's page, and kept together.
 */
function receipt(n: NoticeInput): Paragraph[] {
  const line = (text: string, o: { indent?: boolean; align?: 'center'; keepNext?: boolean } = {}) => new Paragraph({
    style: STYLE.colophon,
    alignment: o.align === 'center' ? AlignmentType.CENTER : undefined,
    keepNext: o.keepNext ?? true,
    spacing: { line: RECEIPT_LINE, lineRule: LineRuleType.EXACT },
    indent: { left: 0, right: 0, firstLine: o.indent ? 2 * SMALL_CHAR : 0 },
    children: [new TextRun(text)],
  });
  const cut = new Paragraph({
    style: STYLE.colophon, alignment: AlignmentType.CENTER, keepNext: true,
    spacing: { before: LINE, line: RECEIPT_LINE, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 } },
    children: [new TextRun('（沿此线剪开）')],
  });
  return [
    cut,
    new Paragraph({ style: STYLE.contentsHead, keepNext: true, children: [new TextRun('回　执')] }),
    line(`${n.office}：`),
    line(`我单位已收到${n.numberText}整改通知书${n.source ? `（${n.source}）` : ''}，将按要求在${n.deadlineDays}日内完成整改，并将整改报告书面报送责任督学。`, { indent: true }),
    line(`学校：${n.schoolName}（盖章）`),
    line('签收人：　　　　　　　　签收日期：　　　　年　　月　　日', { keepNext: false }),
  ];
}
const RECEIPT_LINE = 480;

export function buildNotice(n: NoticeInput, ctx: BuildContext): Document {
  const children: FileChild[] = [
    title('整改通知书'),
    centred(n.numberText),
    blankLine(),
    flush(`${n.schoolName}：`),
    ...bodyKeptWithSignature(noticeBody(n)),
    ...signature(n.office, n.issuedDate),
    ...((n.receipt ?? true) ? receipt(n) : []),
  ];
  return profileDocument(ctx.fonts, { title: `整改通知书${n.numberText}`, sections: [section({ children })] });
}

export function referralBody(r: ReferralInput): string[] {
  return [
    `我室责任督学于${dateInWords(r.visitDate)}对${r.schoolName}进行了督导，发现以下问题：`,
    ...r.problems.map((p, i) => `${i + 1}.${p.trim()}`),
    '请贵科室予以支持、配合、协调解决。',
  ];
}

export function buildReferral(r: ReferralInput, ctx: BuildContext): Document {
  const children: FileChild[] = [
    title('协商函'),
    ...(r.numberText ? [centred(r.numberText)] : []),
    blankLine(),
    flush(`${r.section}：`),
    ...bodyKeptWithSignature([...referralBody(r), ...(r.contact ? [r.contact] : [])]),
    ...signature(r.office, r.issuedDate),
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
