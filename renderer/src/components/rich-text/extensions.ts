import { Node } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { NODE, tableFromAttrs } from '../../../../shared/rich-text';

/**
 * The editor's schema: only what the Word profile prints (shared/rich-text.ts maps it onto blocks).
 * Italic, strike, code, quotes, rules and links are left out, so a paste cannot bring them in.
 */
const Starter = StarterKit.configure({
  heading: { levels: [1, 2, 3, 4] },
  italic: false, strike: false, code: false, codeBlock: false, blockquote: false, horizontalRule: false,
  link: false, underline: false,
});

/** A picture stored in the archive: its hash and own pixel size travel with it; `src` is only for display. */
const ArchiveImage = Image.extend({
  addAttributes() {
    const data = (name: string) => ({
      default: null,
      parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`),
      renderHTML: (attrs: Record<string, unknown>) => (attrs[name] != null ? { [`data-${name}`]: String(attrs[name]) } : {}),
    });
    return { ...this.parent?.(), hash: data('hash'), pxWidth: data('pxWidth'), pxHeight: data('pxHeight') };
  },
}).configure({ allowBase64: true, inline: false });

/** The text rows of an HTML table (its own rows only, not a nested table's); a spanned cell fills its columns with empty ones. */
function htmlRows(table: HTMLElement): string[][] {
  const trs = table.querySelectorAll(':scope > tr, :scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr');
  return [...trs].map((tr) => [...tr.querySelectorAll(':scope > td, :scope > th')].flatMap((cell) => {
    // Paragraphs and line breaks in a cell are kept apart by a space: the printed cell is one line.
    const copy = cell.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('p, div, li, br').forEach((e) => e.after(' '));
    const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    const span = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
    return [text, ...Array<string>(span - 1).fill('')];
  }));
}

/**
 * A simple table: rows of text cells, the first row optionally a header. One node, edited as a whole in
 * the table dialog (RichTextEditor); a table pasted in (from Word, a web page or this editor) becomes one.
 */
const GridTable = Node.create({
  name: NODE.table,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { rows: { default: [['']], rendered: false }, header: { default: true, rendered: false } };
  },
  parseHTML() {
    return [{
      tag: 'table',
      getAttrs: (el) => {
        const rows = htmlRows(el);
        const ownHeader = el.getAttribute('data-header');
        const header = ownHeader != null ? ownHeader === 'true' : rows.length > 1 && !!el.querySelector(':scope > thead, :scope > tbody > tr:first-child > th, :scope > tr:first-child > th');
        const table = tableFromAttrs(rows, header);
        return table ? { rows: table.rows, header: table.header } : false;
      },
    }];
  },
  renderHTML({ node }) {
    const rows = node.attrs.rows as string[][];
    const header = node.attrs.header as boolean;
    return ['table', { 'data-grid-table': '', 'data-header': String(header), class: 'rt-grid-table', title: '双击编辑表格' },
      ['tbody', ...rows.map((r, i) => ['tr', ...r.map((c) => [header && i === 0 ? 'th' : 'td', c])])]];
  },
});

export const EDITOR_EXTENSIONS = [Starter, ArchiveImage, GridTable];
