export const name = 'facts-reach';

/**
 * Reach and engagement join the narrow `mention_facts` copy, so that the explorer sorts by them there: sorting the
 * wide mention rows read every one of them (1.5 s at 1M, on every page of the scrolling list), the narrow copy
 * about 0.1 s. An index on (incident, reach) answered in milliseconds but made a 1M import 10-28% slower (its keys
 * arrive in random order); this costs the import two integers per row.
 */
export const sql = `
ALTER TABLE mention_facts ADD COLUMN reach INTEGER;
ALTER TABLE mention_facts ADD COLUMN engagement INTEGER;
UPDATE mention_facts SET (reach, engagement) = (SELECT reach, engagement FROM mentions WHERE mentions.id = mention_facts.id);

DROP TRIGGER mention_facts_update;
CREATE TRIGGER mention_facts_update AFTER UPDATE OF incident_id, published_at, platform, lang, sentiment, reach, engagement ON mentions BEGIN
  UPDATE mention_facts SET incident_id = NEW.incident_id, published_at = NEW.published_at, platform = NEW.platform, lang = NEW.lang,
    sentiment = NEW.sentiment, reach = NEW.reach, engagement = NEW.engagement WHERE id = NEW.id;
END;
`;
