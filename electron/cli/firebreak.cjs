#!/usr/bin/env node
// The `firebreak` command. The TypeScript sources are compiled to dist/ by `npm run build`
// (run automatically by `npm ci` / `npm install` through the `prepare` script).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', '..', 'dist', 'electron', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('firebreak: not built yet. Run `npm run build` in ' + path.resolve(__dirname, '..', '..'));
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  });
