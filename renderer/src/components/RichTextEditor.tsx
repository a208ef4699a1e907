import '@mantine/tiptap/styles.css';
import { useEffect, useRef, useState } from 'react';
import { Box, Loader, Text } from '@mantine/core';
import { RichTextEditor as Mantine } from '@mantine/tiptap';
import { useEditor, useEditorState, type Editor } from '@tiptap/react';
import { NodeSelection, TextSelection, type EditorState } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import { IconPhoto, IconTable, IconTablePlus } from '@tabler/icons-react';
import { call } from '../api';
import { pictureUrl } from '../files';
import { ChooseFile } from './ChooseFile';
import type { Uploaded } from '../../../shared/schemas/files';
import { EDITOR_EXTENSIONS } from './rich-text/extensions';
import { NEW_TABLE, TableDialog, type TableValue } from './rich-text/TableDialog';
import { blocksToDoc, docToBlocks, imagesWithoutSource, NODE, type DocNode } from '../../../shared/rich-text';
import type { Block } from '../../../shared/schemas/blocks';

// Pictures already fetched from the archive (hash -> blob: URL), shared by every editor on the page.
const pictures = new Map<string, string>();

const LABELS = {
  boldControlLabel: '加粗', h1ControlLabel: '一级标题（一、）', h2ControlLabel: '二级标题（（一））',
  h3ControlLabel: '三级标题（1.）', h4ControlLabel: '四级标题（（1））', bulletListControlLabel: '项目符号列表',
  orderedListControlLabel: '编号列表', undoControlLabel: '撤销', redoControlLabel: '重做',
};

function imageSize(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('图片无法读取，请换一张 JPG 或 PNG 图片。'));
    img.src = url;
  });
}

/** Give the pictures that have none yet their URL, fetched once per hash; not an undoable step. */
async function showPictures(editor: Editor) {
  const missing = imagesWithoutSource(editor.getJSON() as DocNode);
  for (const hash of missing) {
    if (!pictures.has(hash)) {
      try { pictures.set(hash, await pictureUrl(hash)); } catch { continue; }
    }
  }
  if (editor.isDestroyed || missing.length === 0) return;
  const tr = editor.state.tr;
  editor.state.doc.descendants((node, pos) => {
    const src = node.type.name === 'image' && !node.attrs.src ? pictures.get(node.attrs.hash as string) : undefined;
    if (src) tr.setNodeMarkup(pos, undefined, { ...node.attrs, src });
  });
  if (tr.docChanged) editor.view.dispatch(tr.setMeta('addToHistory', false));
}

const tableOf = (node: PMNode): TableValue => ({ rows: node.attrs.rows as string[][], header: node.attrs.header !== false });

/** The grid table the selection is on (a table is selected as a whole), with its position. */
function selectedTable(state: EditorState | null): { pos: number; table: TableValue } | null {
  const sel = state?.selection;
  if (!(sel instanceof NodeSelection) || sel.node.type.name !== NODE.table) return null;
  return { pos: sel.from, table: tableOf(sel.node) };
}

export interface RichTextEditorProps {
  value: Block[];
  onChange(blocks: Block[]): void;
  placeholder?: string;
  /** Accessible name of the text area (default 正文). */
  label?: string;
  minHeight?: number;
}

/**
 * Rich text limited to what the Word profile prints: paragraphs, headings 1–4 (一、 （一） 1. （1）), lists,
 * bold, pictures (stored in the archive) and simple tables, written in a dialog (插入表格; double-click or
 * Enter on a table to edit it; Delete or Backspace removes a selected one).
 */
export function RichTextEditor({ value, onChange, placeholder, label = '正文', minHeight = 240 }: RichTextEditorProps) {
  // The blocks this editor last reported, so a value coming back from the parent does not reset the cursor.
  const last = useRef(JSON.stringify(value));
  const changed = useRef(onChange);
  changed.current = onChange;
  const [empty, setEmpty] = useState(value.length === 0);
  // The table dialog: the table being written, and where it stands in the text (null: a new one at the cursor).
  // Kept after closing, so the dialog shows it while fading out.
  const [tableEdit, setTableEdit] = useState<{ pos: number | null; table: TableValue; open: boolean }>({ pos: null, table: NEW_TABLE, open: false });

  const editor = useEditor({
    extensions: EDITOR_EXTENSIONS,
    content: blocksToDoc(value, (h) => pictures.get(h)),
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' },
      handleDoubleClickOn: (view, _pos, node, nodePos, _event, direct) => {
        if (!direct || node.type.name !== NODE.table) return false;
        view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, nodePos)));
        setTableEdit({ pos: nodePos, table: tableOf(node), open: true });
        return true;
      },
      handleKeyDown: (view, event) => {
        const selected = event.key === 'Enter' ? selectedTable(view.state) : null;
        if (selected) setTableEdit({ ...selected, open: true });
        return selected !== null;
      },
    },
    onCreate: ({ editor: e }) => { void showPictures(e); },
    onUpdate: ({ editor: e }) => {
      setEmpty(e.isEmpty);
      const blocks = docToBlocks(e.getJSON() as DocNode);
      const json = JSON.stringify(blocks);
      if (json === last.current) return;
      last.current = json;
      changed.current(blocks);
    },
  });

  // Whether a table is selected, so the toolbar button edits it rather than inserting another.
  const tableSelected = useEditorState({ editor, selector: ({ editor: e }) => !!e && !e.isDestroyed && selectedTable(e.state) !== null }) ?? false;

  useEffect(() => {
    if (!editor || JSON.stringify(value) === last.current) return;
    last.current = JSON.stringify(value);
    editor.commands.setContent(blocksToDoc(value, (h) => pictures.get(h)), { emitUpdate: false });
    setEmpty(editor.isEmpty);
    void showPictures(editor);
  }, [editor, value]);

  /** A chosen picture (shrunk to 1200 px as it was received, kind 'picture': enough for the printed page), stored and placed at the cursor. */
  async function place([picture]: Uploaded[]) {
    if (!editor) return;
    const { hash } = await call('attachments.put', { uploadId: picture.uploadId });
    const src = await pictureUrl(hash);
    const size = await imageSize(src);
    pictures.set(hash, src);
    editor.chain().focus().insertContent({ type: 'image', attrs: { src, hash, pxWidth: size.width, pxHeight: size.height } }).run();
  }

  const closeTable = () => setTableEdit((t) => ({ ...t, open: false }));
  function openTable() {
    if (!editor) return;
    setTableEdit({ ...(selectedTable(editor.state) ?? { pos: null, table: NEW_TABLE }), open: true });
  }

  /** Put the dialog's table in the text: over the one edited, else at the cursor. One undoable step. */
  function placeTable(table: TableValue) {
    if (!editor) return;
    const attrs = { rows: table.rows, header: table.header };
    const at = tableEdit.pos;
    closeTable();
    if (at !== null && editor.state.doc.nodeAt(at)?.type.name === NODE.table) {
      const tr = editor.state.tr.setNodeMarkup(at, undefined, attrs);
      editor.view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, at)));
    } else {
      // The new table ends up selected; the cursor goes on in the paragraph after it (made if there is none).
      editor.chain().insertContent({ type: NODE.table, attrs }).command(({ tr }) => {
        const sel = tr.selection;
        if (!(sel instanceof NodeSelection)) return true;
        if (!tr.doc.resolve(sel.to).nodeAfter?.isTextblock) tr.insert(sel.to, editor.schema.nodes.paragraph.create());
        tr.setSelection(TextSelection.create(tr.doc, sel.to + 1));
        return true;
      }).run();
    }
  }

  const tableLabel = tableSelected ? '编辑表格' : '插入表格';

  return (
    <Mantine editor={editor} labels={LABELS} withCodeHighlightStyles={false}>
      <Mantine.Toolbar>
        <Mantine.ControlsGroup>
          <Mantine.Bold />
        </Mantine.ControlsGroup>
        <Mantine.ControlsGroup>
          <Mantine.H1 />
          <Mantine.H2 />
          <Mantine.H3 />
          <Mantine.H4 />
        </Mantine.ControlsGroup>
        <Mantine.ControlsGroup>
          <Mantine.BulletList />
          <Mantine.OrderedList />
        </Mantine.ControlsGroup>
        <Mantine.ControlsGroup>
          <ChooseFile kind="picture" label="选择图片文件" onChosen={place}>
            {(open, uploading) => (
              <Mantine.Control aria-label="插入图片" title="插入图片" onClick={open} disabled={uploading}>
                {uploading ? <Loader size={14} /> : <IconPhoto size={16} stroke={1.5} />}
              </Mantine.Control>
            )}
          </ChooseFile>
          <Mantine.Control aria-label={tableLabel} title={tableLabel} onClick={openTable} active={tableSelected}>
            {tableSelected ? <IconTable size={16} stroke={1.5} /> : <IconTablePlus size={16} stroke={1.5} />}
          </Mantine.Control>
        </Mantine.ControlsGroup>
        <Mantine.ControlsGroup>
          <Mantine.Undo />
          <Mantine.Redo />
        </Mantine.ControlsGroup>
      </Mantine.Toolbar>
      <Box pos="relative">
        {empty && placeholder && (
          <Text c="dimmed" size="sm" pos="absolute" top={14} left={16} style={{ pointerEvents: 'none', zIndex: 1 }}>{placeholder}</Text>
        )}
        <Mantine.Content className="rt-content" />
      </Box>
      <TableDialog opened={tableEdit.open} table={tableEdit.table} onConfirm={placeTable} onClose={closeTable}
        onClosed={() => editor?.commands.focus()} />
      <style>{`
        .rt-content img { max-width: 100%; height: auto; display: block; margin: 8px auto; }
        .rt-content img.ProseMirror-selectednode { outline: 2px solid var(--mantine-color-red-5); }
        .rt-content .rt-grid-table { border-collapse: collapse; margin: 8px 0; cursor: pointer; }
        .rt-content .rt-grid-table.ProseMirror-selectednode { outline: 2px solid var(--mantine-color-red-5); }
        .rt-content .rt-grid-table td, .rt-content .rt-grid-table th { border: 1px solid var(--mantine-color-gray-5); padding: 2px 8px; }
        .rt-content .ProseMirror { min-height: ${minHeight}px; outline: none; }
      `}</style>
    </Mantine>
  );
}
