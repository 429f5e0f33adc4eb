import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { IncidentColumns } from '../../electron/core/analytics/fact-columns';
import { MentionQuery, type MentionFilter } from '../../electron/core/mentions/mention-query';
import { tempDir, testCore } from './helpers';
import { importFile, newIncident } from './import-helpers';

const T0 = Date.UTC(2026, 10, 1, 8, 0);

/** 3,600 mentions over two hours at whole minutes (about 30 share each minute: ties), four platforms and languages. */
function writeExport(dir: string, name: string, rows: number, salt: string): string {
  const lines = ['id,date,author,text,url,platform,lang,sentiment'];
  const platforms = ['x', 'reddit', 'youtube', 'telegram'];
  const langs = ['en', 'ru', 'el', ''];
  const sentiments = ['-0.8', '0', '0.7', ''];
  for (let i = 0; i < rows; i++) {
    const at = new Date(T0 + ((i * 7919) % 120) * 60_000).toISOString();
    const words = [i % 3 === 0 ? 'refund' : 'bottle', i % 5 === 0 ? 'delay' : 'store', salt].join(' ');
    lines.push([`${salt}${i}`, at, `user${i % 50}`, `${words} ${i}`, `https://x.com/u/status/${salt}${i}`, platforms[i % 4], langs[(i >> 2) % 4], sentiments[(i >> 4) % 4]].join(','));
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('explorer: deep pages sorted by time from the facts in memory', () => {
  it('equal SQL\'s pages (ties by id, both directions, filters, searches) and follow an import', async () => {
    const core = testCore();
    const incident = newIncident(core);
    const dir = tempDir();
    await importFile(core, incident, writeExport(dir, 'a.csv', 3_600, 'a'));
    const sql = new MentionQuery(core.db); // no columns: always SQL
    const filters: MentionFilter[] = [
      { incidentId: incident },
      { incidentId: incident, platforms: ['x', 'telegram'] },
      { incidentId: incident, langs: ['el', ''], sentiment: ['negative', 'unrated'] },
      { incidentId: incident, from: T0 + 20 * 60_000, to: T0 + 100 * 60_000 },
      { incidentId: incident, query: 'refund' },
      { incidentId: incident, query: 'refund delay', platforms: ['reddit'] },
    ];
    let memoryPages = 0;
    const page = IncidentColumns.prototype.page;
    IncidentColumns.prototype.page = function (this: IncidentColumns, ...args: Parameters<IncidentColumns['page']>) {
      memoryPages++;
      return page.apply(this, args);
    };
    try {
      const compare = () => {
        for (const f of filters) {
          for (const direction of ['desc', 'asc'] as const) {
            for (const offset of [2_000, 2_100, 3_500, 3_590, 9_000]) {
              const p = { sort: 'time' as const, direction, offset, limit: 100 };
              const [a, b] = [core.mentions.search(f, p), sql.search(f, p)];
              assert.deepEqual(a.rows.map((m) => m.id), b.rows.map((m) => m.id), JSON.stringify({ f, direction, offset }));
              assert.deepEqual([a.total, a.totalCapped], [b.total, b.totalCapped]);
            }
          }
        }
      };
      core.mentions.search(filters[0], { sort: 'time', direction: 'desc', offset: 0, limit: 100 }); // starts the read
      assert.ok(await core.dashboard.columns.ready(incident));
      compare();
      assert.equal(memoryPages, filters.length * 2 * 5, 'every deep page came from memory');

      await importFile(core, incident, writeExport(dir, 'b.csv', 500, 'b'));
      memoryPages = 0;
      compare(); // the copy is out of date: SQL answers, with the new mentions
      assert.equal(memoryPages, 0);
      assert.ok(await core.dashboard.columns.ready(incident));
      compare();
      assert.ok(memoryPages > 0);
      assert.ok(core.mentions.search(filters[0], { sort: 'time', direction: 'desc', offset: 2_000, limit: 10 }).total > 3_600);
    } finally {
      IncidentColumns.prototype.page = page;
      core.close();
    }
  });
});
