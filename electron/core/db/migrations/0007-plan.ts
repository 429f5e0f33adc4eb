import { sqlLiteral as q } from './sql-literal';

export const name = 'playbooks-and-tasks';

/**
 * The seeded playbook library, one per crisis type of the team's crisis plan. Frozen with this migration: later
 * edits are the team's own (and shown as written); while a text is unchanged the app shows it in the reader's
 * language under the i18n key `playbooks.<type>.<field>`.
 */
const SEED: { type: string; name: string; strategy: string; result: string; steps: [string, string, number][] }[] = [
  {
    type: 'negative_reviews', name: 'Negative reviews',
    strategy: 'Quick, polite reply; find a solution; offer compensation.',
    result: 'Customer satisfied, brand image improved.',
    steps: [
      ['Read and triage every negative review', 'monitor', 30],
      ['First public acknowledgement', 'spokesperson', 60],
      ['Reply politely to each complaint with approved wording', 'responder', 60],
      ['Contact each customer privately and find a solution', 'responder', 120],
      ['Decide on compensation where the customer was wronged', 'lead', 240],
      ['Post a public follow-up once the case is solved', 'spokesperson', 1440],
    ],
  },
  {
    type: 'viral_activity', name: 'Viral activity',
    strategy: 'Detect fast, remove malicious viral posts, advise users how to protect themselves.',
    result: 'Spread stopped, users safe.',
    steps: [
      ['Confirm the spike and find the source posts', 'monitor', 15],
      ['First public acknowledgement', 'spokesperson', 60],
      ['Report malicious posts to the platforms for removal', 'security', 60],
      ['Brief responders on the approved answers', 'lead', 90],
      ['Publish advice on how users can protect themselves', 'spokesperson', 120],
    ],
  },
  {
    type: 'confidential_information', name: 'Confidential information obtained',
    strategy: 'Suspend activity at once, give instructions to restore access, notify users of the incident.',
    result: 'Leak contained, trust restored.',
    steps: [
      ['Suspend the affected activity and services', 'security', 30],
      ['Establish what leaked and whose data it is', 'security', 120],
      ['Legal review of the duty to notify', 'legal', 180],
      ['Notify affected users of the incident', 'spokesperson', 240],
      ['Publish instructions to restore access and protect accounts', 'spokesperson', 240],
    ],
  },
  {
    type: 'unauthorised_access', name: 'Unauthorised access to an account',
    strategy: 'Detect and block access, change passwords, security review of the account.',
    result: 'Control regained, no further intrusion.',
    steps: [
      ['Block the intruder and end all sessions', 'security', 15],
      ['Change passwords and turn on two-factor authentication', 'security', 30],
      ['Hide or label the posts the intruder made', 'responder', 60],
      ['Tell followers the account is back under control', 'spokesperson', 120],
      ['Security review of every brand account', 'security', 1440],
    ],
  },
  {
    type: 'false_information', name: 'False information spreading',
    strategy: 'Rebut quickly with facts and evidence, open a feedback channel for clarification.',
    result: 'No panic, reputation kept.',
    steps: [
      ['Collect the false claims and where they spread', 'monitor', 30],
      ['Gather the facts and evidence that refute them', 'lead', 90],
      ['Publish a rebuttal with facts and evidence', 'spokesperson', 120],
      ['Open a feedback channel for questions', 'responder', 180],
      ['Brief journalists and bloggers who repeated the claim', 'media', 240],
    ],
  },
  {
    type: 'user_conflicts', name: 'Conflicts between users',
    strategy: 'Moderate, stop insults and provocation, remind users of the rules.',
    result: 'Calm, civil community.',
    steps: [
      ['Hide insults and provocations under the community rules', 'responder', 30],
      ['Pin a reminder of the community rules', 'responder', 60],
      ['Warn or block repeat offenders', 'monitor', 120],
      ['Tell the community what was done and why', 'spokesperson', 240],
    ],
  },
];

const seedSql = SEED.map((p, i) => [
  `INSERT INTO playbooks (id, name, crisis_type, strategy, result, builtin, sort) VALUES (${q(p.type)}, ${q(p.name)}, ${q(p.type)}, ${q(p.strategy)}, ${q(p.result)}, 1, ${i + 1});`,
  ...p.steps.map(([action, role, minutes], n) =>
    `INSERT INTO playbook_steps (playbook_id, position, action, role_id, due_minutes, seed_key) VALUES (${q(p.type)}, ${n + 1}, ${q(action)}, ${q(role)}, ${minutes}, ${q(`${p.type}.s${n + 1}`)});`),
].join('\n')).join('\n');

/**
 * Playbooks (strategy, aimed result, checklist with role and target time after opening), which playbooks an incident
 * applied, and its tasks. Tasks are never deleted (cancelled instead); every change to one is kept in task_events.
 */
export const sql = `
CREATE TABLE playbooks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  crisis_type TEXT,                      -- the crisis type it is the default plan for; null = any
  strategy TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  builtin INTEGER NOT NULL DEFAULT 0,
  sort INTEGER NOT NULL,
  updated_by TEXT,
  updated_at INTEGER
);

CREATE TABLE playbook_steps (
  id INTEGER PRIMARY KEY,
  playbook_id TEXT NOT NULL REFERENCES playbooks (id),
  position INTEGER NOT NULL,
  action TEXT NOT NULL,
  role_id TEXT REFERENCES roles (id),
  due_minutes INTEGER,                   -- target time after the incident opened; null = no deadline
  seed_key TEXT                          -- seeded steps: translated under playbooks.<seed_key> while unchanged
);
CREATE INDEX playbook_steps_by_playbook ON playbook_steps (playbook_id, position);

CREATE TABLE incident_playbooks (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  playbook_id TEXT NOT NULL REFERENCES playbooks (id),
  applied_by TEXT NOT NULL,
  applied_at INTEGER NOT NULL,
  PRIMARY KEY (incident_id, playbook_id)
);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  title TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  owner_person_id TEXT REFERENCES people (id),
  owner_role_id TEXT REFERENCES roles (id),
  due_at INTEGER,
  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done', 'cancelled')),
  playbook_id TEXT REFERENCES playbooks (id),
  seed_key TEXT,
  mention_ids TEXT NOT NULL DEFAULT '[]',
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  done_by TEXT,
  done_at INTEGER
);
CREATE INDEX tasks_by_incident ON tasks (incident_id, status, due_at);
CREATE TRIGGER tasks_no_delete BEFORE DELETE ON tasks BEGIN
  SELECT RAISE(ABORT, 'tasks are cancelled, never deleted');
END;

CREATE TABLE task_events (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX task_events_by_task ON task_events (task_id, id);
CREATE TRIGGER task_events_no_update BEFORE UPDATE ON task_events BEGIN
  SELECT RAISE(ABORT, 'task history is append-only');
END;
CREATE TRIGGER task_events_no_delete BEFORE DELETE ON task_events BEGIN
  SELECT RAISE(ABORT, 'task history is append-only');
END;

${seedSql}
`;
