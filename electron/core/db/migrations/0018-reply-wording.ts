import { STATEMENT_TEMPLATES } from './seed-statement-templates';
import { sqlLiteral } from './sql-literal';

export const name = 'reply-wording';

/** The built-in reply templates address the person answered; a template the team has rewritten is left as it is. */
const addressed = STATEMENT_TEMPLATES.filter((t) => t.kind === 'social_reply')
  .map((t) => `UPDATE statement_templates SET body = ${sqlLiteral(`{author}, ${t.body[0].toLowerCase()}${t.body.slice(1)}`)} WHERE id = ${sqlLiteral(t.id)} AND body = ${sqlLiteral(t.body)};`)
  .join('\n');

/**
 * A reply remembers the approved statement it was taken from (its id and the version approved then) and whether the
 * responder changed its words; a reply written from scratch has none. Earlier replies have none either.
 */
export const sql = `
ALTER TABLE mention_responses ADD COLUMN statement_id TEXT;
ALTER TABLE mention_responses ADD COLUMN statement_version INTEGER;
ALTER TABLE mention_responses ADD COLUMN edited INTEGER;
${addressed}
`;
