/**
 * The printable 督导记录表 (issue 15): the same fields as the Excel form, one visit a page, for a
 * supervisor who writes by hand (the clerk types it in later). The supervisor's name and schools are
 * printed; everything else has boxes to tick or room to write.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type Document } from 'docx';
import { dateInWords } from '../../shared/dates';
import type { BuildContext } from './blocks';
import { formTable } from './form-table';
import { SIZE, STYLE, profileDocument, section, titleOf } from './profile';
import { docxFile, type GeneratedFile } from './pack';
import type { VisitFormTemplateInput } from './excel/visit-form-file';

const boxes = (values: string[], numbered = false) => values.map((v, i) => `□${numbered ? `${i + 1}.` : ''}${v}`).join('　');

/** More schools than fit a line or two: a blank to write the school in (a supervisor without 挂牌 gets every school in Excel). */
const MANY_SCHOOLS = 8;

export function buildVisitFormDocx(f: VisitFormTemplateInput, ctx: BuildContext): Document {
  const day = '　　年　　月　　日';
  const schools = f.lists.schools.length <= MANY_SCHOOLS ? boxes(f.lists.schools) : '';
  const table = formTable({
    weights: [3, 7, 3, 7],
    rows: [
      { cells: [{ text: '督　学', label: true }, { text: f.supervisor.name }, { text: '督导日期', label: true }, { text: day, align: 'center' }], height: 500 },
      { cells: [{ text: '学　校', label: true }, { text: schools, span: 3, small: true }], height: 600 },
      { cells: [{ text: '督导类型', label: true }, { text: boxes(f.lists.types), span: 3, small: true }], height: 440 },
      { cells: [{ text: '主　题', label: true }, { text: '', span: 3 }], height: 480 },
      { cells: [{ text: '督导方式', label: true }, { text: boxes(f.lists.methods), span: 3, small: true }], height: 440 },
      { cells: [{ text: '督导事项', label: true }, { text: boxes(f.lists.items, true), span: 3, small: true }], height: 440 },
      { cells: [{ text: '督导纪实', label: true }, { text: '', span: 3 }], height: 3300 },
      { cells: [{ text: '亮　点', label: true }, { text: '', span: 3 }], height: 850 },
      { cells: [{ text: '问　题', label: true }, { text: ['', '', `类别（事项序号）：＿＿＿＿\u3000整改期限：${day}`], span: 3, small: true }], height: 1100 },
      { cells: [{ text: '现场反馈', label: true }, { text: '', span: 3 }], height: 850 },
      { cells: [{ text: '督学签名', label: true }, { text: '' }, { text: '填表日期', label: true }, { text: day, align: 'center' }], height: 500 },
    ],
  });
  const title = `${f.office}责任督学督导记录表`;
  return profileDocument(ctx.fonts, {
    title,
    sections: [section({
      pageNumbers: false,
      children: [
        titleOf('责任督学督导记录表', ctx.words),
        new Paragraph({
          style: STYLE.tableText, alignment: AlignmentType.CENTER, spacing: { after: 120 },
          children: [new TextRun(`填报期间：${dateInWords(f.from)}至${dateInWords(f.to)}`)],
        }),
        table,
        new Paragraph({
          style: STYLE.tableText, spacing: { before: 60, line: 340, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: '“三五七”督导：每次督导写明一个亮点、一个问题（如有）和一次现场反馈。一次督导填写一页，照片另附并注明学校和日期，交回督导室录入。', size: SIZE.xiaosi })],
        }),
      ],
    })],
  });
}

/** The printable form as a .docx. */
export function visitFormDocx(f: VisitFormTemplateInput, fileName: string, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(fileName, buildVisitFormDocx(f, ctx));
}
