import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { FolderLockedError } from '../store/folder-lock';
import { MissingArchiveError } from '../store/recovery';
import { aboutDialog, changeFolderDialog, describeOpenError, openFailureDialog, rendererGoneDialog, RESTORE_HINT } from './messages';

const sysError = (code: string) => Object.assign(new Error(`${code}: x`), { code });

describe('openFailureDialog', () => {
  it('says what went wrong and offers another folder, the default one, or quitting', () => {
    const d = openFailureDialog('D:\\督导档案', sysError('EACCES'), true);
    expect(d.message).toBe('无法打开档案文件夹：D:\\督导档案');
    expect(d.detail).toContain('没有读写这个文件夹的权限');
    expect(d.buttons).toEqual(['选择其他文件夹…', '使用默认文件夹', '退出']);
    expect(d.choices).toEqual(['choose', 'default', 'quit']);
    expect(d.choices[d.cancelId]).toBe('quit');
  });

  it('names who holds a folder open elsewhere and offers to retry, pick another folder or quit', () => {
    const holder = { app: '督导档案', id: 'x', host: 'BGS-PC02', pid: 4242, user: '李老师', since: '2025-09-01 08:30:00' };
    const msg = '档案文件夹 D:\\督导档案 正由 李老师@BGS-PC02（进程 4242）使用，自 2025-09-01 08:30:00 起。';
    const d = openFailureDialog('D:\\督导档案', new FolderLockedError('D:\\督导档案', holder, msg), true);
    expect(d.message).toBe('档案文件夹正在被使用：D:\\督导档案');
    expect(d.detail).toContain('李老师@BGS-PC02（进程 4242）');
    expect(d.buttons).toEqual(['重试', '选择其他文件夹…', '使用默认文件夹', '退出']);
    expect(d.choices).toEqual(['retry', 'choose', 'default', 'quit']);
    expect(d.choices[d.cancelId]).toBe('quit');
    expect(openFailureDialog('/x', new FolderLockedError('/x', null, 'm'), false).choices).toEqual(['retry', 'choose', 'quit']);
  });

  it('offers the newest backup when the folder lost its archive.db, and no new archive', () => {
    const backups = [{ name: '自动-20250301-093000.db', kind: '自动' as const, at: '2025-03-01 09:30:00', size: 1 }];
    const e = new MissingArchiveError('D:\\督导档案', backups, `档案文件夹 D:\\督导档案 中找不到档案数据库 archive.db…${RESTORE_HINT}`);
    const d = openFailureDialog('D:\\督导档案', e, true);
    expect(d.message).toBe('档案文件夹中缺少档案数据库：D:\\督导档案');
    expect(d.detail).toContain('点下面的“从最新备份恢复”即可用它恢复档案。');
    expect(d.buttons).toEqual(['从最新备份恢复', '选择其他文件夹…', '使用默认文件夹', '退出']);
    expect(d.choices).toEqual(['restore', 'choose', 'default', 'quit']);
    expect(openFailureDialog('/x', new MissingArchiveError('/x', [], '没有可用的备份'), false).choices).toEqual(['choose', 'quit']);
  });

  it('does not offer the default folder when that is the one failing', () => {
    const d = openFailureDialog('/x', new Error('boom'), false);
    expect(d.buttons).toEqual(['选择其他文件夹…', '退出']);
    expect(d.choices[d.cancelId]).toBe('quit');
    expect(d.detail).toContain('错误信息：boom');
  });
});

describe('describeOpenError', () => {
  it('passes the archive layer’s own Chinese message through', () => {
    const msg = '此档案由较新版本的督导档案创建（数据结构版本 9），当前程序只支持到版本 1。请先升级督导档案再打开此档案。';
    expect(describeOpenError(new AppError('conflict', msg))).toBe(msg);
  });

  it.each([
    ['ENOENT', '找不到这个文件夹'],
    ['EROFS', '只读'],
    ['ENOSPC', '磁盘空间已满'],
    ['SQLITE_BUSY', '正被其他程序占用'],
    ['SQLITE_CORRUPT', '已损坏'],
    ['SQLITE_READONLY', '无法写入档案文件'],
  ])('explains %s', (code, text) => {
    expect(describeOpenError(sysError(code))).toContain(text);
  });

  it('copes with non-errors', () => {
    expect(describeOpenError('x')).toBe('错误信息：x');
    expect(describeOpenError(null)).toBe('错误信息：null');
  });
});

describe('other dialogs', () => {
  it('confirms a folder change with a restart', () => {
    const d = changeFolderDialog('E:\\新档案', 'C:\\旧档案');
    expect(d.message).toContain('E:\\新档案');
    expect(d.detail).toContain('C:\\旧档案');
    expect(d.choices[d.defaultId]).toBe('restart');
    expect(d.choices[d.cancelId]).toBe('cancel');
  });

  it('shows the version and the archive folder in 关于', () => {
    const d = aboutDialog({ app: '0.1.0', electron: '45.4.1', chrome: '142', node: '22' }, 'C:\\档案');
    expect(d.title).toBe('关于督导档案');
    expect(d.message).toBe('督导档案 0.1.0');
    expect(d.detail).toContain('C:\\档案');
    expect(d.detail).toContain('Electron 45.4.1');
  });

  it('translates why the page process went away', () => {
    expect(rendererGoneDialog('oom').detail).toContain('内存不足');
    expect(rendererGoneDialog('something-new').detail).toContain('something-new');
    expect(rendererGoneDialog('crashed').buttons).toEqual(['重新加载', '退出']);
  });
});
