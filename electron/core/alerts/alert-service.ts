import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { DEFAULT_ALERT_SETTINGS, type Alert, type AlertSettings } from '../../../shared/analytics';
import type { Actor } from '../../../shared/domain';
import { copyBursts, type CopySample } from '../analytics/copy-groups';
import { documentTerms, termLift } from '../analytics/term-lift';
import type { EventBus } from '../events';
import { FIVE_MIN, HOUR } from '../mentions/mention-counts';
import type { TimelineRepo } from '../timeline/timeline-repo';
import { negativeShareSpikes, volumeSpikes, Z_THRESHOLD, type Window } from './spike-detector';
import { notFound } from '../said-error';
import { alertsOf, toAlert, type AlertRow as Row } from './alert-row';

type NewAlert = Omit<Alert, 'id' | 'incidentId' | 'raisedAt' | 'acknowledgedBy' | 'acknowledgedAt'> & { key: string };

const MAX_WINDOWS = 50_000;
/** New-term detection looks at this many of the latest windows (older ones were checked when they were new). */
const TERM_WINDOWS = 48;
/** Copies are looked for among at most this many of the latest mentions (the latest TERM_WINDOWS windows). */
const COPY_SCAN = 10_000;
/** The copied words quoted on the banner and the timeline: a line, not the post. */
const QUOTE = 140;
const SYSTEM = 'Firebreak';
const EVALUATE_DELAY_MS = 1500;

/**
 * Early warning over the imported stream: volume and negative-share spikes against a rolling baseline, negative
 * mentions from big accounts, and a new term taking over negative mentions. Each alert is raised once (keyed by
 * what it is about), lands on the incident's timeline, and is acknowledged by a person.
 */
export class AlertService {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
    private readonly timeline: TimelineRepo,
    private readonly now: () => number = Date.now,
  ) {}

  /** Re-evaluates an incident shortly after its mentions change (imports, scoring, corrections come in bursts). */
  start(): () => void {
    const off = this.events.subscribe((e) => {
      if (e.type !== 'mentions.changed') return;
      if (this.pending.has(e.incidentId)) return;
      const timer = setTimeout(() => {
        this.pending.delete(e.incidentId);
        if (!this.db.open) return;
        try {
          this.evaluate(e.incidentId);
        } catch (err) {
          console.error('alert evaluation failed', err);
        }
      }, EVALUATE_DELAY_MS);
      timer.unref();
      this.pending.set(e.incidentId, timer);
    });
    return () => {
      off();
      for (const t of this.pending.values()) clearTimeout(t);
    };
  }

  settings(incidentId: string): AlertSettings {
    const raw = this.db.prepare('SELECT settings FROM alert_settings WHERE incident_id = ?').pluck().get(incidentId) as string | undefined;
    return { ...DEFAULT_ALERT_SETTINGS, ...(raw ? (JSON.parse(raw) as Partial<AlertSettings>) : {}) };
  }

  saveSettings(incidentId: string, settings: AlertSettings, actor: Actor): AlertSettings {
    this.db
      .prepare(`INSERT INTO alert_settings (incident_id, settings, updated_by, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (incident_id) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by, updated_at = excluded.updated_at`)
      .run(incidentId, JSON.stringify(settings), actor.name, this.now());
    return this.settings(incidentId);
  }

  /** The newest 500, for the screen. */
  list(incidentId: string): Alert[] {
    return alertsOf(this.db, incidentId, 500);
  }

  /** Every one, for the record (the after-action report). */
  all(incidentId: string): Alert[] {
    return alertsOf(this.db, incidentId);
  }

  acknowledge(id: number, actor: Actor): Alert {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw notFound('alert', id);
    if (row.acknowledged_at !== null) return toAlert(row);
    const at = this.now();
    this.db.transaction(() => {
      this.db.prepare('UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ?').run(actor.name, at, id);
      this.timeline.add({ incidentId: row.incident_id, kind: 'alert.acknowledged', occurredAt: at, author: actor.name, text: describe(toAlert(row)), ref: { alertId: id } });
    })();
    this.publish(row.incident_id);
    return toAlert(this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Row);
  }

  /** Runs every detector over the incident's stream; returns only the alerts raised now. */
  evaluate(incidentId: string): Alert[] {
    const s = this.settings(incidentId);
    const windows = this.windows(incidentId, s.windowMinutes * 60_000);
    const size = s.windowMinutes * 60_000;
    const found: NewAlert[] = [
      ...volumeSpikes(windows, s).map((v) => ({
        kind: 'volume' as const, key: String(v.start), windowStart: v.start, windowEnd: v.start + size, observed: v.observed, baseline: v.baseline,
        detail: { z: v.z }, filter: { from: v.start, to: v.start + size },
      })),
      ...negativeShareSpikes(windows, s).map((v) => ({
        kind: 'negative_share' as const, key: String(v.start), windowStart: v.start, windowEnd: v.start + size, observed: v.observed, baseline: v.baseline,
        detail: { z: v.z }, filter: { from: v.start, to: v.start + size, sentiment: ['negative' as const] },
      })),
      ...this.influencers(incidentId, s),
      ...(s.newTerms ? this.newTerms(incidentId, windows, s) : []),
      ...(s.copies ? this.copies(incidentId, windows, s) : []),
    ];
    const raised: Alert[] = [];
    this.db.transaction(() => {
      const insert = this.db.prepare(`INSERT OR IGNORE INTO alerts (incident_id, kind, key, window_start, window_end, observed, baseline, detail, filter, raised_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const a of found) {
        const r = insert.run(incidentId, a.kind, a.key, a.windowStart, a.windowEnd, a.observed, a.baseline, JSON.stringify(a.detail), JSON.stringify(a.filter), this.now());
        if (r.changes === 0) continue;
        const alert = toAlert(this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(r.lastInsertRowid) as Row);
        this.timeline.add({ incidentId, kind: 'alert.raised', occurredAt: alert.windowStart, author: SYSTEM, text: describe(alert), ref: { alertId: alert.id } });
        raised.push(alert);
      }
    })();
    if (raised.length) this.publish(incidentId);
    return raised;
  }

  /**
   * The stream in windows of `size`, gaps filled with zeros, from the time rollup: hourly rows when the window is
   * whole hours, 5-minute rows otherwise. (CAST: parameters bind as REAL, which would make the division fractional.)
   */
  private windows(incidentId: string, size: number): Window[] {
    const unit = size % HOUR === 0 ? HOUR : FIVE_MIN;
    const rows = this.db
      .prepare(`SELECT CAST(bucket * size / @size AS INTEGER) AS w, SUM(n) AS total, SUM(CASE WHEN sentiment = -1 THEN n ELSE 0 END) AS negative,
          SUM(CASE WHEN sentiment IN (-1, 0, 1) THEN n ELSE 0 END) AS rated
        FROM rollup_time WHERE incident_id = @incidentId AND scope = 0 AND size = @unit GROUP BY w ORDER BY w`)
      .all({ incidentId, size, unit }) as { w: number; total: number; negative: number; rated: number }[];
    if (!rows.length) return [];
    const byWindow = new Map(rows.map((r) => [r.w, r]));
    const first = Math.max(rows[0].w, rows[rows.length - 1].w - MAX_WINDOWS);
    const out: Window[] = [];
    for (let w = first; w <= rows[rows.length - 1].w; w++) {
      const r = byWindow.get(w);
      out.push({ start: w * size, total: r?.total ?? 0, negative: r?.negative ?? 0, rated: r?.rated ?? 0 });
    }
    return out;
  }

  private influencers(incidentId: string, s: AlertSettings): NewAlert[] {
    const rows = this.db
      .prepare(`SELECT id, COALESCE(author, author_handle) AS author, author_handle AS handle, platform, author_followers AS followers, published_at AS at
        FROM mentions WHERE incident_id = ? AND sentiment = -1 AND author_followers >= ? ORDER BY published_at LIMIT 200`)
      .all(incidentId, s.followerThreshold) as { id: number; author: string | null; handle: string | null; platform: string; followers: number; at: number }[];
    const seen = new Set<string>();
    return rows.flatMap((r) => {
      const key = `${r.platform}:${r.handle ?? r.author ?? r.id}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{
        kind: 'influencer' as const, key, windowStart: r.at, windowEnd: r.at, observed: r.followers, baseline: s.followerThreshold,
        detail: { author: r.author ?? r.handle ?? '', platform: r.platform, followers: r.followers, mentionId: r.id },
        filter: { author: r.handle ?? r.author ?? undefined, sentiment: ['negative' as const] },
      }];
    });
  }

  /** A term in at least a quarter of a window's negative mentions, and in almost none of the baseline's. */
  private newTerms(incidentId: string, windows: readonly Window[], s: AlertSettings): NewAlert[] {
    const texts = this.db.prepare(`SELECT text FROM mentions INDEXED BY mentions_by_time
      WHERE incident_id = ? AND published_at >= ? AND published_at < ? AND sentiment = -1 ORDER BY published_at DESC LIMIT 2000`).pluck();
    const size = s.windowMinutes * 60_000;
    const out: NewAlert[] = [];
    const startAt = Math.max(s.baselineWindows, windows.length - TERM_WINDOWS);
    for (let i = startAt; i < windows.length; i++) {
      const w = windows[i];
      // Half the minimum: a term is new only in the first window it appears in, usually the spike's first hour.
      if (w.negative < Math.max(3, s.minCount / 2)) continue;
      // Reading words is the costly part: only where negative mentions rise well above their baseline.
      const usual = windows.slice(i - s.baselineWindows, i).reduce((n, b) => n + b.negative, 0) / s.baselineWindows;
      if (w.negative < 2 * usual) continue;
      const focus = documentTerms(texts.all(incidentId, w.start, w.start + size) as string[]);
      const base = documentTerms(texts.all(incidentId, w.start - s.baselineWindows * size, w.start) as string[]);
      for (const t of termLift(focus, base, { limit: 3 })) {
        if (t.share < 0.25 || t.baselineShare > 0.05 || t.z < Z_THRESHOLD[s.sensitivity]) continue;
        out.push({
          kind: 'new_term', key: t.term, windowStart: w.start, windowEnd: w.start + size, observed: Math.round(t.share * 1000) / 1000,
          baseline: Math.round(t.baselineShare * 1000) / 1000, detail: { term: t.term, z: t.z, share: t.share },
          filter: { from: w.start, to: w.start + size, sentiment: ['negative'], query: t.term },
        });
      }
    }
    return out;
  }

  /**
   * The same words from at least `copyAccounts` accounts within one window: a copy-paste campaign, bots, a retweet
   * storm. Raised once per text (keyed by a hash of its words), at the start of its busiest window.
   */
  private copies(incidentId: string, windows: readonly Window[], s: AlertSettings): NewAlert[] {
    if (!windows.length) return [];
    const size = s.windowMinutes * 60_000;
    const since = windows[Math.max(0, windows.length - TERM_WINDOWS)].start;
    const rows = this.db
      .prepare(`SELECT id, text, author, author_handle AS handle, platform, author_followers AS followers, published_at AS at FROM mentions INDEXED BY mentions_by_time
        WHERE incident_id = ? AND published_at >= ? ORDER BY published_at DESC LIMIT ${COPY_SCAN}`)
      .all(incidentId, since) as CopySample[];
    return copyBursts(rows, size, s.copyAccounts).map((b) => ({
      kind: 'copies' as const,
      key: createHash('sha256').update(b.key).digest('hex').slice(0, 32),
      windowStart: b.start, windowEnd: b.start + size, observed: b.accounts, baseline: null,
      detail: { mentionId: b.first.id, text: b.first.text.length > QUOTE ? `${b.first.text.slice(0, QUOTE - 1)}…` : b.first.text, accounts: b.total },
      filter: { copyOf: b.first.id },
    }));
  }

  private publish(incidentId: string): void {
    this.events.publish({ type: 'alerts.changed', incidentId });
    this.events.publish({ type: 'timeline.changed', incidentId });
  }
}

/** The timeline's text for an alert (English; the UI shows its own localised line from the alert itself). */
function describe(a: Alert): string {
  switch (a.kind) {
    case 'volume': return `Volume spike: ${a.observed} mentions in the window against ${a.baseline} usual (z ${a.detail.z}).`;
    case 'negative_share': return `Negative share rose to ${Math.round(a.observed * 100)}% from ${Math.round((a.baseline ?? 0) * 100)}%.`;
    case 'influencer': return `Negative mention by ${a.detail.author} (${a.detail.platform}, ${a.detail.followers} followers).`;
    case 'new_term': return `New term in negative mentions: "${a.detail.term}" in ${Math.round(a.observed * 100)}% of them.`;
    case 'copies': return `The same words from ${a.observed} accounts within ${Math.round((a.windowEnd - a.windowStart) / 60_000)} minutes: "${a.detail.text}"`;
  }
}
