import type { ParsedArgOf } from '../../shared/api';
import type { Actor } from '../../shared/domain';
import { FirebreakError } from '../../shared/errors';
import type { Core } from '../core/app-core';
import { JSON_PRESETS } from '../core/import/presets/json';
import { GENERIC, TABULAR_PRESETS } from '../core/import/presets/tabular';
import type { CallContext, Handlers } from './handlers';

type ImportMethods = Pick<Handlers, `import.${string}` & keyof Handlers> & Pick<Handlers, `quarantine.${string}` & keyof Handlers>;

/**
 * A path names a file on the machine running the back end: fine for the desktop app and the CLI, but over the
 * room server it would let any browser read that machine's files, so there the file must be uploaded.
 */
export function resolveSource(core: Core, source: ParsedArgOf<'import.start'>['source'], ctx: CallContext): { file: string; name?: string; uploadId?: string } {
  if ('uploadId' in source) {
    const upload = core.uploads.resolve(source.uploadId);
    return { file: upload.file, name: upload.name, uploadId: source.uploadId };
  }
  if (ctx.mode === 'room') throw new FirebreakError('FORBIDDEN', 'The room server imports uploaded files only; upload the file instead of naming a path.');
  return { file: source.path };
}

function presetList(core: Core) {
  return {
    builtIn: [
      ...TABULAR_PRESETS.map((p) => ({ id: p.id, label: p.label, kind: 'tabular' as const })),
      ...JSON_PRESETS.map((p) => ({ id: p.id, label: p.label, kind: 'json' as const })),
      { id: GENERIC.id, label: GENERIC.label, kind: 'tabular' as const },
    ],
    saved: core.imports.presets().map(({ name, basePreset, createdBy, createdAt }) => ({ name, basePreset, createdBy, createdAt })),
  };
}

export function createImportHandlers(core: Core, actorOf: (ctx: CallContext) => Actor): ImportMethods {
  const { imports } = core;
  return {
    'import.preview': async (q, ctx) => {
      const source = resolveSource(core, q.source, ctx);
      return imports.preview(source.file, q.options, source.name);
    },
    'import.start': async (q, ctx) => {
      core.archives.refuseWhileRestoring(); // it would fail at its first write, half-way through the file's reading
      const source = resolveSource(core, q.source, ctx);
      const started = await imports.start({ file: source.file, displayName: source.name, incidentId: q.incidentId, options: q.options, actor: actorOf(ctx) });
      // An uploaded copy has served its purpose once imported (the batch keeps its name, size and hash).
      if (source.uploadId) void started.done.finally(() => core.uploads.remove(source.uploadId!)).catch(() => undefined);
      else void started.done.catch(() => undefined);
      return { job: started.job, batchId: started.batchId };
    },
    'import.cancel': (q) => ({ cancelled: imports.cancel(q.jobId) }),
    'import.jobs': (q) => imports.activeJobs(q.incidentId),
    'import.batches': (q) => imports.batches(q.incidentId),
    'import.undo': (q, ctx) => imports.undo(q.batchId, actorOf(ctx)),
    'import.presets': () => presetList(core),
    'import.savePreset': (q, ctx) => {
      imports.savePreset(q, actorOf(ctx));
      return presetList(core);
    },
    'quarantine.list': (q) => imports.listQuarantine(q),
    'quarantine.retry': (q, ctx) => imports.retryQuarantined(q.id, q.record, actorOf(ctx)),
    'quarantine.dismiss': (q, ctx) => imports.dismissQuarantined(q.id, actorOf(ctx)),
    'quarantine.export': (q) => ({ fileName: `quarantine-${q.incidentId.slice(0, 8)}.csv`, csv: imports.exportQuarantine(q.incidentId, q.batchId) }),
  };
}
