/**
 * Test helper: reads a built .docx back from its zip — document, styles, settings, numbering and each
 * section's footers by kind — and small XML look-ups for assertions. Only tests import this.
 */
import JSZip from 'jszip';
import { Packer, type Document } from 'docx';

export interface SectionFooters {
  /** Odd pages (Word's "default" footer). */
  default?: string;
  even?: string;
  first?: string;
}

export interface DocxParts {
  buffer: Buffer;
  files: string[];
  document: string;
  styles: string;
  settings: string;
  numbering: string;
  /** Each section's sectPr, in order. */
  sections: string[];
  /** Each section's footers by kind, read through the document's relationships. */
  footers: SectionFooters[];
  /** The native charts' parts (word/charts/chartN.xml), in number order. */
  charts: string[];
}

export async function readDocx(doc: Document | Buffer): Promise<DocxParts> {
  const buffer = Buffer.isBuffer(doc) ? doc : await Packer.toBuffer(doc);
  const zip = await JSZip.loadAsync(buffer);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await text('word/document.xml');
  const rels = await text('word/_rels/document.xml.rels');
  const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  const sections = document.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
  const footers: SectionFooters[] = [];
  for (const s of sections) {
    const f: SectionFooters = {};
    for (const m of s.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
      const t = target(m[2]);
      f[m[1] as keyof SectionFooters] = await text(`word/${t?.[1] ?? t?.[2]}`);
    }
    footers.push(f);
  }
  const chartNames = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f))
    .sort((x, y) => Number(/(\d+)\.xml$/.exec(x)![1]) - Number(/(\d+)\.xml$/.exec(y)![1]));
  const charts = await Promise.all(chartNames.map(text));
  return {
    buffer, files: Object.keys(zip.files), document, sections, footers, charts,
    styles: await text('word/styles.xml'), settings: await text('word/settings.xml'), numbering: await text('word/numbering.xml'),
  };
}

/**
 * Each section's content: Word keeps a section's properties in its last paragraph, so a section runs up
 * to the end of the paragraph holding its sectPr.
 */
export function sectionBodies(document: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const end = document.indexOf('</w:sectPr>', from);
    if (end < 0) break;
    const close = document.indexOf('</w:p>', end);
    const to = close < 0 ? document.length : close + '</w:p>'.length;
    out.push(document.slice(from, to));
    from = to;
  }
  return out;
}

/** The <w:style> element with this id. */
export function styleXml(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

/** The value of attribute `attr` on the first `<tag …>` in xml. */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] : undefined;
}

/** The document's paragraphs (<w:p> elements), in order. */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p(?=[\s>])[\s\S]*?<\/w:p>/g) ?? [];
}

/** A paragraph's text. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The style id of a paragraph. */
export const styleOf = (p: string): string | undefined => attr(p, 'w:pStyle', 'w:val');
