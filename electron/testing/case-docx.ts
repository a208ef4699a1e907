import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { samplePng } from './samples';

// A case written in Word the way offices write them, for the import tests (unit and e2e): a title (as
// a Word heading or a plain first line), byline lines under it, numbered section headings, paragraphs
// with bold, a numbered list, and optionally a table and a picture.

export interface CaseSpec {
  title: string;
  /** Use Word's Title style for the title (else a plain bold centred line). */
  titleStyle?: boolean;
  byline?: string[];
  sections?: { heading: string; paragraphs: string[] }[];
  list?: string[];
  table?: string[][];
  /** A PNG picture of this size. */
  image?: { width: number; height: number };
}

export async function caseDocx(c: CaseSpec): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    c.titleStyle
      ? new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] })
      : new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.title, bold: true, size: 44 })] }),
    ...(c.byline ?? []).map((l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(l)] })),
  ];
  for (const s of c.sections ?? [{ heading: '一、基本情况', paragraphs: [`${c.title}的基本情况。`] }]) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(s.heading)] }));
    for (const p of s.paragraphs) {
      const [before, bold, after] = p.split('**');
      children.push(new Paragraph({ children: [new TextRun(before), ...(bold ? [new TextRun({ text: bold, bold: true }), new TextRun(after ?? '')] : [])] }));
    }
  }
  if (c.list) children.push(...c.list.map((t) => new Paragraph({ numbering: { reference: 'numbers', level: 0 }, children: [new TextRun(t)] })));
  if (c.table) {
    const width = Math.floor(9000 / c.table[0].length);
    children.push(new Table({
      columnWidths: c.table[0].map(() => width),
      rows: c.table.map((row, i) => new TableRow({
        children: row.map((t) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: t, bold: i === 0 })] })] })),
      })),
    }));
  }
  if (c.image) {
    children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: samplePng(c.image.width, c.image.height), transformation: c.image })] }));
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'numbers', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.LEFT }] }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
