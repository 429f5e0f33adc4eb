import fs from 'node:fs';
import path from 'node:path';
import { newIncidentSchema } from '../../shared/api/incidents';
import { DEFAULT_ALERT_SETTINGS } from '../../shared/analytics';
import type { Actor } from '../../shared/domain';
import type { Core } from '../../electron/core/app-core';
import { ANN, tempDir } from './helpers';
import { importFile } from './import-helpers';

export const LEAD: Actor = { name: 'Maria Ivanova', role: 'Incident lead' };
export const LAWYER: Actor = { name: 'Elena Costa', role: 'Legal' };
const MIN = 60_000;
/** 1 November 2026, UTC: the constructed crisis happens on this morning. */
export const at = (h: number, m = 0) => Date.UTC(2026, 10, 1, h, m);

type Row = { at: number; sentiment: -5 | 0 | 5; text: string; reach: number };

/**
 * Mentions with known counts: 06:00 a quiet hour (10, one negative), 07:00 the spike (30, 24 negative), 08:00 still hot
 * (20, 10 negative), 12:00 after the resolution (10, one negative). Negative mentions reach 1,000 each. The brand is
 * named in 6 of the quiet hour's mentions and 9 of the last hour's; a competitor in the rest of them.
 */
function rows(): Row[] {
  const out: Row[] = [];
  const hour = (h: number, negative: number, positive: number, neutral: number, brand: number) => {
    const kinds: (-5 | 0 | 5)[] = [...Array(negative).fill(-5), ...Array(positive).fill(5), ...Array(neutral).fill(0)];
    kinds.forEach((s, i) => out.push({ at: at(h, i), sentiment: s, reach: s === -5 ? 1000 : 10, text: `${i < brand ? 'Northwind' : 'Southfield'} juice post ${h}-${i}` }));
  };
  hour(6, 1, 4, 5, 6);
  hour(7, 24, 0, 6, 30);
  hour(8, 10, 0, 10, 20);
  hour(12, 1, 0, 9, 9);
  return out;
}

/** The rows as a Talkwalker export (day-first dates, -5/0/5 sentiment). */
function talkwalkerCsv(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = (t: number) => {
    const d = new Date(t);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${String(d.getUTCFullYear()).slice(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
  };
  const lines = rows().map((r, i) => `https://x.com/u${i}/status/${1000 + i},${date(r.at)},,${r.text},en,${r.sentiment},${r.reach},1,SOCIALMEDIA_TWITTER,Author ${i},100,UK`);
  return ['url,published,title,content,lang,sentiment,reach,engagement,source_type,extra_author_attributes.name,source_extended_attributes.twitter_followers,extra_source_attributes.world_data.country', ...lines].join('\n');
}

/**
 * A closed level-2 crisis whose review figures are known: spike at 07:00, detected 07:30, opened 07:40, a holding
 * statement drafted 07:50, submitted 08:00, approved by the lead 08:10 and legal 08:40, published 08:50; the first
 * mention answered at 08:05 (published 07:05); contained 10:00, resolved 11:30, closed 13:00.
 */
export async function constructedCrisis(core: Core & { clock: { now: number } }): Promise<string> {
  const clock = core.clock;
  clock.now = at(7, 40);
  const id = core.incidents.create(newIncidentSchema.parse({ title: 'Constructed juice crisis', organisation: 'Northwind', status: 'active', level: 2, detectedAt: at(7, 30), crisisType: 'viral_activity' }), ANN).id;
  core.topics.save(id, undefined, { name: 'Northwind', kind: 'brand', terms: ['Northwind'] }, ANN.name);
  core.topics.save(id, undefined, { name: 'Southfield', kind: 'competitor', terms: ['Southfield'] }, ANN.name);
  const file = path.join(tempDir(), 'talkwalker.csv');
  fs.writeFileSync(file, talkwalkerCsv());
  await importFile(core, id, file, { dateOrder: 'day-first' });
  // One quiet hour of history: compare each hour with the one before it.
  core.alerts.saveSettings(id, { ...DEFAULT_ALERT_SETTINGS, baselineWindows: 1 }, ANN);
  core.alerts.evaluate(id);
  for (const [name, roleId] of [[LEAD.name, 'lead'], [LAWYER.name, 'legal']]) {
    const p = core.team.savePerson(undefined, { name, title: '', organisation: 'Northwind', phone: '', email: '', languages: [], notes: '' }, ANN);
    core.team.assign({ incidentId: id, personId: p.id, roleId, rank: 'primary' }, ANN);
  }
  const task = (title: string, due: number) => core.tasks.add(id, { title, notes: '', ownerPersonId: null, ownerRoleId: 'lead', dueAt: due }, ANN).id;
  const onTime = task('Brief responders', at(8));
  const late = task('Call the distributor', at(8, 30));
  task('Update the FAQ', at(9));
  const cancelled = task('Not needed', at(9));
  clock.now = at(7, 50);
  const s = core.statements.create(id, 'holding', { title: 'We are checking', body: 'We are aware and checking the batch.', languages: ['en'], channels: ['website'] }, ANN);
  core.tasks.update(onTime, { status: 'done' }, ANN);
  clock.now = at(8);
  core.statements.submit(s.id, ANN);
  clock.now = at(8, 5);
  const first = core.mentions.search({ incidentId: id, from: at(7, 5), to: at(7, 5) + MIN }, { sort: 'time', direction: 'asc', offset: 0, limit: 1 }).rows[0];
  core.triage.respond(first.id, 'We are checking this now.', undefined, ANN);
  const others = core.mentions.search({ incidentId: id, from: at(7, 6), to: at(7, 8) }, { sort: 'time', direction: 'asc', offset: 0, limit: 2 }).rows;
  core.triage.setState(others.map((m) => m.id), 'read', ANN);
  clock.now = at(8, 10);
  core.statements.decide(s.id, 1, 'approved', null, LEAD);
  clock.now = at(8, 40);
  core.statements.decide(s.id, 1, 'approved', null, LAWYER);
  clock.now = at(8, 50);
  core.statements.publish(s.id, 'website', 'https://northwind.example/news', null, ANN);
  core.tasks.update(cancelled, { status: 'cancelled' }, ANN);
  clock.now = at(9);
  core.tasks.update(late, { status: 'done' }, ANN);
  clock.now = at(10);
  core.incidents.setStatus(id, 'contained', ANN);
  clock.now = at(11, 30);
  core.incidents.setStatus(id, 'resolved', ANN);
  clock.now = at(13);
  core.incidents.setStatus(id, 'closed', ANN);
  clock.now = at(15);
  return id;
}
