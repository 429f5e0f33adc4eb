import type { Actor } from '../../shared/domain';
import type { Core } from '../core/app-core';
import type { CallContext, Handlers } from './handlers';
import { resolveSource } from './import-handlers';

type Prefix = 'sentiment' | 'analytics' | 'topics' | 'alerts' | 'timeline';
type AnalyticsMethods = Pick<Handlers, `${Prefix}.${string}` & keyof Handlers>;

/** Sentiment, dashboard, topics, alerts and the timeline: thin calls into the core. */
export function createAnalyticsHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): AnalyticsMethods {
  const { sentiment, dashboard, topics, alerts } = core;
  const changed = (incidentId: string) => core.events.publish({ type: 'alerts.changed', incidentId });
  return {
    'sentiment.status': () => sentiment.status(),
    'sentiment.correct': (q, ctx) => sentiment.correct(q.mentionIds, q.label, actorOf(ctx)),
    'sentiment.train': (q, ctx) => sentiment.train(q.lang, actorOf(ctx)),
    'sentiment.importLabels': async (q, ctx) => {
      const actor = actorOf(ctx);
      const source = resolveSource(core, q.source, ctx);
      try {
        return await sentiment.importLabels(source.file, source.name, q.lang, actor);
      } finally {
        if (source.uploadId) core.uploads.remove(source.uploadId);
      }
    },
    'analytics.dashboard': (q) => dashboard.dashboard(q.filter, q.tzOffsetMinutes),
    'analytics.shareOfVoice': (q) => dashboard.shareOfVoice(q.filter),
    'analytics.topAuthors': (q) => dashboard.topAuthors(q.filter),
    'analytics.topTerms': (q) => dashboard.topTerms(q.filter),
    'analytics.copies': (q) => dashboard.copies(q.filter),
    'topics.list': (q) => topics.list(q.incidentId),
    'topics.save': (q, ctx) => {
      core.incidents.get(q.incidentId);
      const topic = topics.save(q.incidentId, q.id, q.topic, actorOf(ctx).name);
      changed(q.incidentId);
      return topic;
    },
    'topics.remove': (q, ctx) => {
      actorOf(ctx);
      const { removed, incidentId } = topics.remove(q.id);
      if (incidentId) changed(incidentId);
      return { removed };
    },
    'alerts.list': (q) => alerts.list(q.incidentId),
    'alerts.acknowledge': (q, ctx) => alerts.acknowledge(q.id, actorOf(ctx)),
    'alerts.settings': (q) => alerts.settings(q.incidentId),
    'alerts.saveSettings': (q, ctx) => {
      core.incidents.get(q.incidentId);
      const saved = alerts.saveSettings(q.incidentId, q.settings, actorOf(ctx));
      changed(q.incidentId);
      return saved;
    },
    'alerts.evaluate': (q) => alerts.evaluate(core.incidents.get(q.incidentId).id),
    'timeline.list': (q) => core.timeline.list(q),
    'timeline.add': (q, ctx) => {
      const actor = actorOf(ctx);
      core.incidents.get(q.incidentId);
      const entry = core.timeline.add({
        incidentId: q.incidentId, kind: q.kind, text: q.text, occurredAt: q.occurredAt, author: actor.name, role: actor.role,
        tags: q.tags, keyEvent: q.keyEvent, ref: q.mentionIds?.length ? { mentionIds: q.mentionIds } : null,
      });
      core.events.publish({ type: 'timeline.changed', incidentId: q.incidentId });
      return entry;
    },
    'timeline.update': (q, ctx) => {
      const entry = core.timeline.update(q.id, q, actorOf(ctx));
      core.events.publish({ type: 'timeline.changed', incidentId: entry.incidentId });
      return entry;
    },
    'timeline.edits': (q) => core.timeline.edits(q.id),
    'timeline.facets': (q) => core.timeline.facets(q.incidentId),
    'timeline.updateTimer': (q) => core.timeline.updateTimer(core.incidents.get(q.incidentId)),
  };
}
