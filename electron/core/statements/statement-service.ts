import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import canonicalize from 'canonicalize';
import type { Actor, Incident } from '../../../shared/domain';
import { en } from '../../../shared/locales/en';
import { notFound, saidError } from '../said-error';
import {
  EDITABLE_STATES, openPlaceholders, type ApprovalStep, type Decision, type KeyMessage, type Publication, type StatementComment, type StatementContent,
  type StatementDetail, type StatementKind, type StatementState, type StatementSummary, type StatementVersion,
} from '../../../shared/statements';
import type { Assignment } from '../../../shared/team';
import type { TeamService } from '../team/team-service';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { systemLine } from '../timeline/system-line';
import type { AuditLog } from './audit-log';
import type { ApprovalChainRepo } from './approval-chains';
import { carriesKeyMessage } from '../../../shared/key-message-match';
import { DEFAULT_CHANNELS, placeholderValues } from './placeholder-values';
import { fillPlaceholders, type TemplateRepo } from './template-repo';

type StatementRow = {
  id: string; incident_id: string; kind: StatementKind; state: StatementState; version: number; chain: string | null; submitted_at: number | null;
  created_by: string; created_at: number; updated_at: number;
};
type VersionRow = { version: number; title: string; body: string; languages: string; channels: string; hash: string; author: string; created_at: number };
type DecisionRow = { version: number; step: number; role_id: string; decision: Decision; person: string; as_backup: number; reason: string | null; at: number };

const toVersion = (r: VersionRow): StatementVersion => ({
  version: r.version, title: r.title, body: r.body, languages: JSON.parse(r.languages) as string[], channels: JSON.parse(r.channels) as string[],
  hash: r.hash, author: r.author, createdAt: r.created_at,
});

/** SHA-256 of the canonical content: the identity of exactly the text that was approved, printed and published. */
export function contentHash(c: StatementContent): string {
  return createHash('sha256').update(canonicalize({ title: c.title, body: c.body, languages: c.languages, channels: c.channels })!).digest('hex');
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Statements and their approval, enforced here whatever the caller: drafts are versioned; submission fixes the
 * approval chain of the incident's level; each step is decided, in order, only by a person holding the step's role on
 * the incident's roster (primary or backup, or the backup it was delegated to); an edit makes a new version, so the
 * approvals of earlier versions no longer count; publishing needs an approved version and logs a public update.
 * Every action goes to the incident's hash-chained audit log in the same transaction.
 */
export class StatementService {
  constructor(
    private readonly db: Database,
    private readonly team: TeamService,
    private readonly chains: ApprovalChainRepo,
    private readonly audit: AuditLog,
    private readonly templates: TemplateRepo,
    private readonly timeline: TimelineRepo,
    private readonly incident: (id: string) => Incident,
    private readonly now: () => number = Date.now,
  ) {}

  create(incidentId: string, kind: StatementKind, content: StatementContent, actor: Actor, templateId: string | null = null): StatementDetail {
    this.incident(incidentId);
    const id = randomUUID();
    return this.db.transaction(() => {
      const at = this.now();
      this.db.prepare(`INSERT INTO statements (id, incident_id, kind, state, version, template_id, created_by, created_at, updated_at)
        VALUES (?, ?, ?, 'draft', 1, ?, ?, ?, ?)`).run(id, incidentId, kind, templateId, actor.name, at, at);
      const hash = this.insertVersion(id, 1, content, actor, at);
      this.audit.append(incidentId, id, 'create', actor.name, at, { kind, version: 1, hash, title: content.title, ...(templateId ? { templateId } : {}) });
      return this.get(id);
    })();
  }

  /** A draft from a library template, with what the incident knows filled in (brand, date, spokesperson, contact, next update). */
  fromTemplate(incidentId: string, templateId: string, actor: Actor): StatementDetail {
    const template = this.templates.get(templateId);
    const values = placeholderValues(this.incident(incidentId), this.team, this.timeline, template.lang, this.now());
    const content = { title: fillPlaceholders(template.title, values), body: fillPlaceholders(template.body, values), languages: [template.lang], channels: DEFAULT_CHANNELS[template.kind] };
    return this.create(incidentId, template.kind, content, actor, template.id);
  }

  /**
   * A new version (unless nothing changed). Editing in review or after approval sends the statement back to draft.
   * `baseVersion`: the version the writer started from; if someone saved another since, the edit is refused rather
   * than silently replacing their text (the writer then decides, and saves again from the newest).
   */
  edit(id: string, content: StatementContent, actor: Actor, baseVersion?: number): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      if (!EDITABLE_STATES.includes(s.state)) throw saidError('INVALID_TRANSITION', 'statementLocked', { statementState: s.state });
      const current = this.version(id, s.version);
      if (contentHash(content) === current.hash) return this.get(id);
      if (baseVersion !== undefined && baseVersion !== s.version) {
        throw saidError('CONFLICT', 'editedMeanwhile', { version: baseVersion, current: s.version, author: current.author }, { version: s.version });
      }
      const at = this.now();
      const version = s.version + 1;
      const hash = this.insertVersion(id, version, content, actor, at);
      const voided = (this.db.prepare("SELECT COUNT(*) FROM statement_decisions WHERE statement_id = ? AND version = ? AND decision = 'approved'").pluck().get(id, s.version) as number);
      const state: StatementState = s.state === 'changes_requested' ? 'changes_requested' : 'draft';
      this.db.prepare('UPDATE statements SET version = ?, state = ?, updated_at = ? WHERE id = ?').run(version, state, at, id);
      this.audit.append(s.incident_id, id, 'edit', actor.name, at, { version, hash, previousHash: current.hash, ...(voided ? { voidedApprovals: voided } : {}), ...(s.state !== state ? { from: s.state, to: state } : {}) });
      return this.get(id);
    })();
  }

  submit(id: string, actor: Actor): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      if (s.state !== 'draft' && s.state !== 'changes_requested') throw saidError('INVALID_TRANSITION', 'notDraft', { statementState: s.state });
      const v = this.version(id, s.version);
      if (!v.body.trim()) throw saidError('BAD_REQUEST', 'noText', {});
      const left = openPlaceholders(s.kind, `${v.title}\n${v.body}`);
      if (left.length) throw saidError('BAD_REQUEST', 'placeholders', { list: left.join(', ') }, { placeholders: left });
      const incident = this.incident(s.incident_id);
      const chain = this.chains.forLevel(incident.level);
      const at = this.now();
      this.db.prepare("UPDATE statements SET state = 'in_review', chain = ?, submitted_at = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(chain), at, at, id);
      this.audit.append(s.incident_id, id, 'submit', actor.name, at, { version: s.version, hash: v.hash, chain });
      this.timeline.add({ incidentId: s.incident_id, kind: 'statement.submitted', author: actor.name, role: actor.role, occurredAt: at, text: `${v.title} (v${s.version})`, ref: { statementId: id } });
      return this.get(id);
    })();
  }

  /**
   * Decides the current step. `version` is the version the approver read: if the text changed since, the call is
   * refused, so nobody approves words they have not seen. Changes requested and rejections need a reason.
   */
  decide(id: string, version: number, decision: Decision, reason: string | null, actor: Actor): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      if (s.state !== 'in_review') throw saidError('INVALID_TRANSITION', 'notInReview', { statementState: s.state });
      if (version !== s.version) throw saidError('CONFLICT', 'staleVersion', { version, current: s.version }, { version: s.version });
      if (decision !== 'approved' && !reason?.trim()) throw saidError('BAD_REQUEST', 'reasonRequired', {});
      const step = this.currentStep(s)!;
      const asBackup = this.authorise(step, actor);
      const at = this.now();
      this.db.prepare('INSERT INTO statement_decisions (statement_id, version, step, role_id, decision, person, as_backup, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, s.version, step.step, step.roleId, decision, actor.name, asBackup ? 1 : 0, reason?.trim() || null, at);
      const v = this.version(id, s.version);
      const chain = JSON.parse(s.chain!) as string[];
      const next: StatementState = decision === 'approved' ? (step.step === chain.length ? 'approved' : 'in_review') : decision;
      this.db.prepare('UPDATE statements SET state = ?, updated_at = ? WHERE id = ?').run(next, at, id);
      this.audit.append(s.incident_id, id, decision === 'approved' ? 'approve' : decision === 'rejected' ? 'reject' : 'request_changes', actor.name, at, {
        version: s.version, hash: v.hash, step: step.step, role: step.roleId, ...(asBackup ? { asBackup: true } : {}), ...(reason?.trim() ? { reason: reason.trim() } : {}),
      });
      if (next !== 'in_review') {
        this.timeline.add({
          incidentId: s.incident_id, kind: `statement.${next}`, author: actor.name, role: actor.role, occurredAt: at, keyEvent: next === 'approved',
          text: `${v.title} (v${s.version}${next === 'approved' ? `, ${v.hash.slice(0, 12)}` : ''})${reason?.trim() ? ` — ${reason.trim()}` : ''}`, ref: { statementId: id },
        });
      }
      return this.get(id);
    })();
  }

  /** Hands the current step to a backup of its role (the primary is away), with the reason kept. */
  delegate(id: string, person: string, reason: string, actor: Actor): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      if (s.state !== 'in_review') throw saidError('INVALID_TRANSITION', 'notInReview', { statementState: s.state });
      const step = this.currentStep(s)!;
      if (!step.backups.some((b) => same(b, person))) {
        // The roster may have changed on another laptop since the list of backups was shown.
        throw step.backups.length ? saidError('BAD_REQUEST', 'notBackup', { person, backups: step.backups.join(', ') }) : saidError('BAD_REQUEST', 'noBackup', { person });
      }
      const at = this.now();
      this.db.prepare('INSERT INTO statement_delegations (statement_id, version, step, person, reason, by_person, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, s.version, step.step, person, reason, actor.name, at);
      this.db.prepare('UPDATE statements SET updated_at = ? WHERE id = ?').run(at, id);
      this.audit.append(s.incident_id, id, 'delegate', actor.name, at, { version: s.version, step: step.step, role: step.roleId, to: person, reason });
      return this.get(id);
    })();
  }

  /** Logged, so the wait and the reminders are on the record; the room shows it to the people it waits for. */
  remind(id: string, actor: Actor): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      const step = s.state === 'in_review' ? this.currentStep(s) : null;
      if (!step) throw saidError('INVALID_TRANSITION', 'notInReview', { statementState: s.state }); // decided on another laptop
      this.audit.append(s.incident_id, id, 'remind', actor.name, this.now(), { version: s.version, step: step.step, role: step.roleId, holders: step.holders });
      return this.get(id);
    })();
  }

  /** Publishing an approved version: where and when it went out; it is a public update on the timeline (timer reset). */
  publish(id: string, channel: string, location: string, publishedAt: number | null, actor: Actor): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      if (s.state !== 'approved' && s.state !== 'published') throw saidError('INVALID_TRANSITION', 'notApproved', { statementState: s.state });
      const v = this.version(id, s.version);
      const at = this.now();
      const when = publishedAt ?? at;
      this.db.prepare('INSERT INTO statement_publications (statement_id, version, channel, location, published_at, by_person) VALUES (?, ?, ?, ?, ?, ?)').run(id, s.version, channel, location, when, actor.name);
      this.db.prepare("UPDATE statements SET state = 'published', updated_at = ? WHERE id = ?").run(at, id);
      this.audit.append(s.incident_id, id, 'publish', actor.name, at, { version: s.version, hash: v.hash, channel, location, publishedAt: when });
      const { text, line } = systemLine('published', { title: v.title, version: s.version, channel }, location);
      this.timeline.add({
        incidentId: s.incident_id, kind: 'public_update', author: actor.name, role: actor.role, occurredAt: when, keyEvent: true, tags: ['statement'], text, ref: { statementId: id, line },
      });
      return this.get(id);
    })();
  }

  withdraw(id: string, reason: string, actor: Actor): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      if (s.state === 'withdrawn') return this.get(id);
      const at = this.now();
      this.db.prepare("UPDATE statements SET state = 'withdrawn', updated_at = ? WHERE id = ?").run(at, id);
      this.audit.append(s.incident_id, id, 'withdraw', actor.name, at, { version: s.version, from: s.state, reason });
      const v = this.version(id, s.version);
      this.timeline.add({ incidentId: s.incident_id, kind: 'statement.withdrawn', author: actor.name, role: actor.role, occurredAt: at, text: `${v.title} — ${reason}`, ref: { statementId: id } });
      return this.get(id);
    })();
  }

  comment(id: string, input: { text: string; quote: string; suggestion: string | null }, actor: Actor): StatementDetail {
    return this.db.transaction(() => {
      const s = this.row(id);
      const at = this.now();
      this.db.prepare('INSERT INTO statement_comments (statement_id, version, author, text, quote, suggestion, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, s.version, actor.name, input.text, input.quote, input.suggestion, at);
      this.audit.append(s.incident_id, id, 'comment', actor.name, at, { version: s.version, text: input.text, ...(input.suggestion !== null ? { quote: input.quote, suggestion: input.suggestion } : {}) });
      return this.get(id);
    })();
  }

  /** A print (or PDF) of a version, with whether it was an approved one, goes on the record. */
  recordPrint(id: string, version: number, actor: Actor): { approved: boolean; hash: string } {
    return this.db.transaction(() => {
      const s = this.row(id);
      const v = this.version(id, version);
      const approved = version === s.version && (s.state === 'approved' || s.state === 'published');
      this.audit.append(s.incident_id, id, 'print', actor.name, this.now(), { version, hash: v.hash, approved });
      return { approved, hash: v.hash };
    })();
  }

  list(incidentId: string): StatementSummary[] {
    const rows = this.db.prepare('SELECT * FROM statements WHERE incident_id = ? ORDER BY updated_at DESC').all(incidentId) as StatementRow[];
    const assignments = this.team.assignments(incidentId);
    return rows.map((r) => this.summary(r, assignments));
  }

  get(id: string): StatementDetail {
    const s = this.row(id);
    const assignments = this.team.assignments(s.incident_id);
    const versions = (this.db.prepare('SELECT * FROM statement_versions WHERE statement_id = ? ORDER BY version').all(id) as VersionRow[]).map(toVersion);
    const current = versions[versions.length - 1];
    const decisions = this.db.prepare('SELECT * FROM statement_decisions WHERE statement_id = ? ORDER BY id').all(id) as DecisionRow[];
    const comments = (this.db.prepare('SELECT * FROM statement_comments WHERE statement_id = ? ORDER BY id').all(id) as { id: number; version: number; author: string; text: string; quote: string; suggestion: string | null; created_at: number }[])
      .map((c): StatementComment => ({ id: c.id, version: c.version, author: c.author, text: c.text, quote: c.quote, suggestion: c.suggestion, createdAt: c.created_at }));
    const publications = (this.db.prepare('SELECT * FROM statement_publications WHERE statement_id = ? ORDER BY published_at').all(id) as { id: number; version: number; channel: string; location: string; published_at: number; by_person: string }[])
      .map((p): Publication => ({ id: p.id, version: p.version, channel: p.channel, location: p.location, publishedAt: p.published_at, by: p.by_person }));
    const steps = this.steps(s, assignments);
    return {
      ...this.summary(s, assignments, steps),
      current,
      versions,
      steps,
      voided: decisions.filter((d) => d.version < s.version && d.decision === 'approved').map((d) => ({ version: d.version, step: d.step, person: d.person, at: d.at })),
      comments,
      publications,
      coverage: this.keyMessages(s.incident_id).map((k) => ({ id: k.id, text: k.text, contained: carriesKeyMessage(`${current.title}\n${current.body}`, k.text) })),
      placeholders: openPlaceholders(s.kind, `${current.title}\n${current.body}`),
      createdBy: s.created_by,
      createdAt: s.created_at,
    };
  }

  /** In-review statements whose current step this person may decide. */
  waitingFor(incidentId: string, person: string): StatementSummary[] {
    const assignments = this.team.assignments(incidentId);
    return (this.db.prepare("SELECT * FROM statements WHERE incident_id = ? AND state = 'in_review' ORDER BY submitted_at").all(incidentId) as StatementRow[])
      .filter((r) => {
        const step = this.currentStep(r, assignments);
        return step !== null && [...step.holders, ...step.backups].some((h) => same(h, person));
      })
      .map((r) => this.summary(r, assignments));
  }

  keyMessages(incidentId: string): KeyMessage[] {
    return (this.db.prepare('SELECT id, text, created_by, created_at FROM key_messages WHERE incident_id = ? AND retired_at IS NULL ORDER BY id').all(incidentId) as { id: number; text: string; created_by: string; created_at: number }[])
      .map((k) => ({ id: k.id, text: k.text, createdBy: k.created_by, createdAt: k.created_at }));
  }

  addKeyMessage(incidentId: string, text: string, actor: Actor): KeyMessage[] {
    this.incident(incidentId);
    this.db.transaction(() => {
      const at = this.now();
      const r = this.db.prepare('INSERT INTO key_messages (incident_id, text, created_by, created_at) VALUES (?, ?, ?, ?)').run(incidentId, text, actor.name, at);
      this.audit.append(incidentId, null, 'key_message.add', actor.name, at, { id: Number(r.lastInsertRowid), text });
    })();
    return this.keyMessages(incidentId);
  }

  retireKeyMessage(id: number, actor: Actor): KeyMessage[] {
    const row = this.db.prepare('SELECT incident_id, text FROM key_messages WHERE id = ?').get(id) as { incident_id: string; text: string } | undefined;
    if (!row) throw notFound('keyMessage', id);
    this.db.transaction(() => {
      const at = this.now();
      this.db.prepare('UPDATE key_messages SET retired_at = ? WHERE id = ? AND retired_at IS NULL').run(at, id);
      this.audit.append(row.incident_id, null, 'key_message.retire', actor.name, at, { id, text: row.text });
    })();
    return this.keyMessages(row.incident_id);
  }

  incidentOf(id: string): string {
    return this.row(id).incident_id;
  }

  private summary(r: StatementRow, assignments: Assignment[], steps = r.state === 'in_review' ? this.steps(r, assignments) : []): StatementSummary {
    const v = this.version(r.id, r.version);
    const step = r.state === 'in_review' ? (steps.find((x) => x.waitingSince !== null) ?? null) : null;
    return {
      id: r.id, incidentId: r.incident_id, kind: r.kind, state: r.state, version: r.version, title: v.title, languages: v.languages, channels: v.channels,
      hash: v.hash, updatedAt: r.updated_at, waiting: step ? { step: step.step, roleId: step.roleId, holders: step.delegatedTo ? [step.delegatedTo] : step.holders, since: step.waitingSince! } : null,
    };
  }

  /** The chain's steps for the current version: who holds each, what was decided, and which one waits since when. */
  private steps(s: StatementRow, assignments = this.team.assignments(s.incident_id)): ApprovalStep[] {
    if (!s.chain) return [];
    const chain = JSON.parse(s.chain) as string[];
    const decisions = this.db.prepare('SELECT * FROM statement_decisions WHERE statement_id = ? AND version = ? ORDER BY id').all(s.id, s.version) as DecisionRow[];
    const delegations = this.db.prepare('SELECT step, person FROM statement_delegations WHERE statement_id = ? AND version = ? ORDER BY id').all(s.id, s.version) as { step: number; person: string }[];
    const live = assignments.filter((a) => a.endedAt === null);
    let since = s.submitted_at ?? 0;
    let waitingFound = false;
    return chain.map((roleId, i) => {
      const step = i + 1;
      const d = decisions.filter((x) => x.step === step).at(-1) ?? null;
      const holders = live.filter((a) => a.roleId === roleId && a.rank === 'primary').map((a) => a.personName);
      const backups = live.filter((a) => a.roleId === roleId && a.rank === 'backup').map((a) => a.personName);
      const waiting = !waitingFound && s.state === 'in_review' && (d === null || d.decision !== 'approved');
      if (waiting) waitingFound = true;
      const view: ApprovalStep = {
        step, roleId, holders, backups, delegatedTo: delegations.filter((x) => x.step === step).at(-1)?.person ?? null,
        decision: d ? { decision: d.decision, person: d.person, asBackup: d.as_backup === 1, reason: d.reason, at: d.at } : null,
        waitingSince: waiting ? since : null,
      };
      if (d?.decision === 'approved') since = d.at;
      return view;
    });
  }

  private currentStep(s: StatementRow, assignments?: Assignment[]): ApprovalStep | null {
    return this.steps(s, assignments).find((x) => x.waitingSince !== null) ?? null;
  }

  /** Refuses anyone who does not hold the step's role on this incident (primary, backup, or the delegate). */
  private authorise(step: ApprovalStep, actor: Actor): boolean {
    if (step.holders.some((h) => same(h, actor.name))) return false;
    if (step.backups.some((h) => same(h, actor.name)) || (step.delegatedTo !== null && same(step.delegatedTo, actor.name))) return true;
    const role = this.db.prepare('SELECT name FROM roles WHERE id = ?').pluck().get(step.roleId) as string | undefined;
    const who = [...step.holders, ...step.backups.map((b) => `${b} (${en.team.rank.backup})`)];
    const params = { step: step.step, roleId: step.roleId, role: role ?? step.roleId, who: who.join(', ') || en.errors.say.nobody, actor: actor.name };
    throw saidError('FORBIDDEN', 'approverOnly', params, { step: step.step, roleId: step.roleId, holders: step.holders, backups: step.backups });
  }

  private insertVersion(id: string, version: number, c: StatementContent, actor: Actor, at: number): string {
    const hash = contentHash(c);
    this.db.prepare('INSERT INTO statement_versions (statement_id, version, title, body, languages, channels, hash, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, version, c.title, c.body, JSON.stringify(c.languages), JSON.stringify(c.channels), hash, actor.name, at);
    return hash;
  }

  private row(id: string): StatementRow {
    const row = this.db.prepare('SELECT * FROM statements WHERE id = ?').get(id) as StatementRow | undefined;
    if (!row) throw notFound('statement', id);
    return row;
  }

  private version(id: string, version: number): StatementVersion {
    const row = this.db.prepare('SELECT * FROM statement_versions WHERE statement_id = ? AND version = ?').get(id, version) as VersionRow | undefined;
    if (!row) throw notFound('statementVersion', version);
    return toVersion(row);
  }
}
