export const name = 'mention-facts';

/**
 * A narrow copy of what charts and counts read from each mention, keyed by the mention's id. Under a text search
 * the full-text index hands back mention ids, and every chart then needs only these few columns: reading them from
 * the wide mention rows (about 800 bytes each, text and raw row included) cost 0.3-0.5 s for a common word at 1M
 * mentions, from this table (about 40 bytes a row) about half of that. Inserts are copied in bulk by the writers that
 * add mentions (MentionWriter per import block, like the full-text index; archive restore): a per-row trigger made
 * imports 40% slower. Changes and deletions are kept in step by triggers, so scoring, corrections and undo need not
 * know about it.
 */
export const sql = `
CREATE TABLE mention_facts (
  id INTEGER PRIMARY KEY,       -- = mentions.id
  incident_id TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  platform TEXT NOT NULL,
  lang TEXT,
  sentiment INTEGER             -- the shown value, as mentions.sentiment
);
INSERT INTO mention_facts SELECT id, incident_id, published_at, platform, lang, sentiment FROM mentions;

CREATE TRIGGER mention_facts_update AFTER UPDATE OF incident_id, published_at, platform, lang, sentiment ON mentions BEGIN
  UPDATE mention_facts SET incident_id = NEW.incident_id, published_at = NEW.published_at, platform = NEW.platform, lang = NEW.lang,
    sentiment = NEW.sentiment WHERE id = NEW.id;
END;
CREATE TRIGGER mention_facts_delete AFTER DELETE ON mentions BEGIN
  DELETE FROM mention_facts WHERE id = OLD.id;
END;
`;
