/**
 * 培训 and 会议 in Word (issue 15): the 签到表 printed for people to sign, and the 会议纪要 (培训纪要)
 * from the minutes and the recorded attendance.
 */
import { AlignmentType, Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { dateInWords } from '../../shared/dates';
import type { BuildContext } from './blocks';
import { formTable } from './form-table';
import { CHAR, SIZE, STYLE, blankLine, profileDocument, section, signatureBlock, titleOf } from './profile';
import { docxFile, type GeneratedFile } from './pack';

export interface TrainingDocInput {
  office: string;
  kind: '培训' | '会议';
  date: string;
  topic: string;
  organiser: string | null;
  place: string | null;
  hours: number;
  materials: string | null;
  minutes: string | null;
  attendance: { name: string; category: string; unit: string | null; status: '出席' | '请假' | '缺席' | null; note: string | null }[];
}

/** A centred line of 小四 under the 签到表's title. */
const centred = (text: string) => new Paragraph({
  style: STYLE.tableText, alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: SIZE.xiaosi })],
});
const body = (text: string) => new Paragraph({ style: STYLE.normal, children: [new TextRun(text)] });
/** A line "时间：…" with its label in 黑体, hanging so wrapped lines align after the colon. */
function field(label: string, text: string): Paragraph {
  const hang = (label.length + 1) * CHAR;
  return new Paragraph({
    style: STYLE.normal, indent: { left: 2 * CHAR + hang, hanging: hang, firstLine: 0 },
    children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(text)],
  });
}

/** The 签到表's title: 2026年第一次督学工作会议签到表. */
export function signInTitle(t: TrainingDocInput): string {
  return `${t.topic}签到表`;
}

/** 督学工作会议纪要, 师德专题培训纪要: the topic once, whatever it ends with. */
export function minutesTitle(t: TrainingDocInput): string {
  if (/纪要$/.test(t.topic)) return t.topic;
  if (t.kind === '会议') return /会议?$/.test(t.topic) ? `${t.topic}纪要` : `${t.topic}会议纪要`;
  return /培训$/.test(t.topic) ? `${t.topic}纪要` : `${t.topic}培训纪要`;
}

/** 时间 and 地点 on one line, 主办 on the next: a field never breaks across lines (the office's name is long). */
const meta = (t: TrainingDocInput): string[] => [
  [`时间：${dateInWords(t.date)}`, ...(t.place ? [`地点：${t.place}`] : [])].join('　　'),
  ...(t.organiser ? [`主办：${t.organiser}`] : []),
];

/** The 签到表: one row per participant (or empty rows to fill), a column to sign. */
export function buildSignIn(t: TrainingDocInput, ctx: BuildContext): Document {
  const people = t.attendance.length ? t.attendance : Array.from({ length: 20 }, () => null);
  const table = formTable({
    // Name, category and unit in 五号, so 专职督学 and a school's full name keep to a line.
    weights: [2.5, 4, 4, 9, 5, 2.5],
    rows: [
      { header: true, cells: ['序号', '姓名', '类别', '工作单位', '签　名', '备注'].map((text) => ({ text, label: true })), height: 520 },
      ...people.map((p, i) => ({
        height: 560,
        cells: [
          { text: String(i + 1), align: 'center' as const }, { text: p?.name ?? '', align: 'center' as const, small: true },
          { text: p?.category ?? '', align: 'center' as const, small: true }, { text: p?.unit ?? '', small: true }, { text: '' }, { text: '' },
        ],
      })),
    ],
  });
  return profileDocument(ctx.fonts, {
    title: signInTitle(t),
    sections: [section({ children: [titleOf(signInTitle(t), ctx.words), ...meta(t).map(centred), blankLine(), table] })],
  });
}

/** Names by attendance status, with notes (请假的原因) after the name. */
function names(t: TrainingDocInput, status: '出席' | '请假' | '缺席'): string {
  return t.attendance.filter((p) => p.status === status).map((p) => (p.note ? `${p.name}（${p.note}）` : p.name)).join('、');
}

/**
 * The 纪要: title, date; 时间 / 地点 / 主办 / 出席 / 请假 / 缺席 / 学时 / 材料; the minutes as body paragraphs;
 * the office and date (GB/T 9704 signature without a seal).
 */
export function buildMinutes(t: TrainingDocInput, ctx: BuildContext): Document {
  const present = names(t, '出席');
  const leave = names(t, '请假');
  const absent = names(t, '缺席');
  const paragraphs = (t.minutes ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const children: FileChild[] = [
    titleOf(minutesTitle(t), ctx.words),
    blankLine(),
    field('时间', dateInWords(t.date)),
    ...(t.place ? [field('地点', t.place)] : []),
    ...(t.organiser ? [field('主办', t.organiser)] : []),
    field('出席', present ? `${present}（共${t.attendance.filter((p) => p.status === '出席').length}人）` : '（未登记）'),
    ...(leave ? [field('请假', leave)] : []),
    ...(absent ? [field('缺席', absent)] : []),
    ...(t.kind === '培训' && t.hours > 0 ? [field('学时', `${t.hours}学时`)] : []),
    ...(t.materials ? [field('材料', t.materials.replace(/\r?\n/g, '；'))] : []),
    blankLine(),
    ...(paragraphs.length ? paragraphs.map(body) : [body(`（${t.kind === '会议' ? '会议' : '培训'}内容尚未记录。）`)]),
    new Paragraph({ style: STYLE.normal, keepNext: true }),
    ...signatureBlock(t.office, t.date),
  ];
  return profileDocument(ctx.fonts, { title: minutesTitle(t), sections: [section({ children })] });
}

export function signInFile(t: TrainingDocInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`${dateInWords(t.date)}${signInTitle(t)}`, buildSignIn(t, ctx));
}

export function minutesFile(t: TrainingDocInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`${dateInWords(t.date)}${minutesTitle(t)}`, buildMinutes(t, ctx));
}
