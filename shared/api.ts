import type { z } from 'zod';
import { analyticsSchemas, type AnalyticsApi } from './api/analytics';
import { attentionSchemas, type AttentionApi } from './api/attention';
import { backupSchemas, type BackupApi } from './api/backup';
import { enquirySchemas, type EnquiriesApi } from './api/enquiries';
import { importSchemas, type ImportsApi } from './api/imports';
import { incidentSchemas, type IncidentsApi } from './api/incidents';
import { mentionSchemas, type MentionsApi } from './api/mentions';
import { planSchemas, type PlanApi } from './api/plan';
import { reviewSchemas, type ReviewApi } from './api/review';
import { sentimentSchemas, type SentimentApi } from './api/sentiment';
import { sitrepSchemas, type SitrepApi } from './api/sitrep';
import { stakeholderSchemas, type StakeholdersApi } from './api/stakeholders';
import { claimSchemas, type ClaimsApi } from './api/claims';
import { channelSchemas, type ChannelsApi } from './api/channels';
import { impostorSchemas, type ImpostorsApi } from './api/impostors';
import { statementSchemas, type StatementsApi } from './api/statements';
import { systemSchemas, type SystemApi } from './api/system';
import { teamSchemas, type TeamApi } from './api/team';
import { triageSchemas, type TriageApi } from './api/triage';

/** Every method the back end offers, one argument object each; both transports serve exactly this map. */
export type Api = IncidentsApi & SystemApi & ImportsApi & MentionsApi & SentimentApi & AnalyticsApi & TeamApi & TriageApi & PlanApi & StatementsApi & ReviewApi & BackupApi & SitrepApi & EnquiriesApi & StakeholdersApi & ClaimsApi & ChannelsApi & ImpostorsApi & AttentionApi;
export type Method = keyof Api;
export type ArgOf<M extends Method> = Parameters<Api[M]>[0];
export type ReturnOf<M extends Method> = ReturnType<Api[M]>;

/** Argument schemas, checked at the dispatcher: the HTTP side is open to other processes. */
export const apiSchemas = { ...incidentSchemas, ...systemSchemas, ...importSchemas, ...mentionSchemas, ...sentimentSchemas, ...analyticsSchemas, ...teamSchemas, ...triageSchemas, ...planSchemas, ...statementSchemas, ...reviewSchemas, ...backupSchemas, ...sitrepSchemas, ...enquirySchemas, ...stakeholderSchemas, ...claimSchemas, ...channelSchemas, ...impostorSchemas, ...attentionSchemas };

/** What a handler receives: the argument after validation and defaults. */
export type ParsedArgOf<M extends Method> = z.output<(typeof apiSchemas)[M]>;

// The method map and the schema map must name the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasCoverApi: Same<keyof typeof apiSchemas, Method> = true;

export const METHODS = Object.keys(apiSchemas) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}
