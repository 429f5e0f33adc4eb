import type { StateCreator } from 'zustand';
import type { Alert, AlertSettings, Copies, Dashboard, ShareOfVoice, TimelineEntry, Topic, TopAuthors, TopTerms } from '../../shared/analytics';
import type { ArgOf } from '../../shared/api';
import type { SitrepTimer } from '../../shared/sitrep';
import type { UpdateTimer } from '../../shared/update-timer';
import type { SentimentLabelName, SentimentStatus, TrainingOutcome } from '../../shared/sentiment';
import { call, type ImportSource } from '../api/client';
import type { ExplorerFilter } from './mentions-slice';
import type { StoreState } from './index';
import { applyNewest } from './newest';

export type TimelineFilter = Omit<ArgOf<'timeline.list'>, 'incidentId' | 'lang'>;

export type DashboardData = { dashboard: Dashboard; shareOfVoice: ShareOfVoice; topAuthors: TopAuthors; topTerms: TopTerms; copies: Copies };

/** The dashboard (same filter as the explorer), alerts, topics, the timeline and the sentiment engine's state. */
export type AnalyticsSlice = {
  dashboardData: DashboardData | null;
  alerts: Alert[];
  topics: Topic[];
  timeline: TimelineEntry[];
  timelineFilter: TimelineFilter;
  timelineIncident: string | null;
  /** The deadlines the header counts down to: the next public update, and the next situation report if scheduled. */
  updateTimer: UpdateTimer | null;
  sitrepTimer: SitrepTimer | null;
  loadTimers(incidentId: string): Promise<void>;
  timelineFacets: { authors: string[]; tags: string[] };
  sentimentStatus: SentimentStatus | null;
  loadDashboard(incidentId: string): Promise<void>;
  loadAlerts(incidentId: string): Promise<void>;
  acknowledgeAlert(id: number): Promise<void>;
  saveAlertSettings(incidentId: string, settings: AlertSettings): Promise<void>;
  saveTopic(incidentId: string, topic: Omit<Topic, 'id' | 'incidentId'>, id?: number): Promise<void>;
  removeTopic(incidentId: string, id: number): Promise<void>;
  loadTimeline(incidentId: string): Promise<void>;
  setTimelineFilter(filter: TimelineFilter): void;
  addTimelineEntry(entry: ArgOf<'timeline.add'>): Promise<void>;
  updateTimelineEntry(id: number, patch: Omit<ArgOf<'timeline.update'>, 'id'>): Promise<void>;
  loadSentimentStatus(): Promise<void>;
  trainSentiment(lang?: string): Promise<TrainingOutcome[]>;
  importLabels(source: ImportSource): Promise<{ rows: number }>;
  correctSentiment(mentionIds: number[], label: SentimentLabelName): Promise<void>;
  /** From a chart or an alert to the mentions behind it: the explorer with exactly that filter. */
  showMentions(incidentId: string, filter: ExplorerFilter): Promise<void>;
};

export const createAnalyticsSlice: StateCreator<StoreState, [], [], AnalyticsSlice> = (set, get) => ({
  dashboardData: null,
  alerts: [],
  topics: [],
  timeline: [],
  timelineFilter: {},
  timelineIncident: null,
  updateTimer: null,
  sitrepTimer: null,
  loadTimers: async (incidentId) => {
    const [updateTimer, sitrepTimer] = await Promise.all([call('timeline.updateTimer', { incidentId }), call('sitrep.timer', { incidentId })]);
    set({ updateTimer, sitrepTimer });
  },
  timelineFacets: { authors: [], tags: [] },
  sentimentStatus: null,
  loadDashboard: async (incidentId) => {
    if (get().explorerIncident !== incidentId) set({ explorerIncident: incidentId, filter: {}, selectedMention: null });
    const q = { filter: { ...get().filter, incidentId }, tzOffsetMinutes: -new Date().getTimezoneOffset() };
    const [dashboard, shareOfVoice, topAuthors, topTerms, copies, topics, facets] = await Promise.all([
      call('analytics.dashboard', q),
      call('analytics.shareOfVoice', q),
      call('analytics.topAuthors', q),
      call('analytics.topTerms', q),
      call('analytics.copies', q),
      call('topics.list', { incidentId }),
      call('mentions.facets', { incidentId }),
    ]);
    set({ dashboardData: { dashboard, shareOfVoice, topAuthors, topTerms, copies }, topics, facets });
  },
  loadAlerts: async (incidentId) => {
    await applyNewest('alerts', call('alerts.list', { incidentId }), (alerts) => set({ alerts }));
  },
  acknowledgeAlert: async (id) => {
    const alert = await call('alerts.acknowledge', { id });
    set({ alerts: get().alerts.map((a) => (a.id === id ? alert : a)) });
  },
  saveAlertSettings: async (incidentId, settings) => {
    await call('alerts.saveSettings', { incidentId, settings });
    await call('alerts.evaluate', { incidentId });
    await get().loadAlerts(incidentId);
  },
  saveTopic: async (incidentId, topic, id) => {
    await call('topics.save', { incidentId, topic, ...(id ? { id } : {}) });
    await get().loadDashboard(incidentId);
  },
  removeTopic: async (incidentId, id) => {
    await call('topics.remove', { id });
    await get().loadDashboard(incidentId);
  },
  loadTimeline: async (incidentId) => {
    // Filters belong to the incident they were set on.
    if (get().timelineIncident !== incidentId) set({ timelineIncident: incidentId, timelineFilter: {} });
    const [timeline, timelineFacets] = await Promise.all([
      call('timeline.list', { ...get().timelineFilter, incidentId, lang: get().language }),
      call('timeline.facets', { incidentId }),
      get().loadTimers(incidentId), // a public update or a report sent is on the timeline
    ]);
    set({ timeline, timelineFacets });
  },
  setTimelineFilter: (timelineFilter) => set({ timelineFilter }),
  addTimelineEntry: async (entry) => {
    await call('timeline.add', entry);
    await get().loadTimeline(entry.incidentId);
  },
  updateTimelineEntry: async (id, patch) => {
    const entry = await call('timeline.update', { id, ...patch });
    await get().loadTimeline(entry.incidentId);
  },
  loadSentimentStatus: async () => set({ sentimentStatus: await call('sentiment.status', {}) }),
  trainSentiment: async (lang) => {
    const outcomes = await call('sentiment.train', lang ? { lang } : {});
    await get().loadSentimentStatus();
    return outcomes;
  },
  importLabels: async (source) => {
    const result = await call('sentiment.importLabels', { source });
    await get().loadSentimentStatus();
    return result;
  },
  correctSentiment: async (mentionIds, label) => {
    await call('sentiment.correct', { mentionIds, label });
    const selected = get().selectedMention;
    if (selected && mentionIds.includes(selected.id)) await get().selectMention(selected.id);
  },
  showMentions: async (incidentId, filter) => {
    set({ explorerIncident: incidentId, filter, selectedMention: null });
    get().navigate({ name: 'incident', id: incidentId, tab: 'mentions' });
    await get().refreshExplorer();
  },
});
