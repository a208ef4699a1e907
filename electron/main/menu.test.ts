import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate, contextMenuTemplate } from './menu';

const items = (m: MenuItemConstructorOptions) => (m.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');

describe('appMenuTemplate', () => {
  it('is the Chinese 文件 / 编辑 / 视图 / 帮助 menu', () => {
    const menu = appMenuTemplate({ changeDataFolder() {}, openDataFolder() {}, about() {} });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(menu.map((m) => items(m).map((i) => i.label))).toEqual([
      ['更改档案文件夹…', '打开档案文件夹', '退出'],
      ['撤销', '重做', '剪切', '复制', '粘贴', '全选'],
      ['重新加载', '实际大小', '放大', '缩小', '全屏'],
      ['关于督导档案'],
    ]);
    expect(items(menu[1]).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(items(menu[2]).map((i) => i.role)).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(items(menu[0])[2].role).toBe('quit');
  });

  it('calls the shell actions', () => {
    const actions = { changeDataFolder: vi.fn(), openDataFolder: vi.fn(), about: vi.fn() };
    const menu = appMenuTemplate(actions);
    const click = (i: MenuItemConstructorOptions) => (i.click as () => void)();
    click(items(menu[0])[0]);
    click(items(menu[0])[1]);
    click(items(menu[3])[0]);
    expect(actions.changeDataFolder).toHaveBeenCalledOnce();
    expect(actions.openDataFolder).toHaveBeenCalledOnce();
    expect(actions.about).toHaveBeenCalledOnce();
  });

  it('has no developer tools item', () => {
    const roles = appMenuTemplate({ changeDataFolder() {}, openDataFolder() {}, about() {} }).flatMap((m) => items(m).map((i) => i.role));
    expect(roles).not.toContain('toggleDevTools');
  });
});

describe('contextMenuTemplate', () => {
  const flags = { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false };

  it('offers editing in fields, with what cannot be done disabled', () => {
    const t = contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: { ...flags, canCut: false } });
    const byLabel = Object.fromEntries(t.filter((i) => i.label).map((i) => [i.label, i.enabled]));
    expect(byLabel).toEqual({ 撤销: false, 重做: false, 剪切: false, 复制: true, 粘贴: true, 全选: true });
  });

  it('offers copy for selected text, nothing elsewhere', () => {
    expect(contextMenuTemplate({ isEditable: false, selectionText: '城关小学', editFlags: flags }).map((i) => i.label)).toEqual(['复制']);
    expect(contextMenuTemplate({ isEditable: false, selectionText: ' ', editFlags: flags })).toEqual([]);
  });
});
