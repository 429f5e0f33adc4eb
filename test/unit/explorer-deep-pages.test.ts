import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IncidentColumns } from '../../electron/core/analytics/fact-columns';
import { MentionQuery, type MentionFilter } from '../../electron/core/mentions/mention-query';
import { tempDir, testCore } from './helpers';
import { csvFile, importFile, newIncident } from './import-helpers';

const T0 = Date.UTC(2026, 10, 1, 8, 0);

/** 3,600 mentions over two hours at whole minutes (about 30 share each minute: ties), four platforms and languages. */
function writeExport(dir: string, name: string, rows: number, salt: string): string {
  const lines = ['id,date,author,text,url,platform,lang,sentiment,reach,engagement'];
  const platforms = ['x', 'reddit', 'youtube', 'telegram'];
  const langs = ['en', 'ru', 'el', ''];
  const sentiments = ['-0.8', '0', '0.7', ''];
  for (let i = 0; i < rows; i++) {
    const at = new Date(T0 + ((i * 7919) % 120) * 60_000).toISOString();
    const words = [i % 3 === 0 ? 'refund' : 'bottle', i % 5 === 0 ? 'delay' : 'store', salt].join(' ');
    // Reach and engagement repeat (ties) and are missing for some (sorted as -1, like SQL's COALESCE).
    const reach = i % 11 === 0 ? '' : String((i * 37) % 500);
    const engagement = i % 13 === 0 ? '' : String((i * 17) % 40);
    lines.push([`${salt}${i}`, at, `user${i % 50}`, `${words} ${i}`, `https://x.com/u/status/${salt}${i}`, platforms[i % 4], langs[(i >> 2) % 4], sentiments[(i >> 4) % 4], reach, engagement].join(','));
  }
  return csvFile(dir, name, lines);
}

describe('explorer: pages from the facts in memory', () => {
  it('equal SQL\'s pages (deep ones by time, any by reach or engagement; ties by id, both directions, filters, searches) and follow an import', async () => {
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
      // Sorted by time only deep pages come from memory (SQL is quick near the top); by reach or engagement all do.
      const cases = [
        ...[2_000, 2_100, 3_500, 3_590, 9_000].map((offset) => ({ sort: 'time' as const, offset })),
        ...(['reach', 'engagement'] as const).flatMap((sort) => [0, 150, 2_500, 9_000].map((offset) => ({ sort, offset }))),
      ];
      const compare = () => {
        for (const f of filters) {
          for (const direction of ['desc', 'asc'] as const) {
            for (const { sort, offset } of cases) {
              const p = { sort, direction, offset, limit: 100 };
              const [a, b] = [core.mentions.search(f, p), sql.search(f, p)];
              assert.deepEqual(a.rows.map((m) => m.id), b.rows.map((m) => m.id), JSON.stringify({ f, sort, direction, offset }));
              assert.deepEqual([a.total, a.totalCapped], [b.total, b.totalCapped]);
            }
          }
        }
      };
      core.mentions.search(filters[0], { sort: 'time', direction: 'desc', offset: 0, limit: 100 }); // starts the read
      assert.ok(await core.dashboard.columns.ready(incident));
      compare();
      assert.equal(memoryPages, filters.length * 2 * cases.length, 'every such page came from memory');
      assert.ok(sql.search(filters[0], { sort: 'reach', direction: 'desc', offset: 0, limit: 1 }).rows[0].reach! > 0);

      await importFile(core, incident, writeExport(dir, 'b.csv', 500, 'b'));
      memoryPages = 0;
      compare(); // the copy is out of date: SQL answers, with the new mentions
      assert.equal(memoryPages, 0);
      assert.ok(await core.dashboard.columns.ready(incident));
      compare();
      assert.ok(memoryPages > 0);
      assert.ok(core.mentions.search(filters[0], { sort: 'time', direction: 'desc', offset: 2_000, limit: 10 }).total > 3_600);

      // A change of reach retires the copy too (migration 0015), so a reach-sorted page never shows an old order.
      const top = core.mentions.search(filters[0], { sort: 'reach', direction: 'desc', offset: 0, limit: 1 }).rows[0];
      const last = sql.search(filters[0], { sort: 'reach', direction: 'asc', offset: 0, limit: 1 }).rows[0];
      core.db.prepare('UPDATE mentions SET reach = ? WHERE id = ?').run((top.reach ?? 0) + 1, last.id);
      assert.equal(core.mentions.search(filters[0], { sort: 'reach', direction: 'desc', offset: 0, limit: 1 }).rows[0].id, last.id);
    } finally {
      IncidentColumns.prototype.page = page;
      core.close();
    }
  });
});
