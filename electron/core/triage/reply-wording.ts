import type { Database } from 'better-sqlite3';
import { APPROVED_STATES, AUTHOR_PLACEHOLDER, type StatementKind, type StatementState } from '../../../shared/statements';
import type { ReplyWording } from '../../../shared/triage';
import { notFound, saidError } from '../said-error';

/** Where people are addressed by @handle, so a reply names them that way. */
const AT_HANDLE_PLATFORMS = new Set(['x', 'instagram', 'threads', 'tiktok', 'telegram', 'youtube']);
/** What suits a reply to one person first; a press release or an internal briefing is never a reply. */
const KIND_ORDER: Partial<Record<StatementKind, number>> = { social_reply: 0, faq: 1, holding: 2, public: 3 };

export type ReplyTarget = { incident_id: string; platform: string; language: string | null; author: string | null; author_handle: string | null };

/** `{author}` as the mention's platform addresses them; left as it is when the export named nobody. */
export function fillAuthor(text: string, m: Pick<ReplyTarget, 'platform' | 'author' | 'author_handle'>): string {
  const handle = m.author_handle?.trim().replace(/^@/, '');
  const name = handle && AT_HANDLE_PLATFORMS.has(m.platform) ? `@${handle}` : (m.author?.trim() || handle);
  return name ? text.split(AUTHOR_PLACEHOLDER).join(name) : text;
}

/** Spaces and line breaks do not change what was said: a reply re-wrapped for the platform is still the approved text. */
const words = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

type WordingRow = { id: string; kind: StatementKind; state: StatementState; version: number; title: string; body: string; languages: string; updated_at: number };
const WORDING_SQL = `SELECT s.id, s.kind, s.state, s.version, v.title, v.body, v.languages, s.updated_at
  FROM statements s JOIN statement_versions v ON v.statement_id = s.id AND v.version = s.version`;

/**
 * The approved wording a responder may use for this mention: the approved version of every approved or published
 * statement of its incident that can be a reply, filled for this mention.
 */
export function replyWordings(db: Database, m: ReplyTarget): ReplyWording[] {
  const rows = db.prepare(`${WORDING_SQL} WHERE s.incident_id = ? AND s.state IN ('approved', 'published')`).all(m.incident_id) as WordingRow[];
  const language = m.language?.toLowerCase().split('-')[0] ?? null;
  return rows
    .filter((r) => KIND_ORDER[r.kind] !== undefined)
    .map((r): ReplyWording => {
      const languages = JSON.parse(r.languages) as string[];
      return {
        statementId: r.id, version: r.version, kind: r.kind, title: r.title, languages, text: fillAuthor(r.body, m),
        inMentionLanguage: language !== null && languages.some((l) => l.toLowerCase().split('-')[0] === language), published: r.state === 'published',
      };
    })
    .sort((a, b) => Number(b.inMentionLanguage) - Number(a.inMentionLanguage) || KIND_ORDER[a.kind]! - KIND_ORDER[b.kind]! || a.title.localeCompare(b.title));
}

/**
 * Checks a reply said to come from an approved statement: that statement of the mention's incident, still approved
 * (or published) at that very version — a withdrawn statement or one edited since is refused, so nobody posts words
 * that are no longer approved. `edited`: the reply is not the approved text as filled for this mention.
 */
export function checkWording(db: Database, m: ReplyTarget, use: { statementId: string; version: number }, text: string): { edited: boolean } {
  const r = db.prepare(`${WORDING_SQL} WHERE s.id = ? AND s.incident_id = ?`).get(use.statementId, m.incident_id) as WordingRow | undefined;
  if (!r || KIND_ORDER[r.kind] === undefined) throw notFound('statement', use.statementId);
  if (!APPROVED_STATES.includes(r.state) || r.version !== use.version) {
    throw saidError('CONFLICT', 'wordingStale', { title: r.title, statementState: r.state }, { statementId: r.id, state: r.state, version: r.version });
  }
  return { edited: words(text) !== words(fillAuthor(r.body, m)) };
}
