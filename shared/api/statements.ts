import { z } from 'zod';
import { CRISIS_LEVELS, CRISIS_TYPES } from '../domain';
import {
  DECISIONS, STATEMENT_KINDS, type ApprovalChains, type AuditEntry, type AuditVerification, type KeyMessage, type StatementDetail, type StatementSummary,
  type StatementTemplate,
} from '../statements';

const id = z.string().min(1).max(64);
const lang = z.string().trim().min(2).max(20);

const contentSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  body: z.string().max(100_000),
  languages: z.array(lang).max(10).default([]),
  channels: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});

export const statementSchemas = {
  'statements.list': z.strictObject({ incidentId: id }),
  'statements.get': z.strictObject({ id }),
  'statements.create': z.strictObject({ incidentId: id, kind: z.enum(STATEMENT_KINDS), content: contentSchema }),
  'statements.fromTemplate': z.strictObject({ incidentId: id, templateId: id }),
  /** `baseVersion`: the version the writer started from; refused (CONFLICT) if another was saved since. */
  'statements.edit': z.strictObject({ id, content: contentSchema, baseVersion: z.number().int().positive().optional() }),
  'statements.submit': z.strictObject({ id }),
  /** `version`: the version the approver read; a decision on older text is refused. */
  'statements.decide': z.strictObject({ id, version: z.number().int().positive(), decision: z.enum(DECISIONS), reason: z.string().max(2000).nullable().default(null) }),
  'statements.delegate': z.strictObject({ id, person: z.string().trim().min(1).max(200), reason: z.string().trim().min(1).max(2000) }),
  'statements.remind': z.strictObject({ id }),
  'statements.publish': z.strictObject({ id, channel: z.string().trim().min(1).max(50), location: z.string().trim().max(2000).default(''), publishedAt: z.number().int().nullable().default(null) }),
  'statements.withdraw': z.strictObject({ id, reason: z.string().trim().min(1).max(2000) }),
  'statements.comment': z.strictObject({ id, text: z.string().trim().min(1).max(5000), quote: z.string().max(5000).default(''), suggestion: z.string().max(5000).nullable().default(null) }),
  'statements.recordPrint': z.strictObject({ id, version: z.number().int().positive() }),
  'statements.waitingForMe': z.strictObject({ incidentId: id }),
  'statements.keyMessages': z.strictObject({ incidentId: id }),
  'statements.addKeyMessage': z.strictObject({ incidentId: id, text: z.string().trim().min(1).max(1000) }),
  'statements.retireKeyMessage': z.strictObject({ id: z.number().int().positive() }),
  'statements.templates': z.strictObject({}),
  'statements.saveTemplate': z.strictObject({
    id: id.optional(),
    template: z.strictObject({ kind: z.enum(STATEMENT_KINDS), crisisType: z.enum(CRISIS_TYPES).nullable().default(null), lang, title: z.string().trim().min(1).max(300), body: z.string().max(100_000) }),
  }),
  'statements.chains': z.strictObject({}),
  'statements.setChain': z.strictObject({ level: z.union([z.literal(0), ...CRISIS_LEVELS.map((l) => z.literal(l))]), roles: z.array(id).min(1).max(10) }),
  'audit.list': z.strictObject({ incidentId: id, statementId: id.optional() }),
  'audit.verify': z.strictObject({ incidentId: id }),
};

type In<K extends keyof typeof statementSchemas> = z.input<(typeof statementSchemas)[K]>;

export type StatementsApi = {
  'statements.list': (q: In<'statements.list'>) => StatementSummary[];
  'statements.get': (q: In<'statements.get'>) => StatementDetail;
  'statements.create': (q: In<'statements.create'>) => StatementDetail;
  /** A draft from a template, with brand, date, spokesperson, contact and next update filled in from the incident. */
  'statements.fromTemplate': (q: In<'statements.fromTemplate'>) => StatementDetail;
  /** Saves a new version; in review or approved, the statement returns to draft (earlier approvals no longer count). */
  'statements.edit': (q: In<'statements.edit'>) => StatementDetail;
  /** Fixes the approval chain of the incident's level; refused while `{placeholders}` remain. */
  'statements.submit': (q: In<'statements.submit'>) => StatementDetail;
  /** Only a holder of the current step's role on the roster (primary, backup, delegate) may decide (else FORBIDDEN). */
  'statements.decide': (q: In<'statements.decide'>) => StatementDetail;
  'statements.delegate': (q: In<'statements.delegate'>) => StatementDetail;
  'statements.remind': (q: In<'statements.remind'>) => StatementDetail;
  /** Approved versions only; logs a public update on the timeline (the update timer restarts). */
  'statements.publish': (q: In<'statements.publish'>) => StatementDetail;
  'statements.withdraw': (q: In<'statements.withdraw'>) => StatementDetail;
  'statements.comment': (q: In<'statements.comment'>) => StatementDetail;
  /** Records a print or PDF in the audit log; tells whether the printed version is the approved one. */
  'statements.recordPrint': (q: In<'statements.recordPrint'>) => { approved: boolean; hash: string };
  /** Statements in review whose current step the caller may decide. */
  'statements.waitingForMe': (q: In<'statements.waitingForMe'>) => StatementSummary[];
  'statements.keyMessages': (q: In<'statements.keyMessages'>) => KeyMessage[];
  'statements.addKeyMessage': (q: In<'statements.addKeyMessage'>) => KeyMessage[];
  'statements.retireKeyMessage': (q: In<'statements.retireKeyMessage'>) => KeyMessage[];
  'statements.templates': (q: In<'statements.templates'>) => StatementTemplate[];
  'statements.saveTemplate': (q: In<'statements.saveTemplate'>) => StatementTemplate;
  'statements.chains': (q: In<'statements.chains'>) => ApprovalChains;
  'statements.setChain': (q: In<'statements.setChain'>) => ApprovalChains;
  'audit.list': (q: In<'audit.list'>) => AuditEntry[];
  /** Re-computes the incident's hash chain; reports the first entry that does not hold. */
  'audit.verify': (q: In<'audit.verify'>) => AuditVerification;
};
