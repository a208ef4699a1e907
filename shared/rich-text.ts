/**
 * The block model (shared/schemas/blocks.ts) <-> the rich-text editor's document (tiptap / ProseMirror
 * JSON). Pure functions, no DOM, so both sides are testable in Node.
 *
 * The editor knows only what the Word profile prints: paragraphs with bold runs and line breaks, headings
 * 1–4, bullet and ordered lists, images and simple grid tables (text cells, an optional header row; edited
 * in a dialog as a whole, one node in the editor). Anything else a paste
 * brings in is flattened to text: a heading or list item loses its bold, a nested list becomes items of
 * its parent list, empty paragraphs and headings go.
 */
import type { Block, TableBlock, TextRunData } from './schemas/blocks';

/** A ProseMirror JSON node, as tiptap's `getJSON()` returns it. */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** Node names in the editor: StarterKit's, plus `image` (extended with hash and pixel size) and `gridTable`. */
export const NODE = {
  doc: 'doc', paragraph: 'paragraph', heading: 'heading', text: 'text', hardBreak: 'hardBreak',
  bulletList: 'bulletList', orderedList: 'orderedList', listItem: 'listItem', image: 'image', table: 'gridTable',
} as const;

/** Where an image's picture comes from in the editor (a data: URL), when already known. */
export type ImageSource = (hash: string) => string | null | undefined;

function textNodes(runs: TextRunData[]): DocNode[] {
  const out: DocNode[] = [];
  for (const r of runs) {
    r.text.split(/\r?\n/).forEach((line, i) => {
      if (i > 0) out.push({ type: NODE.hardBreak });
      if (line) out.push({ type: NODE.text, text: line, ...(r.bold ? { marks: [{ type: 'bold' }] } : {}) });
    });
  }
  return out;
}

const para = (runs: TextRunData[]): DocNode => {
  const content = textNodes(runs);
  return { type: NODE.paragraph, ...(content.length ? { content } : {}) };
};

export function blocksToDoc(blocks: Block[], srcOf: ImageSource = () => null): DocNode {
  const content = blocks.map((b): DocNode => {
    switch (b.type) {
      case 'paragraph': return para(b.runs);
      case 'heading': return { type: NODE.heading, attrs: { level: b.level }, content: textNodes([{ text: b.text }]) };
      case 'list': return {
        type: b.ordered ? NODE.orderedList : NODE.bulletList,
        ...(b.ordered ? { attrs: { start: 1 } } : {}),
        content: b.items.map((it) => ({ type: NODE.listItem, content: [para([{ text: it }])] })),
      };
      case 'image': return {
        type: NODE.image,
        attrs: { src: srcOf(b.hash) ?? null, alt: b.caption, title: b.caption, hash: b.hash, pxWidth: b.width, pxHeight: b.height },
      };
      case 'table': return { type: NODE.table, attrs: { rows: b.rows, header: b.header } };
    }
  });
  return { type: NODE.doc, content: content.length ? content : [{ type: NODE.paragraph }] };
}

/** Runs of a paragraph: text with bold marks, a hard break as a line break; neighbours of equal weight merged. */
function runsOf(nodes: DocNode[] = []): TextRunData[] {
  const out: TextRunData[] = [];
  for (const n of nodes) {
    const bold = n.type === NODE.text && !!n.marks?.some((m) => m.type === 'bold');
    const text = n.type === NODE.text ? n.text ?? '' : n.type === NODE.hardBreak ? '\n' : plain([n]);
    if (!text) continue;
    const last = out[out.length - 1];
    // A line break takes the weight of what it joins, so "a⏎b" in one weight stays one run.
    if (last && (!!last.bold === bold || text === '\n')) last.text += text;
    else out.push(bold ? { text, bold: true } : { text });
  }
  // Leading and trailing line breaks print as blank lines the user did not mean.
  if (out.length) {
    out[0].text = out[0].text.replace(/^\n+/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/\n+$/, '');
  }
  return out.filter((r) => r.text);
}

/** The text of nodes without formatting; a hard break becomes a space in one-line places. */
function plain(nodes: DocNode[] = [], br = ' '): string {
  return nodes.map((n) => {
    if (n.type === NODE.text) return n.text ?? '';
    if (n.type === NODE.hardBreak) return br;
    return plain(n.content, br);
  }).join('');
}

/** A list's items, nested lists flattened into it in reading order. */
function listItems(list: DocNode): string[] {
  const items: string[] = [];
  for (const li of list.content ?? []) {
    const own: string[] = [];
    for (const child of li.content ?? []) {
      if (child.type === NODE.bulletList || child.type === NODE.orderedList) items.push(...pending(own), ...listItems(child));
      else own.push(plain(child.content, '\n'));
    }
    items.push(...pending(own));
  }
  return items.map((t) => t.trim()).filter(Boolean);
  function pending(own: string[]): string[] { return own.length ? [own.splice(0).join('\n')] : []; }
}

/** What a table block may hold (shared/schemas/blocks.ts `tableBlock`). */
export const TABLE_LIMITS = { columns: 20, rows: 1000, cell: 2000 } as const;

/**
 * A grid table node's attrs as a valid table block: cells as text within the limits, every row as wide
 * as the widest (short rows padded with empty cells). A table without a single filled cell is no table (null).
 */
export function tableFromAttrs(rows: unknown, header: unknown): TableBlock | null {
  if (!Array.isArray(rows)) return null;
  const cells = rows.slice(0, TABLE_LIMITS.rows)
    .map((r) => (Array.isArray(r) ? r : [r]).slice(0, TABLE_LIMITS.columns)
      .map((c) => (c == null ? '' : String(c)).slice(0, TABLE_LIMITS.cell)));
  const width = Math.max(0, ...cells.map((r) => r.length));
  if (width === 0 || !cells.some((r) => r.some((c) => c.trim()))) return null;
  return { type: 'table', header: header !== false, rows: cells.map((r) => [...r, ...Array<string>(width - r.length).fill('')]) };
}

const num = (v: unknown): number => Math.max(1, Math.round(Number(v) || 1));

export function docToBlocks(doc: DocNode): Block[] {
  const out: Block[] = [];
  for (const n of doc.content ?? []) {
    switch (n.type) {
      case NODE.paragraph: {
        const runs = runsOf(n.content);
        if (runs.length) out.push({ type: 'paragraph', runs });
        break;
      }
      case NODE.heading: {
        const text = plain(n.content).trim();
        const level = Math.min(4, Math.max(1, Number(n.attrs?.level) || 1)) as 1 | 2 | 3 | 4;
        if (text) out.push({ type: 'heading', level, text });
        break;
      }
      case NODE.bulletList:
      case NODE.orderedList: {
        const items = listItems(n);
        if (items.length) out.push({ type: 'list', ordered: n.type === NODE.orderedList, items });
        break;
      }
      case NODE.image: {
        const hash = n.attrs?.hash;
        if (typeof hash !== 'string' || !hash) break; // a pasted picture that was never stored in the archive
        const caption = typeof n.attrs?.alt === 'string' && n.attrs.alt.trim() ? n.attrs.alt.trim() : null;
        out.push({ type: 'image', hash, width: num(n.attrs?.pxWidth), height: num(n.attrs?.pxHeight), caption });
        break;
      }
      case NODE.table: {
        const table = tableFromAttrs(n.attrs?.rows, n.attrs?.header);
        if (table) out.push(table);
        break;
      }
      default: {
        // Anything else (a blockquote or code block from a paste): keep its text as paragraphs.
        const text = plain(n.content, '\n').trim();
        if (text) out.push({ type: 'paragraph', runs: [{ text }] });
      }
    }
  }
  return out;
}

/** The image hashes in a document that have no picture yet (to fetch them for display). */
export function imagesWithoutSource(doc: DocNode): string[] {
  const out: string[] = [];
  const walk = (n: DocNode) => {
    if (n.type === NODE.image && typeof n.attrs?.hash === 'string' && !n.attrs.src) out.push(n.attrs.hash);
    n.content?.forEach(walk);
  };
  walk(doc);
  return [...new Set(out)];
}
