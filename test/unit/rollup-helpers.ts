import assert from 'node:assert/strict';
import type { Core } from '../../electron/core/app-core';

/** The pre-computed counts must always equal a GROUP BY over the mentions themselves. */
export function assertRollupMatches(core: Core): void {
  const fromMentions = core.db
    .prepare(`SELECT incident_id, published_at / 300000 AS bucket, platform, COALESCE(lang, '') AS lang, COALESCE(sentiment, 2) AS sentiment, COUNT(*) AS n
      FROM mentions GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`)
    .all();
  const rollup = core.db.prepare('SELECT incident_id, bucket, platform, lang, sentiment, n FROM mention_rollup ORDER BY 1, 2, 3, 4, 5').all();
  assert.deepEqual(rollup, fromMentions);
}
