export const name = 'facts-epochs';

/**
 * A counter per incident that moves whenever anything the in-memory fact columns hold could have changed: a row of
 * `mention_facts` added, changed or removed (import, scoring, correction, undo, restore), or a share-of-voice topic
 * saved or removed. The columns (analytics/fact-columns.ts) remember the value they were read at and are used only
 * while it is unchanged. Per-row triggers measured at 0.4 s per million inserts and 0.45 s per million updates.
 */
export const sql = `
CREATE TABLE facts_epochs (
  incident_id TEXT PRIMARY KEY,
  epoch INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER facts_epoch_insert AFTER INSERT ON mention_facts BEGIN
  INSERT INTO facts_epochs VALUES (NEW.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
CREATE TRIGGER facts_epoch_update AFTER UPDATE ON mention_facts BEGIN
  INSERT INTO facts_epochs VALUES (OLD.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
  INSERT INTO facts_epochs VALUES (NEW.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
CREATE TRIGGER facts_epoch_delete AFTER DELETE ON mention_facts BEGIN
  INSERT INTO facts_epochs VALUES (OLD.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
CREATE TRIGGER facts_epoch_topic_insert AFTER INSERT ON incident_topics BEGIN
  INSERT INTO facts_epochs VALUES (NEW.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
CREATE TRIGGER facts_epoch_topic_update AFTER UPDATE ON incident_topics BEGIN
  INSERT INTO facts_epochs VALUES (NEW.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
CREATE TRIGGER facts_epoch_topic_delete AFTER DELETE ON incident_topics BEGIN
  INSERT INTO facts_epochs VALUES (OLD.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
`;
