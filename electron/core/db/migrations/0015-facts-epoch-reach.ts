export const name = 'facts-epoch-reach';

/**
 * The explorer's lists sorted by reach or engagement now come from the in-memory facts too (fact-columns.ts), so
 * a change of either must retire that copy like a change of time or sentiment does (nothing changes them after an
 * import today; this keeps it right if something does).
 */
export const sql = `
DROP TRIGGER facts_epoch_update;
CREATE TRIGGER facts_epoch_update AFTER UPDATE ON mention_facts
WHEN OLD.incident_id IS NOT NEW.incident_id OR OLD.published_at IS NOT NEW.published_at OR OLD.platform IS NOT NEW.platform
  OR OLD.lang IS NOT NEW.lang OR OLD.sentiment IS NOT NEW.sentiment OR OLD.reach IS NOT NEW.reach OR OLD.engagement IS NOT NEW.engagement BEGIN
  INSERT INTO facts_epochs VALUES (OLD.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
  INSERT INTO facts_epochs VALUES (NEW.incident_id, 1) ON CONFLICT DO UPDATE SET epoch = epoch + 1;
END;
`;
