import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

// Menu templates as plain data (type-only electron import), so their wording is tested under Node.

export interface MenuActions {
  changeDataFolder(): void;
  openDataFolder(): void;
  about(): void;
}

/** The Chinese application menu: 文件, 编辑, 视图, 帮助. Edit and view items use Electron's roles. */
export function appMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '更改档案文件夹…', click: () => actions.changeDataFolder() },
        { label: '打开档案文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { type: 'separator' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于督导档案', click: () => actions.about() }],
    },
  ];
}

type ContextParams = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>;

/**
 * The right-click menu (Electron shows none by default): cut/copy/paste in fields, copy for selected
 * text. Empty when there is nothing to offer.
 */
export function contextMenuTemplate(params: ContextParams): MenuItemConstructorOptions[] {
  const f = params.editFlags;
  if (params.isEditable) {
    return [
      { label: '撤销', role: 'undo', enabled: f.canUndo },
      { label: '重做', role: 'redo', enabled: f.canRedo },
      { type: 'separator' },
      { label: '剪切', role: 'cut', enabled: f.canCut },
      { label: '复制', role: 'copy', enabled: f.canCopy },
      { label: '粘贴', role: 'paste', enabled: f.canPaste },
      { type: 'separator' },
      { label: '全选', role: 'selectAll', enabled: f.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ label: '复制', role: 'copy', enabled: f.canCopy }];
  return [];
}
