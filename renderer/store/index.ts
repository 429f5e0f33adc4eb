import { create } from 'zustand';
import { createAnalyticsSlice, type AnalyticsSlice } from './analytics-slice';
import { createAttentionSlice, type AttentionSlice } from './attention-slice';
import { createBackupSlice, type BackupSlice } from './backup-slice';
import { createEnquiriesSlice, type EnquiriesSlice } from './enquiries-slice';
import { createImportsSlice, type ImportsSlice } from './imports-slice';
import { createIncidentsSlice, type IncidentsSlice } from './incidents-slice';
import { createMentionsSlice, type MentionsSlice } from './mentions-slice';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createPlanSlice, type PlanSlice } from './plan-slice';
import { createReviewSlice, type ReviewSlice } from './review-slice';
import { createRouteSlice, type RouteSlice } from './route-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createStakeholdersSlice, type StakeholdersSlice } from './stakeholders-slice';
import { createClaimsSlice, type ClaimsSlice } from './claims-slice';
import { createChannelsSlice, type ChannelsSlice } from './channels-slice';
import { createStatementsSlice, type StatementsSlice } from './statements-slice';
import { createTeamSlice, type TeamSlice } from './team-slice';
import { createTriageSlice, type TriageSlice } from './triage-slice';

export type StoreState = SessionSlice & RouteSlice & NoticeSlice & IncidentsSlice & ImportsSlice & MentionsSlice & AnalyticsSlice & TeamSlice & TriageSlice & PlanSlice & StatementsSlice & ReviewSlice & BackupSlice & EnquiriesSlice & StakeholdersSlice & ClaimsSlice & ChannelsSlice & AttentionSlice;

/** One store built from feature slices; components select narrowly. */
export const useStore = create<StoreState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createRouteSlice(...a),
  ...createNoticeSlice(...a),
  ...createIncidentsSlice(...a),
  ...createImportsSlice(...a),
  ...createMentionsSlice(...a),
  ...createAnalyticsSlice(...a),
  ...createTeamSlice(...a),
  ...createTriageSlice(...a),
  ...createPlanSlice(...a),
  ...createStatementsSlice(...a),
  ...createReviewSlice(...a),
  ...createBackupSlice(...a),
  ...createEnquiriesSlice(...a),
  ...createStakeholdersSlice(...a),
  ...createClaimsSlice(...a),
  ...createChannelsSlice(...a),
  ...createAttentionSlice(...a),
}));
