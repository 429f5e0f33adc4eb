import fs from 'node:fs';
import path from 'node:path';

/** The app version from package.json, found from source (tsx) and from dist/ alike. */
export function appVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'firebreak') return pkg.version ?? '0.0.0';
    }
  }
  return '0.0.0';
}
