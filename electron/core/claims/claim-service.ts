import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import {
  CLOSED_CLAIM_STATUSES, isSpreading,
  type Claim, type ClaimCounts, type ClaimEvent, type ClaimSpread, type ClaimStatus, type ClaimVerdict, type MentionClaim,
} from '../../../shared/claims';
import { readHistory, recordChange, recordChanges } from '../field-history';
import { followStatus, type ClosingRecord } from '../closing-status';
import { notFound, saidError } from '../said-error';
import { requirePerson } from '../team/require-person';
import { isInFuture } from '../clock-skew';
import { factsEpoch } from '../analytics/fact-columns';
import { timeSpan } from '../mentions/mention-query';
import { topicFts } from '../mentions/topic-scopes';
import { checkGivenWording, writeWordingVersion } from '../statements/given-wording';
import { quotedDetail, systemLine } from '../timeline/system-line';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { claimSpread } from './claim-spread';

type ClaimRow = {
  id: number; incident_id: string; claim: string; terms: string; verdict: ClaimVerdict; facts: string; source: string;
  owner_person_id: string | null; owner_person_name: string | null; status: ClaimStatus; answer: string;
  statement_id: string | null; statement_version: number | null; statement_title: string | null; closed_by: string | null; closed_at: number | null;
  created_by: string; created_at: number;
};

export type ClaimInput = { claim: string; terms: string[]; verdict: ClaimVerdict; facts: string; source: string; ownerPersonId: string | null };
export type ClaimPatch = Partial<ClaimInput & { status: ClaimStatus; answer: string; answeredAt: number; statementId: string | null; statementVersion: number }>;

const CLAIM_SQL = `SELECT c.*, p.name AS owner_person_name, v.title AS statement_title FROM claims c
  LEFT JOIN people p ON p.id = c.owner_person_id
  LEFT JOIN statement_versions v ON v.statement_id = c.statement_id AND v.version = c.statement_version`;
const TRACKED = { table: 'claims', events: 'claim_events', key: 'claim_id' };
const COLUMNS = {
  claim: 'claim', verdict: 'verdict', facts: 'facts', source: 'source', ownerPersonId: 'owner_person_id', status: 'status', answer: 'answer', statementId: 'statement_id',
} as const;
const CLOSING: ClosingRecord = { tracked: TRACKED, closed: CLOSED_CLAIM_STATUSES, timed: 'answered', timedField: 'answeredAt', kindPrefix: 'claim', refKey: 'claimId' };
const TREND_ORDER = { rising: 0, steady: 1, falling: 2, quiet: 3, unseen: 4 } as const;
/** Spreads kept at most (the room's claims over its open incidents); past it the cache starts again. */
const SPREADS_KEPT = 500;

/** What a claim's spread depends on: the incident's mentions (their epoch), its words and when it was answered. */
type SpreadKey = { incidentId: string; epoch: number; until: number | null; terms: string[]; answeredAt: number | null };

/**
 * The claims the room checks and answers: each with its verdict, the facts and their source, the words that find it
 * among the mentions (and so how far it has spread), and the answer given. Nothing is deleted; each change is kept
 * with who and when. Logging one and answering it (or deciding not to) go on the timeline.
 */
export class ClaimService {
  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineRepo,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Spreads already counted, until the incident's mentions change (its facts epoch moves on any mention added, changed
   * or removed): the header and the window title re-read the counts every minute or so on every laptop, and a claim
   * carried by half of a million mentions took 0.4 s to count (bench:dashboard).
   */
  private readonly spreads = new Map<string, ClaimSpread>();

  /** To answer first, spreading before quiet, the most carried first; then the others, the latest closed first. */
  list(incidentId: string): Claim[] {
    const data = this.dataOf(incidentId);
    const claims = (this.db.prepare(`${CLAIM_SQL} WHERE c.incident_id = ?`).all(incidentId) as ClaimRow[]).map((r) => this.toClaim(r, data));
    const open = (c: Claim) => (c.status === 'to_answer' ? 0 : 1);
    return claims.sort((a, b) =>
      open(a) - open(b)
      || (open(a) === 0 ? TREND_ORDER[a.spread.trend] - TREND_ORDER[b.spread.trend] || b.spread.total - a.spread.total : (b.closedAt ?? 0) - (a.closedAt ?? 0))
      || a.id - b.id);
  }

  get(id: number): Claim {
    const row = this.db.prepare(`${CLAIM_SQL} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
    if (!row) throw notFound('claim', id);
    return this.toClaim(row, this.dataOf(row.incident_id));
  }

  add(incidentId: string, input: ClaimInput, actor: Actor): Claim {
    return this.db.transaction(() => {
      if (input.ownerPersonId) requirePerson(this.db, input.ownerPersonId);
      const at = this.now();
      const r = this.db
        .prepare(`INSERT INTO claims (incident_id, claim, terms, verdict, facts, source, owner_person_id, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(incidentId, input.claim, JSON.stringify(cleanTerms(input.terms)), input.verdict, input.facts, input.source, input.ownerPersonId, actor.name, at, at);
      const id = Number(r.lastInsertRowid);
      const { text, line } = systemLine('claimLogged', { claim: input.claim, verdict: input.verdict });
      this.timeline.add({ incidentId, kind: 'claim.logged', author: actor.name, role: actor.role, occurredAt: at, text, ref: { claimId: id, line } });
      return this.get(id);
    })();
  }

  /**
   * Records each changed field. Answering one (or deciding not to) needs the answer (or why not) and goes on the
   * timeline with who and when (answered: at the time given, an answer posted before it was logged); reopening clears it.
   */
  update(id: number, patch: ClaimPatch, actor: Actor): Claim {
    return this.db.transaction(() => {
      const before = this.get(id);
      const changes = this.checked(before, patch);
      const at = this.now();
      recordChanges(this.db, TRACKED, before, changes, COLUMNS, actor, at);
      if (changes.terms !== undefined) this.writeTerms(before, cleanTerms(changes.terms), actor, at);
      writeWordingVersion(this.db, 'claims', id, changes);
      const status = changes.status ?? before.status;
      followStatus(this.db, this.timeline, CLOSING, before, status, changes.answeredAt, actor, at, (closedAt) => {
        const { text, line } = systemLine(status === 'answered' ? 'claimAnswered' : 'claimNotAnswered', { claim: before.claim }, quotedDetail(changes.answer ?? before.answer));
        this.timeline.add({ incidentId: before.incidentId, kind: `claim.${status}`, author: actor.name, role: actor.role, occurredAt: closedAt, text, ref: { claimId: before.id, line } });
      });
      return this.get(id);
    })();
  }

  history(id: number): ClaimEvent[] {
    this.get(id);
    return readHistory(this.db, TRACKED, id).map((change) => ({ ...change, claimId: id }));
  }

  counts(incidentId: string): ClaimCounts {
    const all = this.list(incidentId);
    return {
      total: all.length,
      toAnswer: all.filter((c) => c.status === 'to_answer').length,
      spreading: all.filter(isSpreading).length,
      answered: all.filter((c) => c.status === 'answered').length,
    };
  }

  /** The claims of its incident whose words the mention carries: asked of the full-text index for this one row. */
  forMention(mentionId: number): MentionClaim[] {
    const incidentId = this.db.prepare('SELECT incident_id FROM mentions WHERE id = ?').pluck().get(mentionId) as string | undefined;
    if (incidentId === undefined) throw notFound('mention', mentionId);
    const rows = this.db.prepare(`${CLAIM_SQL} WHERE c.incident_id = ? ORDER BY c.id`).all(incidentId) as ClaimRow[];
    // The id cast: better-sqlite3 binds a JS number as REAL, and FTS5 (SQLite 3.53) then drops `rowid = ?`, answering
    // for every match (each mention seemed to carry every claim).
    const carries = this.db.prepare('SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid = CAST(? AS INTEGER)').pluck();
    return rows
      .filter((r) => {
        const fts = topicFts(JSON.parse(r.terms) as string[]);
        return fts !== null && carries.get(fts, mentionId) !== undefined;
      })
      .map((r) => ({ id: r.id, claim: r.claim, verdict: r.verdict, facts: r.facts, status: r.status, answer: r.answer, statementTitle: r.statement_title, ownerPersonName: r.owner_person_name }));
  }

  /** The patch if it can be applied (the statement's version it names filled in); else why not. */
  private checked(before: Claim, patch: ClaimPatch): ClaimPatch {
    if (patch.ownerPersonId) requirePerson(this.db, patch.ownerPersonId);
    const changes: ClaimPatch = { ...patch };
    // The answer to a claim is public: an internal briefing is not one.
    if (patch.statementId) changes.statementVersion = checkGivenWording(this.db, before.incidentId, patch.statementId, patch.statementVersion, { internal: false });
    if (patch.answeredAt !== undefined && isInFuture(patch.answeredAt, this.now())) throw saidError('BAD_REQUEST', 'answeredInFuture', {});
    const closed = CLOSED_CLAIM_STATUSES.includes(patch.status ?? before.status);
    if (closed && !(patch.answer ?? before.answer).trim()) throw saidError('BAD_REQUEST', 'claimAnswerRequired', {});
    return changes;
  }

  /** The words that find it, kept as one line of the history (the list as it was, the list as it is). */
  private writeTerms(before: Claim, terms: string[], actor: Actor, at: number): void {
    if (JSON.stringify(terms) === JSON.stringify(before.terms)) return;
    this.db.prepare('UPDATE claims SET terms = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(terms), at, before.id);
    recordChange(this.db, TRACKED, before.id, 'terms', before.terms.join(', '), terms.join(', '), actor, at);
  }

  /** The incident's mentions as far as a spread is concerned: their epoch and the latest one. */
  private dataOf(incidentId: string): Pick<SpreadKey, 'epoch' | 'until'> {
    return { epoch: factsEpoch(this.db, incidentId), until: timeSpan(this.db, incidentId).last };
  }

  private spread(k: SpreadKey): ClaimSpread {
    const key = JSON.stringify(k);
    const known = this.spreads.get(key);
    if (known) return known;
    if (this.spreads.size >= SPREADS_KEPT) this.spreads.clear();
    const counted = claimSpread(this.db, k.incidentId, k.terms, k.answeredAt, k.until);
    this.spreads.set(key, counted);
    return counted;
  }

  private toClaim(r: ClaimRow, data: Pick<SpreadKey, 'epoch' | 'until'>): Claim {
    const terms = JSON.parse(r.terms) as string[];
    return {
      id: r.id, incidentId: r.incident_id, claim: r.claim, terms, verdict: r.verdict, facts: r.facts, source: r.source,
      ownerPersonId: r.owner_person_id, ownerPersonName: r.owner_person_name, status: r.status, answer: r.answer,
      statementId: r.statement_id, statementVersion: r.statement_version, statementTitle: r.statement_title, closedBy: r.closed_by, closedAt: r.closed_at,
      createdBy: r.created_by, createdAt: r.created_at,
      spread: this.spread({ incidentId: r.incident_id, ...data, terms, answeredAt: r.status === 'answered' ? r.closed_at : null }),
    };
  }
}

/** Each word once, as typed (case aside), in the order given. */
function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  return terms.map((t) => t.trim()).filter((t) => t && !seen.has(t.toLocaleLowerCase()) && seen.add(t.toLocaleLowerCase()));
}
