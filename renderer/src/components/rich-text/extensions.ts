import { Node } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { NODE } from '../../../../shared/rich-text';

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

/** A table block, kept in place and shown read-only (tables are not edited in this editor yet). */
const GridTable = Node.create({
  name: NODE.table,
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes() {
    return { rows: { default: [['']], rendered: false }, header: { default: true, rendered: false } };
  },
  parseHTML() {
    return [];
  },
  renderHTML({ node }) {
    const rows = node.attrs.rows as string[][];
    const header = node.attrs.header as boolean;
    return ['table', { 'data-grid-table': '', class: 'rt-grid-table', title: '表格（暂不能在此编辑）' },
      ['tbody', ...rows.map((r, i) => ['tr', ...r.map((c) => [header && i === 0 ? 'th' : 'td', c])])]];
  },
});

export const EDITOR_EXTENSIONS = [Starter, ArchiveImage, GridTable];
