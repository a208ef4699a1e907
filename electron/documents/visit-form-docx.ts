/**
 * The printable 督导记录表 (issue 15): the same fields as the Excel form, one visit a page, for a
 * supervisor who writes by hand (the clerk types it in later). The supervisor's name and schools are
 * printed; everything else has boxes to tick or room to write.
 */
import { AlignmentType, Paragraph, TextRun, type Document } from 'docx';
import { dateInWords } from '../../shared/dates';
import type { BuildContext } from './blocks';
import { formTable } from './form-table';
import { STYLE, profileDocument, section } from './profile';
import { docxFile, type GeneratedFile } from './pack';
import type { VisitFormTemplateInput } from './excel/visit-form-file';

const boxes = (values: string[], numbered = false) => values.map((v, i) => `□${numbered ? `${i + 1}.` : ''}${v}`).join('　');

export function buildVisitFormDocx(f: VisitFormTemplateInput, ctx: BuildContext): Document {
  const line = '＿＿＿＿＿＿＿＿';
  const table = formTable({
    weights: [3, 7, 3, 7],
    rows: [
      { cells: [{ text: '督　学', label: true }, { text: f.supervisor.name }, { text: '督导日期', label: true }, { text: '　　　　年　　月　　日', align: 'center' }], height: 560 },
      { cells: [{ text: '学　校', label: true }, { text: boxes(f.lists.schools), span: 3 }], height: 560 },
      { cells: [{ text: '督导类型', label: true }, { text: boxes(f.lists.types), span: 3 }], height: 480 },
      { cells: [{ text: '主　题', label: true }, { text: '', span: 3 }], height: 520 },
      { cells: [{ text: '督导方式', label: true }, { text: boxes(f.lists.methods), span: 3 }], height: 480 },
      { cells: [{ text: '督导事项', label: true }, { text: boxes(f.lists.items, true), span: 3 }], height: 480 },
      { cells: [{ text: '督导纪实', label: true }, { text: '', span: 3 }], height: 3300 },
      { cells: [{ text: '亮　点', label: true }, { text: '', span: 3 }], height: 900 },
      { cells: [{ text: '问　题', label: true }, { text: ['', '', `问题类别（填事项序号）：${line}\u3000\u3000整改期限：\u3000\u3000年\u3000\u3000月\u3000\u3000日`], span: 3 }], height: 1300 },
      { cells: [{ text: '现场反馈', label: true }, { text: '', span: 3 }], height: 900 },
      { cells: [{ text: '照　片', label: true }, { text: '另附，注明学校和日期', span: 3 }], height: 480 },
      { cells: [{ text: '督学签名', label: true }, { text: '' }, { text: '填表日期', label: true }, { text: '　　　　年　　月　　日', align: 'center' }], height: 560 },
    ],
  });
  const title = `${f.office}责任督学督导记录表`;
  return profileDocument(ctx.fonts, {
    title,
    sections: [section({
      pageNumbers: false,
      children: [
        new Paragraph({ style: STYLE.title, children: [new TextRun('责任督学督导记录表')] }),
        new Paragraph({
          style: STYLE.tableText, alignment: AlignmentType.CENTER, spacing: { after: 120 },
          children: [new TextRun(`${f.office}\u3000\u3000填报期间：${dateInWords(f.from)}至${dateInWords(f.to)}`)],
        }),
        table,
        new Paragraph({
          style: STYLE.tableText, spacing: { before: 80 },
          children: [new TextRun('“三五七”督导：每次督导写明一个亮点、一个问题（如有）和一次现场反馈。一次督导填写一页，交回督导室录入。')],
        }),
      ],
    })],
  });
}

/** The printable form as a .docx. */
export function visitFormDocx(f: VisitFormTemplateInput, fileName: string, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(fileName, buildVisitFormDocx(f, ctx));
}
