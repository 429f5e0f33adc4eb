import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Method } from '../../shared/api';
import type { BackupContents, BackupStatus } from '../../shared/api/backup';
import { importOptionsSchema } from '../../shared/api/imports';
import { mentionSchemas } from '../../shared/api/mentions';
import type { Actor, Incident } from '../../shared/domain';
import type { ImportOptions } from '../../shared/mentions';
import { FirebreakError } from '../../shared/errors';
import { createCore, type Core } from '../core/app-core';
import { restoreWholeBackup } from '../core/backup/backup-restore';
import { htmlToPdf } from '../core/review/report-pdf';
import { defaultDataDir } from '../core/data-dir';
import { needsUpdate } from '../core/db/needs-update';
import { MESSAGES } from '../../shared/locales';
import { appVersion } from '../core/version';
import { createDispatcher, parseOrThrow, type Dispatch } from '../transport/dispatch';
import { startRoomServer } from '../transport/http-server';
import { RoomGate, isLoopback, lanAddresses, loadRoomKey } from '../transport/room-gate';
import { RoomSharing, roomListener } from '../transport/room-sharing';
import { renderUnicodeCompact } from 'uqr';
import { showRoomCode } from '../../shared/room';
import { UsageError, intOption, parse, type Options } from './args';

const USAGE = `Usage: firebreak <command> [options]

Commands:
  serve [--port N] [--host H] [--heartbeat SECONDS] [--new-room-code]
                                         start the room server (the app in a browser); default 127.0.0.1:4870;
                                         --host 0.0.0.0 opens it to the other laptops, which join with the room
                                         code it prints (kept in the data directory; --new-room-code replaces it);
                                         laptops hear from it every 15 s and say the room is lost after 2.5 beats
  demo [--json]                          create the demo crisis (or show the existing one)
  incident create --title T [--organisation O] [--level 1-4] [--status monitoring|active] [--json]
  incident list [--status S] [--search TEXT] [--archived] [--json]
  import FILE... --incident ID [--preset NAME] [--encoding NAME] [--delimiter C] [--timezone TZ]
                 [--day-first|--month-first] [--json]   import mention exports (one JSON summary per file)
  sentiment [--lang CODE] --json         JSON Lines {"text": ...} on stdin -> {"label","score","lang"} per line,
                                         with the models learned in the data directory
  report ID --format json|html|pdf --out FILE [--lang en|ru|uk|fa|el] [--timezone TZ]
                                         the after-action report (PDF printed by Chromium: $FIREBREAK_CHROMIUM
                                         or an installed Chromium/Chrome)
  export ID --out FILE                   the whole incident as a .firebreak archive
  mentions ID [--search TEXT] [--author TEXT] [--platform P]... [--lang L]... [--sentiment S]...
              [--from DATE] [--to DATE] [--batch ID] [--has-url] [--copies-of MENTION_ID]
              [--sort time|reach|engagement] [--oldest-first] [--format csv|xlsx|jsonl] [--timezone TZ] [--out FILE]
                                         the incident's mentions that match, as CSV or an Excel workbook (each time
                                         in UTC and in TZ, default this laptop's) or JSON Lines; to FILE, else to
                                         the output (a workbook needs --out)
  quarantine ID [--batch BATCH_ID] [--out FILE]
                                         the rows its imports could not read (file, row, reason, status, content) as
                                         CSV; to FILE, else to the output
  import-archive FILE [--replace|--keep-both]
                                         restore an archive; an incident already here needs one of the two
  backup [--json]                        back up the whole database now, into the backup folder set in the app
                                         (default: backups/ in the data directory)
  restore-backup FILE [--incident ID [--replace|--keep-both]] [--json]
                                         list the incidents in a backup (or any Firebreak database file), or
                                         restore one of them
  restore-backup FILE --into DIR         the whole backup as the database of DIR, a folder without one (a spare
                                         laptop taking over the room); then start Firebreak on DIR
                                         (an encrypted backup: its passphrase in $FIREBREAK_BACKUP_PASSPHRASE)

Every command takes --data-dir DIR (default: $FIREBREAK_DATA_DIR, else the desktop app's folder)
and --as NAME (who is acting; default: your login name).`;

const COMMON = {
  'data-dir': { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Session = { core: Core; dispatch: Dispatch; actor: Actor; json: boolean };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      console.log(USAGE);
      return command ? 0 : 2;
    }
    if (command === '--version') {
      console.log(appVersion());
      return 0;
    }
    if (command === 'serve') return await serve(rest);
    if (command === 'demo') return await withSession(rest, {}, (s) => demo(s));
    if (command === 'incident') return await incident(rest);
    if (command === 'import') return await importFiles(rest);
    if (command === 'sentiment') return await sentiment(rest);
    if (command === 'report') return await report(rest);
    if (command === 'export') return await exportArchive(rest);
    if (command === 'mentions') return await exportMentionList(rest);
    if (command === 'quarantine') return await exportQuarantine(rest);
    if (command === 'import-archive') return await importArchive(rest);
    if (command === 'backup') return await withSession(rest, {}, (s) => backUp(s));
    if (command === 'restore-backup') return await restoreBackup(rest);
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`firebreak: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`firebreak: ${(err as Error).message}`);
    return 1;
  }
}

/** The data directory's core; a database from an earlier version is said to be updated first (it may take a minute). */
function openCore(values: Record<string, string | boolean | undefined>): Core {
  const dataDir = (values['data-dir'] as string | undefined) ?? defaultDataDir();
  if (needsUpdate(dataDir)) console.error(`firebreak: ${MESSAGES.en.errors.updatingDatabase}`);
  return createCore({ dataDir });
}

async function withSession(
  args: string[],
  extra: Options,
  run: (s: Session, values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>,
): Promise<number> {
  const { values, positionals } = parse(args, { ...COMMON, ...extra });
  const core = openCore(values);
  try {
    const actor = { name: (values.as as string | undefined) ?? os.userInfo().username, role: '' };
    const dispatch = createDispatcher(core, 'cli');
    return await run({ core, dispatch, actor, json: values.json === true }, values, positionals);
  } finally {
    core.close();
  }
}

/** Calls through the same validating dispatcher as the app, so the CLI obeys the same contract. */
async function call(s: Session, method: Method, arg: unknown, onConflict = ''): Promise<unknown> {
  const result = await s.dispatch(method, arg, s.actor);
  if (!result.ok && result.error.code === 'CONFLICT' && onConflict) throw new Error(`${result.error.message} ${onConflict}`);
  if (!result.ok) throw new Error(`${result.error.message} (${result.error.code})`);
  return result.value;
}

async function demo(s: Session): Promise<number> {
  const incident = (await call(s, 'demo.load', {})) as Incident;
  print(s, incident, `Demo crisis ready: ${incident.title} (${incident.id})`);
  return 0;
}

async function incident(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') {
    const extra = {
      title: { type: 'string' },
      organisation: { type: 'string' },
      level: { type: 'string' },
      status: { type: 'string' },
    } as const;
    return withSession(rest, extra, async (s, v) => {
      if (!v.title) throw new UsageError('incident create needs --title');
      const level = intOption(v.level as string | undefined, 'level');
      const created = (await call(s, 'incidents.create', {
        title: v.title,
        organisation: v.organisation ?? '',
        ...(level !== undefined ? { level } : {}),
        ...(v.status ? { status: v.status } : {}),
      })) as Incident;
      print(s, created, `Created incident ${created.id}: ${created.title}`);
      return 0;
    });
  }
  if (sub === 'list') {
    const extra = { status: { type: 'string' }, search: { type: 'string' }, archived: { type: 'boolean' } } as const;
    return withSession(rest, extra, async (s, v) => {
      const list = (await call(s, 'incidents.list', {
        ...(v.status ? { status: v.status } : {}),
        ...(v.search ? { search: v.search } : {}),
        archived: v.archived === true,
      })) as Incident[];
      const lines = list.map((i) => `${i.id}  ${i.status.padEnd(10)}  L${i.level ?? '-'}  ${i.title}`);
      print(s, list, lines.length ? lines.join('\n') : 'No incidents.');
      return 0;
    });
  }
  throw new UsageError(`unknown incident subcommand "${sub ?? ''}" (create, list)`);
}

async function serve(args: string[]): Promise<number> {
  const options: Options = { ...COMMON, port: { type: 'string' }, host: { type: 'string' }, heartbeat: { type: 'string' }, 'new-room-code': { type: 'boolean' } };
  const { values } = parse(args, options);
  const heartbeat = intOption(values.heartbeat as string | undefined, 'heartbeat');
  if (heartbeat !== undefined && (heartbeat < 1 || heartbeat > 600)) throw new UsageError('--heartbeat must be between 1 and 600 seconds');
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const core = openCore(values);
  // Beyond this laptop, only browsers that give the room code get in (anyone on a hotel's Wi-Fi could reach it).
  const gate = isLoopback(host) ? undefined : new RoomGate(loadRoomKey(core.dataDir, values['new-room-code'] === true));
  const heartbeatMs = heartbeat === undefined ? undefined : heartbeat * 1000;
  // On this laptop only, its own browser may open the room to the others later (the "Other laptops" button).
  const sharing = gate ? null : new RoomSharing(core, { heartbeatMs });
  if (sharing && values['new-room-code'] === true) loadRoomKey(core.dataDir, true); // for when the button opens it
  const server = await startRoomServer({
    ...roomListener(core, heartbeatMs),
    dispatch: createDispatcher(core, 'room', console, sharing && { sharing }),
    gate,
    host,
    port: intOption(values.port as string | undefined, 'port') ?? 4870,
  });
  // This laptop's own browser joins by the same link as the others.
  console.log(`Firebreak room server: ${server.url}${gate ? `#join=${gate.key.code}` : ''}`);
  console.log(`Data directory: ${core.dataDir}`);
  if (gate) {
    const { port } = new URL(server.url);
    console.log(`Open to the other laptops, which join with the room code ${showRoomCode(gate.key.code)}: they open`);
    const addresses = lanAddresses(host);
    for (const address of addresses) console.log(`  http://${address}:${port}/#join=${gate.key.code}`);
    if (addresses.length === 0) console.log("  (this laptop has no network address yet: join the room's Wi-Fi, then start again to see its links)");
    console.log('(the code is in the link), or the address without it and type the code.');
    // A phone or tablet in the room joins by pointing its camera at the terminal.
    if (addresses.length > 0) console.log(renderUnicodeCompact(`http://${addresses[0]}:${port}/#join=${gate.key.code}`, { border: 1 }));
  }
  core.startBackground();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sharing?.close();
  await server.close();
  const backedUp = await core.backups.backUpBeforeClosing();
  if (backedUp) console.log(`Backed up before closing: ${backedUp}`);
  core.close();
  return 0;
}

async function importFiles(args: string[]): Promise<number> {
  const extra: Options = {
    incident: { type: 'string' },
    preset: { type: 'string' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    timezone: { type: 'string' },
    'day-first': { type: 'boolean' },
    'month-first': { type: 'boolean' },
  };
  return withSession(args, extra, async (s, v, files) => {
    if (!v.incident) throw new UsageError('import needs --incident ID');
    if (files.length === 0) throw new UsageError('import needs at least one FILE');
    if (v['day-first'] && v['month-first']) throw new UsageError('choose --day-first or --month-first, not both');
    const options = parseImportOptions(v);
    let failed = 0;
    for (const file of files) {
      try {
        const started = await s.core.imports.start({ file, incidentId: v.incident as string, options, actor: s.actor });
        const summary = await started.done;
        if (summary.status !== 'complete') failed++;
        if (s.json) console.log(JSON.stringify(summary));
        else console.log(`${summary.file}: ${summary.status}, ${summary.imported} new, ${summary.duplicates} duplicate, ${summary.rejected} rejected of ${summary.rows} rows (${summary.format}, ${summary.preset ?? 'generic'}, ${summary.encoding ?? '-'}) in ${summary.ms} ms${summary.error ? `: ${summary.error}` : ''}`);
      } catch (err) {
        failed++;
        console.error(`firebreak: ${(err as Error).message}`);
      }
    }
    return failed ? 1 : 0;
  });
}

async function report(args: string[]): Promise<number> {
  const extra: Options = { format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, timezone: { type: 'string' } };
  return withSession(args, extra, async (s, v, [id]) => {
    if (!id) throw new UsageError('report needs an INCIDENT_ID');
    const format = v.format as string | undefined;
    if (format !== 'json' && format !== 'html' && format !== 'pdf') throw new UsageError('report needs --format json, html or pdf');
    if (!v.out) throw new UsageError('report needs --out FILE');
    const timeZone = (v.timezone as string | undefined) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const rendered = (await call(s, 'review.render', { incidentId: id, format: format === 'json' ? 'json' : 'html', lang: v.lang ?? 'en', timeZone })) as { content: string };
    if (format === 'pdf') await htmlToPdf(rendered.content, v.out as string);
    else fs.writeFileSync(v.out as string, rendered.content);
    if (!s.json) console.log(`Report written to ${v.out}`);
    return 0;
  });
}

async function exportArchive(args: string[]): Promise<number> {
  return withSession(args, { out: { type: 'string' } }, async (s, v, [id]) => {
    if (!id) throw new UsageError('export needs an INCIDENT_ID');
    if (!v.out) throw new UsageError('export needs --out FILE');
    const written = await s.core.archives.export(s.core.incidents.get(id).id, v.out as string);
    print(s, written, `Archive written to ${written.file} (${written.bytes} bytes, content SHA-256 ${written.sha256})`);
    return 0;
  });
}

/** The explorer's filter from flags: the same fields, checked by the same schema as the app's export. */
async function exportMentionList(args: string[]): Promise<number> {
  const many = { type: 'string', multiple: true } as const;
  const extra = {
    search: { type: 'string' }, author: { type: 'string' }, platform: many, lang: many, sentiment: many, from: { type: 'string' }, to: { type: 'string' },
    batch: { type: 'string' }, 'has-url': { type: 'boolean' }, 'copies-of': { type: 'string' }, sort: { type: 'string' }, 'oldest-first': { type: 'boolean' }, format: { type: 'string' },
    timezone: { type: 'string' }, out: { type: 'string' },
  } as const;
  return withSession(args, extra, async (s, v, [id]) => {
    if (!id) throw new UsageError('mentions needs an INCIDENT_ID');
    const time = (name: 'from' | 'to') => {
      if (v[name] === undefined) return undefined;
      const ms = Date.parse(v[name] as string);
      if (Number.isNaN(ms)) throw new UsageError(`--${name} must be a date such as 2026-11-21 or 2026-11-21T10:00Z, not "${v[name] as string}"`);
      return ms;
    };
    const format = (v.format as string | undefined) ?? 'csv';
    if (format === 'xlsx' && !v.out) throw new UsageError('--format xlsx needs --out FILE (a workbook is not for a terminal)');
    let request;
    try {
      request = parseOrThrow(mentionSchemas['mentions.export'], {
        filter: {
          incidentId: s.core.incidents.get(id).id, query: v.search, authorSearch: v.author, platforms: v.platform, langs: v.lang, sentiment: v.sentiment,
          from: time('from'), to: time('to'), batchId: v.batch, hasUrl: v['has-url'] ? true : undefined,
          copyOf: v['copies-of'] === undefined ? undefined : Number(v['copies-of']),
        },
        sort: v.sort,
        direction: v['oldest-first'] ? 'asc' : 'desc',
        format,
        timeZone: format === 'jsonl' ? undefined : ((v.timezone as string | undefined) ?? Intl.DateTimeFormat().resolvedOptions().timeZone),
      }, 'Invalid options');
    } catch (err) {
      if (err instanceof FirebreakError && err.code === 'BAD_REQUEST') throw new UsageError(err.message);
      throw err;
    }
    const chosen = s.core.mentions.export(request.filter, request);
    if (!v.out) {
      try {
        await chosen.writeTo(process.stdout, false);
      } catch (err) {
        // `| head` closed the pipe: it had read what it wanted, as any Unix tool takes it.
        if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
      }
      return 0;
    }
    const { rows } = await chosen.writeTo(fs.createWriteStream(v.out as string));
    print(s, { file: path.resolve(v.out as string), rows }, `${rows} mentions written to ${v.out as string}`);
    return 0;
  });
}

/** What `import` quarantined, as the Imports tab's Export CSV writes it: for a script that imports many files. */
async function exportQuarantine(args: string[]): Promise<number> {
  return withSession(args, { batch: { type: 'string' }, out: { type: 'string' } }, async (s, v, [id]) => {
    if (!id) throw new UsageError('quarantine needs an INCIDENT_ID');
    const { csv } = (await call(s, 'quarantine.export', { incidentId: s.core.incidents.get(id).id, ...(v.batch ? { batchId: v.batch } : {}) })) as { csv: string };
    if (v.out) fs.writeFileSync(v.out as string, csv);
    else process.stdout.write(csv);
    return 0;
  });
}

async function importArchive(args: string[]): Promise<number> {
  return withSession(args, { replace: { type: 'boolean' }, 'keep-both': { type: 'boolean' } }, async (s, v, [file]) => {
    if (!file) throw new UsageError('import-archive needs a FILE');
    if (v.replace && v['keep-both']) throw new UsageError('choose --replace or --keep-both, not both');
    const choice = v.replace ? 'replace' : v['keep-both'] ? 'keep-both' : undefined;
    try {
      const incident = await s.core.archives.import(path.resolve(file), choice);
      print(s, incident, `Imported ${incident.title} (${incident.id})`);
      return 0;
    } catch (err) {
      if (err instanceof FirebreakError && err.code === 'CONFLICT') throw new Error(`${err.message} Run again with --replace or --keep-both.`);
      throw err;
    }
  });
}

async function backUp(s: Session): Promise<number> {
  const status = (await call(s, 'backup.now', {})) as BackupStatus;
  const file = path.join(status.folder, status.files[0].name);
  print(s, { file, bytes: status.files[0].bytes, at: status.files[0].at }, `Backed up to ${file}`);
  return 0;
}

async function restoreBackup(args: string[]): Promise<number> {
  const options: Options = { incident: { type: 'string' }, replace: { type: 'boolean' }, 'keep-both': { type: 'boolean' }, into: { type: 'string' } };
  const into = parse(args, { ...COMMON, ...options }).values.into as string | undefined;
  if (into !== undefined) return restoreWhole(args, options, into);
  return withSession(args, options, async (s, v, [file]) => {
    if (!file) throw new UsageError('restore-backup needs a FILE');
    if (v.replace && v['keep-both']) throw new UsageError('choose --replace or --keep-both, not both');
    // Never an argument (shell history, the process list): from the environment, when the backup is encrypted.
    const passphrase = process.env.FIREBREAK_BACKUP_PASSPHRASE || undefined;
    const source = { path: path.resolve(file) };
    const incidentId = v.incident as string | undefined;
    if (!incidentId) {
      const contents = (await call(s, 'backup.contents', { source, passphrase })) as BackupContents;
      const lines = contents.incidents.map((i) => `${i.id}  ${i.status.padEnd(10)} ${String(i.mentions).padStart(9)} mentions  ${i.title}${i.here ? '  (also here)' : ''}`);
      print(s, contents, lines.length ? lines.join('\n') : 'No incident in this backup.');
      return 0;
    }
    const onConflict = v.replace ? 'replace' : v['keep-both'] ? 'keep-both' : undefined;
    const arg = { source, incidentId, passphrase, ...(onConflict ? { onConflict } : {}) };
    const incident = (await call(s, 'backup.restore', arg, 'Run again with --replace or --keep-both.')) as Incident;
    print(s, incident, `Restored ${incident.title} (${incident.id})`);
    return 0;
  });
}

/** No session: the target folder must not have a database, and no other data folder is opened meanwhile. */
async function restoreWhole(args: string[], options: Options, into: string): Promise<number> {
  const { values, positionals } = parse(args, { ...COMMON, ...options });
  const [file] = positionals;
  if (!file) throw new UsageError('restore-backup needs a FILE');
  if (values.incident || values['data-dir']) throw new UsageError('--into restores the whole backup into DIR: no --incident, no --data-dir');
  const dir = path.resolve(into);
  await restoreWholeBackup(path.resolve(file), file, dir, {}, process.env.FIREBREAK_BACKUP_PASSPHRASE);
  const how = `npx firebreak serve --data-dir ${JSON.stringify(dir)}, or the desktop app with FIREBREAK_DATA_DIR=${JSON.stringify(dir)}`;
  console.log(values.json ? JSON.stringify({ dataDir: dir }) : `Restored the whole backup into ${dir}. Start Firebreak on it: ${how}.`);
  return 0;
}

/** Scores JSON Lines from stdin; one output line per input line, in order, so outputs pair with inputs by position. */
async function sentiment(args: string[]): Promise<number> {
  return withSession(args, { lang: { type: 'string' } }, async (s, v) => {
    const lang = v.lang as string | undefined;
    if (lang !== undefined && !/^[a-z]{2,3}$/.test(lang)) throw new UsageError('--lang takes a language code such as en, ru, uk, fa, el');
    const engine = await s.core.sentiment.engine();
    const { createInterface } = await import('node:readline');
    let n = 0;
    let bad = 0;
    let out: string[] = [];
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      n++;
      if (!line.trim()) continue;
      let text: unknown;
      try {
        text = (JSON.parse(line) as { text?: unknown }).text;
      } catch {
        text = undefined;
      }
      if (typeof text !== 'string') {
        bad++;
        out.push(JSON.stringify({ error: `line ${n}: expected a JSON object with a "text" string` }));
      } else {
        const c = engine.classify(text, lang);
        out.push(JSON.stringify({ label: c.label, score: c.score, lang: c.lang }));
      }
      if (out.length >= 1000) {
        process.stdout.write(out.join('\n') + '\n');
        out = [];
      }
    }
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    if (bad) console.error(`firebreak: ${bad} line(s) could not be read`);
    return bad ? 1 : 0;
  });
}

/** CLI flags -> the same validated options object the app sends. */
function parseImportOptions(v: Record<string, string | boolean | undefined>): ImportOptions {
  const raw = {
    ...(v.preset ? { preset: v.preset } : {}),
    ...(v.encoding ? { encoding: String(v.encoding).toLowerCase().replace(/^cp(\d+)$/, 'windows-$1').replace(/^utf8$/, 'utf-8') } : {}),
    ...(v.delimiter ? { delimiter: v.delimiter === 'tab' || v.delimiter === '\\t' ? '\t' : v.delimiter } : {}),
    ...(v.timezone ? { timezone: v.timezone } : {}),
    ...(v['day-first'] ? { dateOrder: 'day-first' } : v['month-first'] ? { dateOrder: 'month-first' } : {}),
  };
  const parsed = importOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
  return parsed.data;
}

function print(s: Session, value: unknown, text: string): void {
  console.log(s.json ? JSON.stringify(value, null, 2) : text);
}
