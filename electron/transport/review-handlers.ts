import type { Actor } from '../../shared/domain';
import { FirebreakError } from '../../shared/errors';
import type { Core } from '../core/app-core';
import { ArchiveService } from '../core/archive/archive-service';
import { safeFileName } from '../core/file-name';
import { renderReportHtml } from '../core/review/report-html';
import type { CallContext, Handlers } from './handlers';
import { resolveSource } from './import-handlers';

type ReviewMethods = Pick<Handlers, (`review.${string}` | `archive.${string}`) & keyof Handlers>;

/** After-action reviews, past crises and archives: thin calls into the core. */
export function createReviewHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): ReviewMethods {
  const { reports, archives } = core;
  return {
    'review.get': (q) => reports.get(q.incidentId),
    'review.save': (q, ctx) => reports.saveReview(q.incidentId, q.review, actorOf(ctx)),
    'review.addActionItem': (q, ctx) => reports.addActionItem(q.incidentId, q.task, actorOf(ctx)),
    'review.render': (q) => {
      const report = reports.get(q.incidentId);
      const base = `${safeFileName(report.incident.title)} - review`;
      if (q.format === 'json') return { fileName: `${base}.json`, content: JSON.stringify(report, null, 2), type: 'application/json' };
      try {
        return { fileName: `${base}.html`, content: renderReportHtml(report, { lang: q.lang, timeZone: q.timeZone }), type: 'text/html;charset=utf-8' };
      } catch (err) {
        if (err instanceof RangeError) throw new FirebreakError('BAD_REQUEST', `Unknown time zone "${q.timeZone}".`);
        throw err;
      }
    },
    'review.pastCrises': (q) => reports.pastCrises(q),
    'review.compare': (q) => reports.compare(q.incidentIds),
    'review.lessons': (q) => reports.reviews.lessonsFor(q.playbookId),
    'archive.export': async (q) => {
      const incident = core.incidents.get(q.incidentId);
      const fileName = ArchiveService.fileName(incident);
      const slot = core.downloads.create(fileName);
      const written = await archives.export(incident.id, slot.file);
      return { downloadId: slot.id, fileName, bytes: written.bytes };
    },
    'archive.import': async (q, ctx) => {
      actorOf(ctx);
      const source = resolveSource(core, q.source, ctx);
      const incident = await archives.import(source.file, q.onConflict, source.name);
      if (source.uploadId) core.uploads.remove(source.uploadId);
      return incident;
    },
    'archive.restoring': () => archives.restoringNow(),
  };
}
