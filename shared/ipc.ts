/** IPC channel names. The sandboxed preload cannot import modules, so it repeats these two strings. */
export const IPC_INVOKE = 'firebreak:invoke';
export const IPC_EVENT = 'firebreak:event';
export const IPC_OPEN_EXTERNAL = 'firebreak:open-external';

/** The one object the preload exposes as `window.firebreak`. */
export type PreloadBridge = {
  invoke(envelope: { method: string; arg: unknown; actor: unknown }): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  /** The path of a file the user picked or dropped (Electron's webUtils); the page itself never sees paths. */
  pathForFile(file: File): string;
};
