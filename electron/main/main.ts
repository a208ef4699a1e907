import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, shell, type MessageBoxOptions } from 'electron';
import { openStore, type Store } from '../store/store';
import { backupIfDue, scheduleAutoBackups } from '../store/backups';
import { CONFIG_FILE, chooseDataFolder, readConfig, withoutDataArg, writeConfig, type ShellConfig } from './config';
import { denyPermissions, installGuards } from './guards';
import { registerChannels } from './ipc';
import { offeredResponse, registerFileTransport } from './files';
import { appMenuTemplate, contextMenuTemplate } from './menu';
import { aboutDialog, changeFolderDialog, openFailureDialog, rendererGoneDialog, RESTORE_HINT, type Dialog } from './messages';
import { MissingArchiveError } from '../store/recovery';
import { registerAppScheme, serveRenderer } from './protocol';
import { START_URL } from './security';

// The desktop shell: one window over one archive. Everything the window may do goes through the
// contract's channels (ipc.ts); everything else is refused (guards.ts, protocol.ts).
//
// Files: exports are saved and uploads read by this process, through its own save and open dialogs
// (files.ts); file content never travels inside an IPC answer.

const APP_ID = 'cn.dudao.dangan';
const TITLE = '督导档案';

let store: Store | null = null;
let mainWindow: BrowserWindow | null = null;

registerAppScheme(); // before 'ready', as Electron requires
// Tests only: a private userData (config, Chromium profile, single-instance lock) beside a running copy.
if (!app.isPackaged && process.env.DUDAO_USER_DATA) app.setPath('userData', path.resolve(process.env.DUDAO_USER_DATA));

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one archive is never wanted: the first instance comes to the front instead.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  installGuards();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // An automatic backup on quitting when one is due: 'before-quit' waits for it, then quits for real.
  let backedUp = false;
  app.on('before-quit', (event) => {
    if (backedUp || !store) return;
    event.preventDefault();
    backedUp = true;
    void backupIfDue(store).catch((e) => console.error('[backup] on quit:', e)).finally(() => app.quit());
  });
  app.on('will-quit', () => {
    store?.close();
    store = null;
  });
  app.whenReady().then(start).catch((e: unknown) => {
    dialog.showErrorBox('督导档案无法启动', `${e instanceof Error ? e.stack ?? e.message : String(e)}\n\n请重新启动督导档案；如仍出错，请联系维护人员。`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  denyPermissions(session.defaultSession);
  serveRenderer(rendererDir(), (fileId) => offeredResponse(store, fileId));
  store = await openWithRecovery();
  if (!store) {
    app.quit();
    return;
  }
  registerChannels(store);
  registerFileTransport(store, {
    last: () => readConfig(configFile()).fileFolder,
    remember: (folder) => updateConfig({ fileFolder: folder }),
  });
  // Automatic backups in the background a few seconds after the window is up, each only when the newest
  // is a day old (plus before every migration, and on quit when due): never on the way to the first screen.
  scheduleAutoBackups(store, { onError: (e) => console.error('[backup]', e) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({
    changeDataFolder: () => void changeDataFolder(),
    openDataFolder: () => void openDataFolder(),
    about: () => void showAbout(),
  })));
  mainWindow = createWindow();
  mainWindow.on('closed', () => { mainWindow = null; });
}

/** dist/renderer next to dist-electron (inside app.asar when packaged). */
function rendererDir(): string {
  // A development override only: a packaged app never takes its page from outside app.asar.
  if (!app.isPackaged && process.env.DUDAO_STATIC_DIR) return path.resolve(process.env.DUDAO_STATIC_DIR);
  return path.join(__dirname, '..', 'dist', 'renderer');
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: TITLE,
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.on('page-title-updated', (event) => event.preventDefault()); // the title stays 督导档案
  win.once('ready-to-show', () => win.show());
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params);
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    void ask(rendererGoneDialog(details.reason), win).then((choice) => {
      if (choice === 'reload' && !win.isDestroyed()) win.webContents.reload();
      else app.quit();
    });
  });
  void win.loadURL(START_URL);
  return win;
}

function configFile(): string {
  return path.join(app.getPath('userData'), CONFIG_FILE);
}

function defaultFolder(): string {
  return path.join(app.getPath('userData'), '档案');
}

function actor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USERNAME ?? 'user'; // userInfo() throws for accounts without a name entry
  }
}

/** Change some of the shell's settings, keeping the rest. A failure only costs the choice next time. */
function updateConfig(change: Partial<ShellConfig>): void {
  try {
    const next = { ...readConfig(configFile()), ...change };
    if (next.dataFolder === undefined) delete next.dataFolder;
    writeConfig(configFile(), next);
  } catch (e) {
    console.error('[config] could not save:', e);
  }
}

/** Save the chosen archive folder (undefined = the default one). */
function saveFolder(folder: string | undefined): void {
  updateConfig({ dataFolder: folder === undefined || samePath(folder, defaultFolder()) ? undefined : folder });
}

/** Open the archive; when that fails, say why and let the user pick another folder or quit. */
async function openWithRecovery(): Promise<Store | null> {
  let folder = chooseDataFolder(process.argv, readConfig(configFile()), defaultFolder());
  let restoreMissingFrom: string | undefined;
  for (;;) {
    try {
      return await openStore(folder, { actor: actor(), restoreMissingFrom, howToRestore: () => RESTORE_HINT });
    } catch (e) {
      console.error(`[archive] cannot open ${folder}:`, e);
      restoreMissingFrom = undefined;
      // A folder held elsewhere (folder-lock.ts) says by whom; 'retry' tries the same folder again. A
      // folder whose archive.db is gone (recovery.ts) offers its newest backup instead of a new archive.
      const choice = await ask(openFailureDialog(folder, e, !samePath(folder, defaultFolder())));
      if (choice === 'quit') return null;
      if (choice === 'retry') continue;
      if (choice === 'restore' && e instanceof MissingArchiveError) {
        restoreMissingFrom = e.backups[0].name;
        continue;
      }
      if (choice === 'default') {
        folder = defaultFolder();
        saveFolder(undefined);
        continue;
      }
      const picked = await pickFolder(folder);
      if (picked) {
        folder = picked;
        saveFolder(picked);
      }
    }
  }
}

async function changeDataFolder(): Promise<void> {
  if (!store) return;
  const current = store.dataFolder;
  const picked = await pickFolder(current, mainWindow);
  if (!picked || samePath(picked, current)) return;
  if (await ask(changeFolderDialog(picked, current), mainWindow) !== 'restart') return;
  saveFolder(picked);
  // Relaunch without --data, which would override the choice; 'will-quit' closes the archive first.
  app.relaunch({ args: withoutDataArg(process.argv.slice(1)) });
  app.quit();
}

async function openDataFolder(): Promise<void> {
  if (!store) return;
  const error = await shell.openPath(store.dataFolder);
  if (error) dialog.showErrorBox('无法打开档案文件夹', `${store.dataFolder}\n\n${error}`);
}

async function showAbout(): Promise<void> {
  if (!store) return;
  const v = process.versions;
  await ask(aboutDialog({ app: app.getVersion(), electron: v.electron, chrome: v.chrome, node: v.node }, store.dataFolder), mainWindow);
}

async function pickFolder(current: string, parent?: BrowserWindow | null): Promise<string | undefined> {
  const options: Electron.OpenDialogOptions = {
    title: '选择档案文件夹',
    buttonLabel: '选择此文件夹',
    defaultPath: current,
    properties: ['openDirectory', 'createDirectory'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? undefined : result.filePaths[0];
}

/** Show one of messages.ts's dialogs and return the meaning of the button pressed. */
async function ask<C extends string>(d: Dialog<C>, parent?: BrowserWindow | null): Promise<C> {
  const options: MessageBoxOptions = {
    type: d.type, title: d.title, message: d.message, detail: d.detail,
    buttons: d.buttons, defaultId: d.defaultId, cancelId: d.cancelId, noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return d.choices[response] ?? d.choices[d.cancelId];
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
}
