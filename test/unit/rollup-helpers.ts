import assert from 'node:assert/strict';
import type { Core } from '../../electron/core/app-core';

/**
 * The pre-computed counts must always equal GROUP BYs over the counted mentions themselves (those of completed
 * imports), for the incident (scope 0) and for every topic.
 */
export function assertRollupMatches(core: Core): void {
  const counted = "FROM mentions m JOIN import_batches b ON b.id = m.batch_id AND b.status = 'complete'";
  const sentiment = 'COALESCE(m.sentiment, 2)';
  const expected = {
    time5m: core.db.prepare(`SELECT m.incident_id, m.published_at / 300000 AS k, ${sentiment} AS s, COUNT(*) AS n ${counted} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all(),
    hour: core.db.prepare(`SELECT m.incident_id, m.platform, COALESCE(m.lang, '') AS lang, m.published_at / 3600000 AS k, ${sentiment} AS s, COUNT(*) AS n ${counted} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`).all(),
    day: core.db.prepare(`SELECT m.incident_id, m.platform, COALESCE(m.lang, '') AS lang, m.published_at / 86400000 AS k, ${sentiment} AS s, COUNT(*) AS n ${counted} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`).all(),
  };
  const actual = {
    time5m: core.db.prepare('SELECT incident_id, bucket AS k, sentiment AS s, n FROM rollup_time WHERE scope = 0 AND size = 300000 ORDER BY 1, 2, 3').all(),
    hour: core.db.prepare('SELECT incident_id, platform, lang, hour AS k, sentiment AS s, n FROM rollup_hour WHERE scope = 0 ORDER BY 1, 2, 3, 4, 5').all(),
    day: core.db.prepare('SELECT incident_id, platform, lang, day AS k, sentiment AS s, n FROM rollup_day WHERE scope = 0 ORDER BY 1, 2, 3, 4, 5').all(),
  };
  assert.deepEqual(actual, expected);
  // The narrow copy the text-search charts read (filled by the writers, updated and deleted by triggers).
  const facts = core.db.prepare('SELECT id, incident_id, published_at, platform, lang, sentiment, reach, engagement, author_followers, triage_state FROM mention_facts ORDER BY id').all();
  assert.deepEqual(facts, core.db.prepare('SELECT id, incident_id, published_at, platform, lang, sentiment, reach, engagement, author_followers, triage_state FROM mentions ORDER BY id').all(), 'mention_facts');
  const hourly = core.db.prepare('SELECT COALESCE(SUM(n), 0) FROM rollup_time WHERE scope = 0 AND size = 3600000').pluck().get();
  assert.equal(hourly, core.db.prepare(`SELECT COUNT(*) ${counted}`).pluck().get());
  for (const t of core.db.prepare('SELECT id, incident_id, terms FROM incident_topics').all() as { id: number; incident_id: string; terms: string }[]) {
    const words = (JSON.parse(t.terms) as string[]).map((w) => `"${w.replace(/^#/, '')}"`).join(' OR ');
    const inTopic = core.db
      .prepare(`SELECT m.platform, COALESCE(m.lang, '') AS lang, m.published_at / 86400000 AS k, ${sentiment} AS s, COUNT(*) AS n
        FROM mentions_fts f JOIN mentions m ON m.id = f.rowid JOIN import_batches b ON b.id = m.batch_id AND b.status = 'complete'
        WHERE mentions_fts MATCH ? AND m.incident_id = ? GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`)
      .all(words, t.incident_id);
    const rolled = core.db.prepare('SELECT platform, lang, day AS k, sentiment AS s, n FROM rollup_day WHERE scope = ? ORDER BY 1, 2, 3, 4').all(t.id);
    assert.deepEqual(rolled, inTopic, `topic ${t.id}`);
  }
}
