import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Firebreak';

/**
 * Where the incident database lives when nobody says otherwise: the same folder Electron uses as userData
 * (appData/productName), so the CLI, the room server and the desktop app see one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FIREBREAK_DATA_DIR) return path.resolve(env.FIREBREAK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
