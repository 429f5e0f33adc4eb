import type { ParsedArgOf } from '../../shared/api';
import type { BackupStatus } from '../../shared/api/backup';
import type { Core } from '../core/app-core';
import { DEFAULT_BACKUP_SETTINGS } from '../core/backup/backup-settings';
import { saidError } from '../core/said-error';
import type { CallContext, Handlers } from './handlers';
import { resolveSource } from './import-handlers';

type BackupMethods = Pick<Handlers, `backup.${string}` & keyof Handlers>;

/** What another laptop is told: backups are the host's business (its folders, its disk). */
const NOT_HERE: BackupStatus = {
  canBackUp: false, settings: DEFAULT_BACKUP_SETTINGS, folder: '', passphraseSet: false, running: false, lastAt: null, failure: null, changed: false, nextAt: null, files: [],
};

/**
 * Backups of the room's database: only this laptop's own callers (the desktop window, `firebreak serve`'s own
 * browser, the command line) see them, change them or restore from them; they name folders of this laptop.
 */
export function createBackupHandlers(core: Core): BackupMethods {
  const { backups } = core;
  const isHost = (ctx: CallContext) => ctx.local === true || ctx.mode === 'cli';
  const hostOnly = (ctx: CallContext) => {
    if (!isHost(ctx)) throw saidError('FORBIDDEN', 'backupHostOnly', {});
  };
  const fileOf = (source: ParsedArgOf<'backup.contents'>['source'], ctx: CallContext) =>
    'backup' in source ? { file: backups.fileOf(source.backup), name: source.backup } : resolveSource(core, source, ctx);
  return {
    'backup.status': (_q, ctx) => (isHost(ctx) ? backups.status() : NOT_HERE),
    'backup.configure': (q, ctx) => {
      hostOnly(ctx);
      return backups.configure(q);
    },
    'backup.now': (_q, ctx) => {
      hostOnly(ctx);
      return backups.backUpNow();
    },
    'backup.contents': (q, ctx) => {
      hostOnly(ctx);
      const source = fileOf(q.source, ctx);
      return backups.contents(source.file, source.name ?? source.file, q.passphrase);
    },
    'backup.restore': async (q, ctx) => {
      hostOnly(ctx);
      const source = fileOf(q.source, ctx);
      const incident = await backups.restore(source.file, source.name ?? source.file, q.incidentId, q.onConflict, q.passphrase);
      if ('uploadId' in source && source.uploadId) core.uploads.remove(source.uploadId);
      return incident;
    },
  };
}
