import path from 'node:path';
import fs from 'node:fs/promises';
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import { IPC_CHOOSE_FOLDER, IPC_EVENT, IPC_INVOKE, IPC_OPEN_EXTERNAL, IPC_SAVE_PDF, IPC_SHOW_WINDOW } from '../../shared/ipc';
import { isSafeExternalUrl } from '../../shared/security';
import { uiLanguageOf, type UiLanguage } from '../../shared/locales';
import { createCore, type Core } from '../core/app-core';
import { needsUpdate } from '../core/db/needs-update';
import { openFailureText } from '../core/db/open-failure';
import { createDispatcher } from '../transport/dispatch';
import { RoomSharing } from '../transport/room-sharing';
import { APP_ORIGIN, isAppUrl } from '../transport/navigation-policy';
import { defaultRendererDir } from '../transport/static-files';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { electronNativeBinding } from './native-binding';
import { updatingNoticeHtml } from './updating-notice-html';
import { hardenWebContents } from './security';
import { countInTitle } from '../../shared/attention';

// Wiring only: what Firebreak does lives in electron/core, reached through the same dispatcher as HTTP.

function dataDirFromArgs(): string {
  const flag = process.argv.find((a) => a.startsWith('--data-dir='));
  if (flag) return path.resolve(flag.slice('--data-dir='.length));
  return process.env.FIREBREAK_DATA_DIR ? path.resolve(process.env.FIREBREAK_DATA_DIR) : app.getPath('userData');
}

let core: Core | null = null;
let sharing: RoomSharing | null = null;
let mainWindow: BrowserWindow | null = null;

/** The war room's window in front of everything, restored if minimised (a second launch, a notification's click). */
function bringToFront(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  // macOS brings an app forward only when asked for itself, and only after a user's action (the click was one).
  if (process.platform === 'darwin') app.focus({ steal: true });
  win.focus();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 500,
    title: 'Firebreak',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The window title counts what needs someone ("(4) Data leak — Firebreak"): the dock or taskbar badge shows it too
  // (macOS, Unity; Windows shows the title).
  win.on('page-title-updated', (_event, title) => app.setBadgeCount(countInTitle(title)));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/**
 * A small window saying the database is being updated, shown before an earlier version's database is brought up to
 * date: re-indexing a large one blocks this process for a while (14 s per million mentions), and nothing on screen
 * would look like an app that failed to start. Shown once painted, as the update then holds the main process.
 */
async function showUpdatingNotice(language: UiLanguage): Promise<BrowserWindow> {
  const notice = new BrowserWindow({
    width: 440,
    height: 160,
    title: 'Firebreak',
    show: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    closable: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, javascript: false },
  });
  await notice.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(updatingNoticeHtml(language))}`);
  notice.show();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return notice;
}

function laptopLanguage(): UiLanguage {
  return uiLanguageOf([...app.getPreferredSystemLanguages(), app.getLocale()]);
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const dataDir = dataDirFromArgs();
  const nativeBinding = electronNativeBinding(appRoot, app.isPackaged);
  const notice = needsUpdate(dataDir, { nativeBinding }) ? await showUpdatingNotice(laptopLanguage()) : null;
  core = createCore({ dataDir, nativeBinding });
  // "Other laptops": the room opened to the laptops around, served from this process so every change is live on both.
  sharing = new RoomSharing(core);
  const dispatch = createDispatcher(core, 'desktop', console, { sharing });
  core.startBackground();

  serveRenderer(defaultRendererDir(), core.downloads);
  hardenWebContents();
  // Desktop notifications need no permission request (requests stay denied): Electron's permission check passes them.
  // Windows shows an app's notifications only under the id it was installed with (electron-builder's appId).
  if (process.platform === 'win32') app.setAppUserModelId('org.firebreak.warroom');

  ipcMain.handle(IPC_INVOKE, (event, envelope: { method?: unknown; arg?: unknown; actor?: unknown }) => {
    // Only our own page may call the back end, never a frame that somehow loaded something else.
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Firebreak window.' } };
    }
    return dispatch(String(envelope?.method ?? ''), envelope?.arg, envelope?.actor);
  });
  ipcMain.handle(IPC_OPEN_EXTERNAL, async (_event, url: unknown) => {
    if (typeof url !== 'string' || !isSafeExternalUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  });
  ipcMain.handle(IPC_SAVE_PDF, async (event, suggestedName: unknown) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return null;
    // Chromium lays out the print view with its print CSS, so Cyrillic, Greek and right-to-left Persian come out right.
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    const win = BrowserWindow.fromWebContents(event.sender);
    const name = `${String(suggestedName ?? 'statement').replace(/[\\/:*?"<>|]+/g, '-').slice(0, 120) || 'statement'}.pdf`;
    const options = { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return null;
    await fs.writeFile(choice.filePath, pdf);
    return choice.filePath;
  });
  ipcMain.handle(IPC_CHOOSE_FOLDER, async (event) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });
  ipcMain.handle(IPC_SHOW_WINDOW, (event) => {
    const win = event.senderFrame && isAppUrl(event.senderFrame.url) ? BrowserWindow.fromWebContents(event.sender) : null;
    if (win) bringToFront(win);
  });
  core.events.subscribe((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC_EVENT, event);
  });

  mainWindow = createWindow();
  // Closed only now: with no window left at all, Windows and Linux would quit (window-all-closed). On a failure above,
  // failToStart says why and exits with it still up.
  notice?.destroy();
}

/**
 * Firebreak could not start, most often because of its database (damaged, read-only, a full disk, a newer
 * Firebreak's): say which file and what to do, in the laptop's language, then quit. Without this the app would stay
 * running without a window, holding the single-instance lock, and every later launch would silently do nothing.
 */
function failToStart(err: unknown): void {
  console.error('firebreak: failed to start', err);
  const { title, body } = openFailureText(err, laptopLanguage());
  dialog.showErrorBox(title, body);
  app.exit(1);
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the running war room instead of opening the database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) bringToFront(mainWindow);
  });
  app.whenReady().then(start).catch(failToStart);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The work since the last backup is backed up before the app closes (a few seconds at a million mentions).
  let backedUpBeforeQuit = false;
  app.on('before-quit', (event) => {
    if (backedUpBeforeQuit || !core) return;
    backedUpBeforeQuit = true;
    event.preventDefault();
    void core.backups.backUpBeforeClosing().finally(() => app.quit());
  });
  app.on('will-quit', () => {
    void sharing?.close(); // the other laptops' connections end with the app
    core?.close(); // checkpoints the WAL so the data directory is one clean file
    core = null;
  });
}
