import { AppError } from '../../shared/result';
import { FolderLockedError } from '../store/folder-lock';
import { MissingArchiveError } from '../store/recovery';

// The shell's dialogs as plain data (Chinese text, buttons, what each button means), tested under Node.

export interface Dialog<C extends string> {
  type: 'error' | 'info' | 'question' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** What the button at the same index means. */
  choices: C[];
  defaultId: number;
  cancelId: number;
}

/** Why a folder could not be opened, in words the user can act on. */
export function describeOpenError(e: unknown): string {
  if (e instanceof AppError) return e.message; // openStore already says what to do
  const code = (e as { code?: unknown } | null)?.code;
  const msg = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有读写这个文件夹的权限。请换一个文件夹，或请电脑管理员为当前用户开放读写权限。';
    case 'ENOENT':
    case 'ENOTDIR':
      return '找不到这个文件夹（移动硬盘或网络盘可能没有连接）。请连接后重新打开督导档案，或选择其他文件夹。';
    case 'EROFS':
      return '这个文件夹所在的磁盘是只读的。请选择可以写入的文件夹。';
    case 'ENOSPC':
      return '磁盘空间已满。请清理磁盘后重新打开督导档案。';
    case 'EBUSY':
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return '档案文件正被其他程序占用。请关闭其他正在使用该档案的督导档案窗口或程序后重试。';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return '档案文件已损坏或不是督导档案的数据库。请用档案文件夹里 backups 中的备份恢复，或选择其他档案文件夹。';
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return '无法写入档案文件。请确认文件夹可以写入（不是只读的光盘、共享文件夹或被杀毒软件锁定）后重试。';
    default:
      return `错误信息：${msg}`;
  }
}

export type OpenFailureChoice = 'retry' | 'restore' | 'choose' | 'default' | 'quit';

/** What MissingArchiveError's message says to do in this shell (openStore's howToRestore). */
export const RESTORE_HINT = '点下面的“从最新备份恢复”即可用它恢复档案。';

/**
 * Shown when the archive folder cannot be opened at start. A folder held by another 督导档案
 * (another PC on a shared drive, or browser mode) names who has it and offers to try again once
 * that one is closed; a folder whose archive.db is gone offers its newest backup.
 */
export function openFailureDialog(folder: string, e: unknown, canUseDefault: boolean): Dialog<OpenFailureChoice> {
  const locked = e instanceof FolderLockedError;
  const missing = e instanceof MissingArchiveError;
  const restorable = missing && e.backups.length > 0;
  const choices: OpenFailureChoice[] = [
    ...(locked ? ['retry' as const] : []), ...(restorable ? ['restore' as const] : []),
    'choose', ...(canUseDefault ? ['default' as const] : []), 'quit',
  ];
  const labels: Record<OpenFailureChoice, string> = { retry: '重试', restore: '从最新备份恢复', choose: '选择其他文件夹…', default: '使用默认文件夹', quit: '退出' };
  const others = `${canUseDefault ? '、改用默认档案文件夹' : ''}，或退出`;
  return {
    type: locked || missing ? 'warning' : 'error',
    title: '督导档案',
    message: locked ? `档案文件夹正在被使用：${folder}` : missing ? `档案文件夹中缺少档案数据库：${folder}` : `无法打开档案文件夹：${folder}`,
    detail: locked
      ? `${describeOpenError(e)}\n\n那边关闭后点“重试”；也可以选择其他档案文件夹${others}。档案文件不会被修改。`
      : missing
        ? `${describeOpenError(e)}\n\n${restorable ? '恢复前的备份和附件都会保留。' : ''}也可以选择其他档案文件夹${others}。`
        : `${describeOpenError(e)}\n\n可以选择其他档案文件夹（例如从备份恢复的文件夹）${canUseDefault ? '，或改用默认档案文件夹' : ''}；也可以退出，检查后再启动。档案文件不会被修改。`,
    buttons: choices.map((c) => labels[c]),
    choices,
    defaultId: 0,
    cancelId: choices.length - 1,
  };
}

export type ChangeFolderChoice = 'restart' | 'cancel';

/** Confirmation after the user picked a new archive folder in 文件 > 更改档案文件夹…. */
export function changeFolderDialog(newFolder: string, currentFolder: string): Dialog<ChangeFolderChoice> {
  return {
    type: 'question',
    title: '更改档案文件夹',
    message: `将档案文件夹改为：${newFolder}`,
    detail: `督导档案将重新启动并打开这个文件夹中的档案；如果其中还没有档案，会新建一个空档案。\n原文件夹（${currentFolder}）中的档案保持不变，可以随时改回。`,
    buttons: ['重新启动', '取消'],
    choices: ['restart', 'cancel'],
    defaultId: 0,
    cancelId: 1,
  };
}

export interface Versions { app: string; electron: string; chrome: string; node: string }

export function aboutDialog(v: Versions, folder: string): Dialog<'ok'> {
  return {
    type: 'info',
    title: '关于督导档案',
    message: `督导档案 ${v.app}`,
    detail: `县（区）人民政府教育督导室的档案与公文工具。所有数据保存在本机的档案文件夹中：\n${folder}\n\nElectron ${v.electron} · Chromium ${v.chrome} · Node.js ${v.node}`,
    buttons: ['确定'],
    choices: ['ok'],
    defaultId: 0,
    cancelId: 0,
  };
}

export type RendererGoneChoice = 'reload' | 'quit';

const GONE_REASONS: Record<string, string> = {
  crashed: '界面进程崩溃',
  oom: '内存不足',
  killed: '界面进程被系统结束',
  'abnormal-exit': '界面进程异常退出',
  'launch-failed': '界面进程无法启动',
  'integrity-failure': '程序文件完整性校验失败（请重新安装督导档案）',
  'memory-eviction': '内存不足',
};

/** The page process crashed or was killed (Electron's reason code): offer to reload; the archive is safe. */
export function rendererGoneDialog(reason: string): Dialog<RendererGoneChoice> {
  return {
    type: 'error',
    title: '督导档案',
    message: '界面意外退出',
    detail: `原因：${GONE_REASONS[reason] ?? reason}。已保存的档案不受影响；点击“重新加载”继续使用，尚未保存的输入可能需要重新填写。`,
    buttons: ['重新加载', '退出'],
    choices: ['reload', 'quit'],
    defaultId: 0,
    cancelId: 1,
  };
}

/** The answer an IPC call gets when it does not come from our own page. */
export const UNTRUSTED_SENDER_MESSAGE = '拒绝来自非本程序页面的请求。';
