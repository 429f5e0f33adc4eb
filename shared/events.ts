import type { ImportJob, ImportSummary } from './mentions';
import type { SentimentJob } from './sentiment';

/** Push events from the back end; both the Electron window (IPC) and HTTP clients (SSE) receive them. */
export type FirebreakEvent =
  | { type: 'incident.changed'; incidentId: string }
  | { type: 'incident.created'; incidentId: string }
  | { type: 'import.progress'; incidentId: string; job: ImportJob }
  /** `finishedAt`: when the batch ended, as the importer dates it (a replayed import by its own clock). */
  | { type: 'import.finished'; incidentId: string; jobId: string; summary: ImportSummary; finishedAt: number }
  | { type: 'mentions.changed'; incidentId: string }
  /** How far a mention export asked for with this `progressId` is written (`mentions.export`). */
  | { type: 'export.progress'; progressId: string; done: number; total: number }
  | { type: 'sentiment.progress'; job: SentimentJob }
  | { type: 'sentiment.models' }
  | { type: 'alerts.changed'; incidentId: string }
  | { type: 'timeline.changed'; incidentId: string }
  | { type: 'team.changed'; incidentId: string | null }
  | { type: 'triage.changed'; incidentId: string }
  | { type: 'plan.changed'; incidentId: string | null }
  | { type: 'statements.changed'; incidentId: string | null }
  | { type: 'review.changed'; incidentId: string }
  | { type: 'enquiries.changed'; incidentId: string }
  | { type: 'stakeholders.changed'; incidentId: string }
  | { type: 'claims.changed'; incidentId: string }
  | { type: 'channels.changed'; incidentId: string }
  /** A backup started or ended, or its settings changed (shared/api/backup.ts). */
  | { type: 'backup.changed' }
  /**
   * The host laptop began (title), went on with (`share` of the rows written; null while the search index and counts
   * are rebuilt) or ended (null) writing a restored incident: meanwhile the room's writes wait.
   */
  | { type: 'restore.changed'; restoring: Restoring | null };

export type Restoring = { title: string; share: number | null };

export type EventType = FirebreakEvent['type'];
