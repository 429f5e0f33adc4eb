export const name = 'facts-triage';

/**
 * The triage queue ranks every open mention by a priority computed from its sentiment, reach or followers, time and
 * triage state: over the wide mention rows that took 1.7-2.2 s at 1M mentions for an unfiltered queue. Followers and
 * the triage state join the narrow `mention_facts` copy so the ranking reads only it. Triage moves now update that
 * copy too; they do not change what the in-memory chart facts hold, so the epoch (migration 0011) now moves only
 * when one of those values changes (the copy's update sets every column).
 */
export const sql = `
ALTER TABLE mention_facts ADD COLUMN author_followers INTEGER;
ALTER TABLE mention_facts ADD COLUMN triage_state TEXT NOT NULL DEFAULT 'new';
UPDATE mention_facts SET (author_followers, triage_state) = (SELECT author_followers, triage_state FROM mentions WHERE mentions.id = mention_facts.id);

DROP TRIGGER mention_facts_update;
CREATE TRIGGER mention_facts_update
AFTER UPDATE OF incident_id, published_at, platform, lang, sentiment, reach, engagement, author_followers, triage_state ON mentions BEGIN
  UPDATE mention_facts SET incident_id = NEW.incident_id, published_at = NEW.published_at, platform = NEW.platform, lang = NEW.lang,
    sentiment = NEW.sentiment, reach = NEW.reach, engagement = NEW.engagement, author_followers = NEW.author_followers,
    triage_state = NEW.triage_state WHERE id = NEW.id;
END;

DROP TRIGGER facts_epoch_update;
CREATE TRIGGER facts_epoch_update AFTER UPDATE ON mention_facts
WHEN OLD.incident_id IS NOT NEW.incident_id OR OLD.published_at IS NOT NEW.published_at OR OLD.platform IS NOT NEW.platform
  OR OLD.lang IS NOT NEW.lang OR OLD.sentiment IS NOT NEW.sentiment BEGIN
  INSERT INTO facts_epochs VALUES (OLD.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
  INSERT INTO facts_epochs VALUES (NEW.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
`;
