#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/<electron>-<arch>/ without touching
// node_modules, whose copy stays built for Node so that `npm test` and the CLI keep working after `npm start`.
// Tries the prebuilt binary first (prebuild-install), then compiles from source (node-gyp with Electron headers).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const electronVersion = require('electron/package.json').version;
const arch = process.env.npm_config_arch || process.arch;
const outDir = path.join(root, '.cache', 'electron-native', `${electronVersion}-${arch}`);
const outFile = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(outFile)) process.exit(0);

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = path.join(root, '.cache', 'electron-native', 'work');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });

// npm may point node-gyp at Node's own headers (npm_config_nodedir); Electron needs its headers instead.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env });
console.log(`firebreak: building better-sqlite3 for Electron ${electronVersion} (${arch})`);
try {
  run(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [source] }), '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`]);
} catch {
  console.log('firebreak: no prebuilt binary; compiling from source');
  run(process.execPath, [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
fs.rmSync(work, { recursive: true, force: true });
console.log(`firebreak: ${path.relative(root, outFile)} ready`);
