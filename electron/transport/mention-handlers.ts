import fs from 'node:fs';
import type { Core } from '../core/app-core';
import { exportFileName } from '../core/mentions/mention-export';
import type { Handlers } from './handlers';

type MentionMethods = Pick<Handlers, `mentions.${string}` & keyof Handlers>;

/** Tells the asker how far its export is, a few times a second (each step is 1,000 mentions, some tens of ms). */
function exportProgress(core: Core, progressId: string, total: number): (done: number) => void {
  let said = 0;
  return (done) => {
    const now = Date.now();
    if (now - said < 250 && done < total) return;
    said = now;
    core.events.publish({ type: 'export.progress', progressId, done, total });
  };
}

/** The explorer's reads, and its export written as a file to fetch once from `api/download/<id>`. */
export function createMentionHandlers(core: Core): MentionMethods {
  return {
    'mentions.search': (q) => core.mentions.search(q.filter, q),
    'mentions.facets': (q) => core.mentions.facets(q.incidentId),
    'mentions.authors': (q) => core.mentions.authors(q.incidentId, q.typed, q.limit),
    'mentions.get': (q) => core.mentions.get(q.id),
    'mentions.copies': (q) => core.mentions.copies(q.id),
    'mentions.export': async (q) => {
      const fileName = exportFileName(core.incidents.get(q.filter.incidentId).title, q.filter, q.format, q.ids?.length);
      const chosen = core.mentions.export(q.filter, q);
      const slot = core.downloads.create(fileName);
      try {
        const { rows } = await chosen.writeTo(fs.createWriteStream(slot.file), true, q.progressId ? exportProgress(core, q.progressId, chosen.total) : undefined);
        return { downloadId: slot.id, fileName, rows };
      } catch (err) {
        core.downloads.remove(slot.id);
        throw err;
      }
    },
  };
}
