import { z } from 'zod';
import { CLAIM_STATUSES, CLAIM_VERDICTS, type Claim, type ClaimCounts, type ClaimEvent, type MentionClaim } from '../claims';

const id = z.string().min(1).max(64);
const claimId = z.number().int().positive();
const time = z.number().int().min(0);

const fields = {
  claim: z.string().trim().min(1).max(1000),
  /** Any of these finds it; empty: it is tracked by hand, with no count. */
  terms: z.array(z.string().trim().min(1).max(200)).max(30),
  verdict: z.enum(CLAIM_VERDICTS),
  facts: z.string().trim().max(10_000),
  source: z.string().trim().max(2000),
  ownerPersonId: id.nullable(),
};

export const claimSchemas = {
  'claims.list': z.strictObject({ incidentId: id }),
  'claims.add': z.strictObject({
    incidentId: id,
    claim: z.strictObject({
      ...fields,
      terms: fields.terms.default([]),
      verdict: fields.verdict.default('unverified'),
      facts: fields.facts.default(''),
      source: fields.source.default(''),
      ownerPersonId: fields.ownerPersonId.default(null),
    }),
  }),
  'claims.update': z.strictObject({
    id: claimId,
    patch: z.strictObject({
      claim: fields.claim.optional(),
      terms: fields.terms.optional(),
      verdict: fields.verdict.optional(),
      facts: fields.facts.optional(),
      source: fields.source.optional(),
      ownerPersonId: fields.ownerPersonId.optional(),
      status: z.enum(CLAIM_STATUSES).optional(),
      /** The answer given (or why it is not answered). */
      answer: z.string().trim().max(20_000).optional(),
      /** When it was answered, if earlier than now; read with the status answered only. */
      answeredAt: time.optional(),
      /** An approved (or published) public statement of the incident the answer was taken from; null: own words. */
      statementId: id.nullable().optional(),
      /** The version of that statement read: a statement changed since is refused. */
      statementVersion: z.number().int().positive().optional(),
    }),
  }),
  'claims.history': z.strictObject({ id: claimId }),
  'claims.counts': z.strictObject({ incidentId: id }),
  'claims.forMention': z.strictObject({ mentionId: z.number().int().positive() }),
};

type In<K extends keyof typeof claimSchemas> = z.input<(typeof claimSchemas)[K]>;

export type ClaimsApi = {
  /** The incident's claims with their spread: those to answer first (spreading ones first), then the others, latest closed first. */
  'claims.list': (q: In<'claims.list'>) => Claim[];
  /** Logging one writes it on the timeline with its verdict. */
  'claims.add': (q: In<'claims.add'>) => Claim;
  /** Each changed field is kept in the history; answering one (or deciding not to) needs the words (or why not) and goes on the timeline. */
  'claims.update': (q: In<'claims.update'>) => Claim;
  'claims.history': (q: In<'claims.history'>) => ClaimEvent[];
  'claims.counts': (q: In<'claims.counts'>) => ClaimCounts;
  /** The claims of its incident a mention carries (by their words), for whoever answers it. */
  'claims.forMention': (q: In<'claims.forMention'>) => MentionClaim[];
};
