import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { el } from '../../shared/locales/el';
import { en } from '../../shared/locales/en';
import { fa } from '../../shared/locales/fa';
import { ru } from '../../shared/locales/ru';
import { uk } from '../../shared/locales/uk';

const LOCALES = { en, ru, uk, fa, el } as Record<string, unknown>;
const RENDERER = path.resolve(__dirname, '..', '..', 'renderer');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(tsx?)$/.test(e.name) ? [full] : [];
  });
}

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('UI strings', () => {
  // The compiler checks that every language has the keys English has; this checks the code asks only for keys that exist.
  it('every key the renderer asks for exists in all five languages', () => {
    const used = new Map<string, string>();
    for (const file of sourceFiles(RENDERER)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) used.set(m[1], path.relative(RENDERER, file));
    }
    assert.ok(used.size > 100, `found ${used.size} keys`);
    for (const [key, file] of used) {
      for (const [lang, messages] of Object.entries(LOCALES)) {
        assert.equal(typeof lookup(messages, key), 'string', `${key} (used in ${file}) is missing in ${lang}`);
      }
    }
  });

  // A placeholder's format travels with it: a language that wrote `{{count}}` where English has `{{count, number}}`
  // would show that count in Latin digits in Persian, or ungrouped.
  it('every string has the same placeholders, with the same formats, in all five languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*([^}]+?)\s*}}/g)].map((m) => m[1].replace(/\s+/g, ' ')).sort();
    const strings = (node: unknown, prefix = ''): [string, string][] =>
      Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : strings(v, `${prefix}${k}.`)));
    const english = strings(en);
    assert.ok(english.filter(([, text]) => text.includes(', number}}')).length > 40);
    for (const [lang, messages] of Object.entries(LOCALES)) {
      for (const [key, text] of english) assert.deepEqual(placeholders(lookup(messages, key) as string), placeholders(text), `${key} in ${lang}`);
    }
  });
});
