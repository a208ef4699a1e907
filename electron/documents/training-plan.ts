/** A training plan (年度计划, 五年规划) in Word (issue 15): its title, the years it covers, its rich-text body. */
import { Paragraph, TextRun, type Document } from 'docx';
import type { Block } from '../../shared/schemas/blocks';
import { blockRenderer, type BuildContext } from './blocks';
import { STYLE, blankLine, profileDocument, section, titleOf } from './profile';
import { docxFile, type GeneratedFile } from './pack';

export interface TrainingPlanDocInput {
  office: string;
  title: string;
  /** 2026—2030年, or null. */
  period: string | null;
  body: Block[];
}

export function buildTrainingPlan(p: TrainingPlanDocInput, ctx: BuildContext): Document {
  return profileDocument(ctx.fonts, {
    title: p.title,
    sections: [section({
      children: [
        titleOf(p.title, ctx.words),
        ...(p.period ? [new Paragraph({ style: STYLE.byline, children: [new TextRun(`（${p.period}）`)] })] : []),
        blankLine(),
        ...blockRenderer(ctx.loadImage).render(p.body),
      ],
    })],
  });
}

export function trainingPlanFile(p: TrainingPlanDocInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(p.title, buildTrainingPlan(p, ctx));
}
