/**
 * The letters of a campaign and of 督政: the 督导意见书 to a school with its findings, and the 督导建议书
 * (to a government or department) or 协商函 (to a bureau section) on a unit's problems.
 */
import type { Document, FileChild } from 'docx';
import { dateInWords } from '../../shared/dates';
import { chineseNumber } from '../../shared/numbers';
import type { BuildContext } from './blocks';
import { addressee, bodyLine, closing, sectionHeading } from './official';
import { docxFile, type GeneratedFile } from './pack';
import { blankLine, profileDocument, section, titleOf } from './profile';

export interface OpinionInput {
  office: string;
  campaign: string;
  /** 《文件》（文号）, or empty. */
  basis: string;
  school: string;
  dates: string[];
  methods: string[];
  checklist: string[];
  highlights: string[];
  problems: string[];
  /** The office's 督导意见 for the school; a standard requirement when empty. */
  opinion: string | null;
  date: string;
}

export const opinionTitle = (campaign: string) => `${campaign}专项督导意见书`;

/** The standard 整改意见 when the office wrote none of its own. */
export const OPINION_DEFAULT = '请你校对照上述问题，逐项制定整改措施，明确整改责任人和整改时限，于收到本意见书之日起30日内将整改情况书面报送我室。';

export function opinionBody(o: OpinionInput): FileChild[] {
  const when = o.dates.map(dateInWords).join('、');
  const how = o.methods.length ? `采取${o.methods.join('、')}等方式，` : '';
  const what = o.checklist.length ? `对照${o.checklist.join('、')}等内容，` : '';
  const numbered = (xs: string[]) => xs.map((x, i) => bodyLine(`${i + 1}.${x.trim()}`));
  const opinion = o.opinion ?? (o.problems.length ? OPINION_DEFAULT : `希望你校巩固督导成果，持续做好${o.campaign}工作。`);
  // A part with nothing to say is left out; the others are numbered in order.
  const parts: [string, FileChild[]][] = [
    ...(o.highlights.length ? [['主要成绩', numbered(o.highlights)] as [string, FileChild[]]] : []),
    ['存在问题', o.problems.length ? numbered(o.problems) : [bodyLine('本次专项督导未发现需要整改的问题。')]],
    ['整改意见', opinion.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l, i, all) => bodyLine(l, i === all.length - 1))],
  ];
  return [
    bodyLine(`${o.basis ? `根据${o.basis}要求，` : ''}${o.office}督导组于${when}对你校${o.campaign}工作进行了专项督导。督导组${how}${what}进行了认真检查。现将督导意见反馈如下：`),
    ...parts.flatMap(([title, lines], i) => [sectionHeading(`${chineseNumber(i + 1)}、${title}`), ...lines]),
  ];
}

export function buildOpinion(o: OpinionInput, ctx: BuildContext): Document {
  return profileDocument(ctx.fonts, {
    title: opinionTitle(o.campaign),
    sections: [section({ children: [titleOf(opinionTitle(o.campaign), ctx.words), blankLine(), addressee(o.school), ...opinionBody(o), ...closing(o.office, o.date)] })],
  });
}

export function opinionFile(o: OpinionInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`${opinionTitle(o.campaign)}（${o.school}）`, buildOpinion(o, ctx));
}

// ---- 督政 ----

export interface UnitLetterInput {
  office: string;
  kind: '督导建议书' | '协商函';
  unit: string;
  /** Where the problems were found: “双减”专项督导, or 督导工作. */
  context: string;
  problems: { description: string; due: string | null }[];
  replyBy: string | null;
  date: string;
  contact: string | null;
}

export function unitLetterBody(l: UnitLetterInput): string[] {
  // The deadline inside the sentence: “…隐患（整改时限：2027年1月3日）。”
  const list = l.problems.map((p, i) => (p.due
    ? `${i + 1}.${p.description.trim().replace(/[。；;.]$/, '')}（整改时限：${dateInWords(p.due)}）。`
    : `${i + 1}.${p.description.trim()}`));
  const reply = l.replyBy ? `于${dateInWords(l.replyBy)}前` : '及时';
  return l.kind === '协商函'
    ? [
      `我室在${l.context}中发现以下问题，涉及贵科室职责：`,
      ...list,
      `请贵科室予以支持、配合、协调解决，并${reply}将办理情况反馈我室。`,
    ]
    : [
      `我室在${l.context}中发现，你单位在以下方面存在问题：`,
      ...list,
      `建议你单位高度重视，研究制定整改措施，明确责任人和整改时限，${reply}将整改落实情况书面反馈我室。`,
    ];
}

export function buildUnitLetter(l: UnitLetterInput, ctx: BuildContext): Document {
  const lines = [...unitLetterBody(l), ...(l.contact ? [l.contact] : [])];
  return profileDocument(ctx.fonts, {
    title: l.kind,
    sections: [section({ children: [titleOf(l.kind, ctx.words), blankLine(), addressee(l.unit),
      ...lines.map((t, i) => bodyLine(t, i === lines.length - 1)), ...closing(l.office, l.date)] })],
  });
}

export function unitLetterFile(l: UnitLetterInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(`${l.kind}（${l.unit}）`, buildUnitLetter(l, ctx));
}
