/** IPC channel names. The sandboxed preload cannot import modules, so it repeats these strings. */
export const IPC_INVOKE = 'firebreak:invoke';
export const IPC_EVENT = 'firebreak:event';
export const IPC_OPEN_EXTERNAL = 'firebreak:open-external';
export const IPC_SAVE_PDF = 'firebreak:save-pdf';
export const IPC_CHOOSE_FOLDER = 'firebreak:choose-folder';
export const IPC_SHOW_WINDOW = 'firebreak:show-window';

/** The one object the preload exposes as `window.firebreak`. */
export type PreloadBridge = {
  invoke(envelope: { method: string; arg: unknown; actor: unknown }): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  /** Renders the window's current page (a print view) to PDF and asks where to save it; null when cancelled. */
  savePdf(suggestedName: string): Promise<string | null>;
  /** The path of a file the user picked or dropped (Electron's webUtils); the page itself never sees paths. */
  pathForFile(file: File): string;
  /** Asks for a folder with the system's dialog (where backups go); null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /**
   * Brings the app's window to the front (a notification was clicked): the page's own window.focus() neither raises
   * it on Windows nor restores it when minimised.
   */
  showWindow(): Promise<void>;
};
