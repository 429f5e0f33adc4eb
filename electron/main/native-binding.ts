import fs from 'node:fs';
import path from 'node:path';

/**
 * In development, better-sqlite3 in node_modules is built for Node (tests, CLI); `npm start` builds a second
 * copy for Electron's ABI into .cache/electron-native (electron/scripts/electron-native.cjs). A packaged app
 * has its own rebuilt module (electron-builder), so there we use the default.
 */
export function electronNativeBinding(appRoot: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = path.join(appRoot, '.cache', 'electron-native', `${process.versions.electron}-${process.arch}`, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}
