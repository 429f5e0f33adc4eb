import { STATEMENT_TEMPLATES } from './seed-statement-templates';
import { sqlLiteral as q } from './sql-literal';

export const name = 'statements-approvals-audit';

const templatesSql = STATEMENT_TEMPLATES.map((t, i) =>
  `INSERT INTO statement_templates (id, kind, crisis_type, lang, title, body, builtin, sort) VALUES (${q(t.id)}, ${q(t.kind)}, ${q(t.crisisType)}, ${q(t.lang)}, ${q(t.title)}, ${q(t.body)}, 1, ${i + 1});`).join('\n');

/**
 * Statements with every version kept, comments, key messages, templates, approval chains per level, approvals bound
 * to one version (an edit makes a new version, so earlier approvals no longer count), publications, and a
 * hash-chained, append-only audit log per incident.
 */
export const sql = `
CREATE TABLE statements (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,              -- the current version
  chain TEXT,                            -- role ids of the approval chain, fixed when submitted
  submitted_at INTEGER,
  template_id TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX statements_by_incident ON statements (incident_id, updated_at);

CREATE TABLE statement_versions (
  statement_id TEXT NOT NULL REFERENCES statements (id),
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  languages TEXT NOT NULL,
  channels TEXT NOT NULL,
  hash TEXT NOT NULL,                    -- SHA-256 of the canonical content (title, body, languages, channels)
  author TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (statement_id, version)
);
CREATE TRIGGER statement_versions_frozen BEFORE UPDATE ON statement_versions BEGIN
  SELECT RAISE(ABORT, 'statement versions are never changed; save a new version');
END;
CREATE TRIGGER statement_versions_no_delete BEFORE DELETE ON statement_versions BEGIN
  SELECT RAISE(ABORT, 'statement versions are never deleted');
END;
CREATE TRIGGER statements_no_delete BEFORE DELETE ON statements BEGIN
  SELECT RAISE(ABORT, 'statements are withdrawn, never deleted');
END;

CREATE TABLE statement_comments (
  id INTEGER PRIMARY KEY,
  statement_id TEXT NOT NULL REFERENCES statements (id),
  version INTEGER NOT NULL,
  author TEXT NOT NULL,
  text TEXT NOT NULL,
  quote TEXT NOT NULL DEFAULT '',        -- the passage a suggestion would replace
  suggestion TEXT,                       -- proposed replacement for the quote
  created_at INTEGER NOT NULL
);

CREATE TABLE statement_decisions (
  id INTEGER PRIMARY KEY,
  statement_id TEXT NOT NULL REFERENCES statements (id),
  version INTEGER NOT NULL,
  step INTEGER NOT NULL,
  role_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'changes_requested', 'rejected')),
  person TEXT NOT NULL,
  as_backup INTEGER NOT NULL DEFAULT 0,
  reason TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX statement_decisions_by_statement ON statement_decisions (statement_id, version, step);
CREATE TRIGGER statement_decisions_frozen BEFORE UPDATE ON statement_decisions BEGIN
  SELECT RAISE(ABORT, 'decisions are never changed');
END;
CREATE TRIGGER statement_decisions_no_delete BEFORE DELETE ON statement_decisions BEGIN
  SELECT RAISE(ABORT, 'decisions are never deleted');
END;

-- Who has a step: its role's primary unless delegated to a named backup (with the reason).
CREATE TABLE statement_delegations (
  id INTEGER PRIMARY KEY,
  statement_id TEXT NOT NULL REFERENCES statements (id),
  version INTEGER NOT NULL,
  step INTEGER NOT NULL,
  person TEXT NOT NULL,
  reason TEXT NOT NULL,
  by_person TEXT NOT NULL,
  at INTEGER NOT NULL
);

CREATE TABLE statement_publications (
  id INTEGER PRIMARY KEY,
  statement_id TEXT NOT NULL REFERENCES statements (id),
  version INTEGER NOT NULL,
  channel TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  published_at INTEGER NOT NULL,
  by_person TEXT NOT NULL
);

CREATE TABLE key_messages (
  id INTEGER PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  text TEXT NOT NULL,                    -- one wording per line (e.g. one per language); any one counts
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
);

CREATE TABLE statement_templates (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  crisis_type TEXT,
  lang TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  builtin INTEGER NOT NULL DEFAULT 0,
  sort INTEGER NOT NULL
);

CREATE TABLE approval_chains (
  level INTEGER PRIMARY KEY,             -- 0 = an unclassified incident
  roles TEXT NOT NULL                    -- JSON array of role ids, in order
);
INSERT INTO approval_chains (level, roles) VALUES
  (0, '["lead","legal"]'),
  (1, '["lead"]'),
  (2, '["lead","legal"]'),
  (3, '["lead","legal","executive"]'),
  (4, '["lead","legal","executive"]');

CREATE TABLE audit_log (
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  seq INTEGER NOT NULL,
  statement_id TEXT,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq)
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

${templatesSql}
`;
