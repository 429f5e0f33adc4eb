// Sandboxed preload: it may import only `electron`, so channel names are repeated from shared/ipc.ts
// (type-only imports are erased by the compiler).
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../../shared/ipc';

const IPC_INVOKE = 'firebreak:invoke';
const IPC_EVENT = 'firebreak:event';
const IPC_OPEN_EXTERNAL = 'firebreak:open-external';
const IPC_SAVE_PDF = 'firebreak:save-pdf';
const IPC_CHOOSE_FOLDER = 'firebreak:choose-folder';
const IPC_SHOW_WINDOW = 'firebreak:show-window';

const bridge: PreloadBridge = {
  invoke: (envelope) => ipcRenderer.invoke(IPC_INVOKE, envelope),
  onEvent: (listener) => {
    const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.off(IPC_EVENT, handler);
  },
  openExternal: (url) => ipcRenderer.invoke(IPC_OPEN_EXTERNAL, url),
  savePdf: (suggestedName) => ipcRenderer.invoke(IPC_SAVE_PDF, suggestedName),
  pathForFile: (file) => webUtils.getPathForFile(file),
  chooseFolder: () => ipcRenderer.invoke(IPC_CHOOSE_FOLDER),
  showWindow: () => ipcRenderer.invoke(IPC_SHOW_WINDOW),
};

contextBridge.exposeInMainWorld('firebreak', Object.freeze(bridge));
