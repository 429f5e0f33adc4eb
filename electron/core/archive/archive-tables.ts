/**
 * What an incident archive holds, table by table, in the order rows are restored (parents before children).
 *
 * - `where`: the incident's rows (`@incident` is its id); also what "replace" deletes.
 * - `key`: an INTEGER PRIMARY KEY. Archives number these 1..n in id order, so two laptops' copies of one incident
 *   write identical archives; importing gives them fresh local ids and re-points every reference.
 * - `refs`: integer columns pointing at another table's key.
 * - `shared`: directory rows other incidents use too (people, roles, playbooks): restored only where missing, never
 *   overwritten, never deleted.
 * - `since`: the database change (migration) that added the table; an archive written before it has no such table
 *   and restores it empty.
 * Not archived: chart counts, facets and the full-text index (rebuilt on import), and the laptop's own settings and
 * learned sentiment models.
 */
export type TableSpec = {
  table: string;
  where: string;
  order: string;
  key?: string;
  refs?: Record<string, string>;
  shared?: true;
  since?: number;
};

const byIncident = 'incident_id = @incident';
const ofStatements = 'statement_id IN (SELECT id FROM statements WHERE incident_id = @incident)';
const playbooksUsed = `id IN (SELECT playbook_id FROM incident_playbooks WHERE incident_id = @incident
  UNION SELECT playbook_id FROM tasks WHERE incident_id = @incident UNION SELECT playbook_id FROM review_lessons WHERE incident_id = @incident)`;

export const ARCHIVE_TABLES: readonly TableSpec[] = [
  { table: 'incidents', where: 'id = @incident', order: 'id' },
  { table: 'incident_changes', where: byIncident, order: 'id', key: 'id' },
  {
    table: 'people', shared: true, order: 'id',
    where: `id IN (SELECT person_id FROM role_assignments WHERE incident_id = @incident UNION SELECT owner_person_id FROM tasks WHERE incident_id = @incident
      UNION SELECT owner_person_id FROM enquiries WHERE incident_id = @incident UNION SELECT owner_person_id FROM stakeholders WHERE incident_id = @incident
      UNION SELECT owner_person_id FROM claims WHERE incident_id = @incident UNION SELECT keeper_person_id FROM own_channels WHERE incident_id = @incident)`,
  },
  {
    table: 'roles', shared: true, order: 'id',
    where: `id IN (SELECT role_id FROM role_assignments WHERE incident_id = @incident UNION SELECT owner_role_id FROM tasks WHERE incident_id = @incident
      UNION SELECT role_id FROM statement_decisions WHERE ${ofStatements} UNION SELECT role_id FROM playbook_steps WHERE playbook_id IN (SELECT id FROM playbooks WHERE ${playbooksUsed}))`,
  },
  { table: 'playbooks', shared: true, where: playbooksUsed, order: 'id' },
  { table: 'playbook_steps', shared: true, where: `playbook_id IN (SELECT id FROM playbooks WHERE ${playbooksUsed})`, order: 'id', key: 'id' },
  { table: 'import_batches', where: byIncident, order: 'started_at, id' },
  { table: 'mentions', where: byIncident, order: 'id', key: 'id' },
  { table: 'import_quarantine', where: byIncident, order: 'id', key: 'id', refs: { mention_id: 'mentions' } },
  { table: 'incident_topics', where: byIncident, order: 'id', key: 'id' },
  { table: 'alert_settings', where: byIncident, order: 'incident_id' },
  { table: 'alerts', where: byIncident, order: 'id', key: 'id' },
  { table: 'role_assignments', where: byIncident, order: 'id', key: 'id' },
  { table: 'triage_events', where: byIncident, order: 'id', key: 'id', refs: { mention_id: 'mentions' } },
  { table: 'mention_responses', where: byIncident, order: 'id', key: 'id', refs: { mention_id: 'mentions' } },
  { table: 'incident_playbooks', where: byIncident, order: 'playbook_id' },
  { table: 'tasks', where: byIncident, order: 'id', key: 'id' },
  { table: 'task_events', where: 'task_id IN (SELECT id FROM tasks WHERE incident_id = @incident)', order: 'id', key: 'id', refs: { task_id: 'tasks' } },
  { table: 'enquiries', where: byIncident, order: 'id', key: 'id', refs: { mention_id: 'mentions' }, since: 20 },
  { table: 'enquiry_events', where: 'enquiry_id IN (SELECT id FROM enquiries WHERE incident_id = @incident)', order: 'id', key: 'id', refs: { enquiry_id: 'enquiries' }, since: 20 },
  { table: 'stakeholders', where: byIncident, order: 'id', key: 'id', since: 24 },
  { table: 'stakeholder_events', where: 'stakeholder_id IN (SELECT id FROM stakeholders WHERE incident_id = @incident)', order: 'id', key: 'id', refs: { stakeholder_id: 'stakeholders' }, since: 24 },
  { table: 'claims', where: byIncident, order: 'id', key: 'id', since: 25 },
  { table: 'claim_events', where: 'claim_id IN (SELECT id FROM claims WHERE incident_id = @incident)', order: 'id', key: 'id', refs: { claim_id: 'claims' }, since: 25 },
  { table: 'own_channels', where: byIncident, order: 'id', key: 'id', since: 26 },
  { table: 'own_channel_events', where: 'own_channel_id IN (SELECT id FROM own_channels WHERE incident_id = @incident)', order: 'id', key: 'id', refs: { own_channel_id: 'own_channels' }, since: 26 },
  { table: 'impostors', where: byIncident, order: 'id', key: 'id', since: 26 },
  { table: 'impostor_events', where: 'impostor_id IN (SELECT id FROM impostors WHERE incident_id = @incident)', order: 'id', key: 'id', refs: { impostor_id: 'impostors' }, since: 26 },
  { table: 'timeline_entries', where: byIncident, order: 'id', key: 'id' },
  { table: 'timeline_edits', where: 'entry_id IN (SELECT id FROM timeline_entries WHERE incident_id = @incident)', order: 'id', key: 'id', refs: { entry_id: 'timeline_entries' } },
  { table: 'statements', where: byIncident, order: 'created_at, id' },
  { table: 'statement_versions', where: ofStatements, order: 'statement_id, version' },
  { table: 'statement_comments', where: ofStatements, order: 'id', key: 'id' },
  { table: 'statement_decisions', where: ofStatements, order: 'id', key: 'id' },
  { table: 'statement_delegations', where: ofStatements, order: 'id', key: 'id' },
  { table: 'statement_publications', where: ofStatements, order: 'id', key: 'id' },
  { table: 'key_messages', where: byIncident, order: 'id', key: 'id' },
  { table: 'audit_log', where: byIncident, order: 'seq' },
  { table: 'reviews', where: byIncident, order: 'incident_id' },
  { table: 'review_lessons', where: byIncident, order: 'position, id', key: 'id' },
];

/** Text ids that a copy kept beside the original ("keep both") must renew: the incident, its imports, its statements. */
export const RENEWED_IDS: Record<string, { column: string; kind: 'incident' | 'batch' | 'statement' }[]> = {
  incidents: [{ column: 'id', kind: 'incident' }],
  import_batches: [{ column: 'id', kind: 'batch' }],
  statements: [{ column: 'id', kind: 'statement' }],
};
export const RENEWED_COLUMNS: Record<string, 'incident' | 'batch' | 'statement'> = { incident_id: 'incident', batch_id: 'batch', statement_id: 'statement' };

export const ARCHIVE_FORMAT = 'firebreak-archive';
export const ARCHIVE_VERSION = 1;
