export const name = 'facts-epochs';

/**
 * A counter per incident that moves whenever anything the in-memory fact columns hold could have changed: a row of
 * `mention_facts` added, changed or removed (import, scoring, correction, undo, restore), or a share-of-voice topic
 * saved or removed. The columns (analytics/fact-columns.ts) remember the value they were read at and are used only
 * while it is unchanged. Per-row triggers measured at 0.4 s per million inserts and 0.45 s per million updates.
 */

/** Moves the epoch of the incident a trigger's row (NEW or OLD) belongs to. */
const bump = (row: 'NEW' | 'OLD') => `INSERT INTO facts_epochs VALUES (${row}.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;`;
const trigger = (name: string, event: string, table: string, rows: ('NEW' | 'OLD')[]) =>
  `CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN\n  ${rows.map(bump).join('\n  ')}\nEND;`;

export const sql = `
CREATE TABLE facts_epochs (
  incident_id TEXT PRIMARY KEY,
  epoch INTEGER NOT NULL
) WITHOUT ROWID;

${trigger('facts_epoch_insert', 'INSERT', 'mention_facts', ['NEW'])}
${trigger('facts_epoch_update', 'UPDATE', 'mention_facts', ['OLD', 'NEW'])}
${trigger('facts_epoch_delete', 'DELETE', 'mention_facts', ['OLD'])}
${trigger('facts_epoch_topic_insert', 'INSERT', 'incident_topics', ['NEW'])}
${trigger('facts_epoch_topic_update', 'UPDATE', 'incident_topics', ['NEW'])}
${trigger('facts_epoch_topic_delete', 'DELETE', 'incident_topics', ['OLD'])}
`;
