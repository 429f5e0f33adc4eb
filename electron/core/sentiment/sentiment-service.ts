import type { Database } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { sentimentValue, type SentimentJob, type SentimentLabelName, type SentimentStatus, type TrainingOutcome } from '../../../shared/sentiment';
import type { EventBus } from '../events';
import { countMove, MentionCounts, shownSentiment, type CountMove } from '../mentions/mention-counts';
import { SentimentEngine, type Classification } from './engine';
import { readLabelFile } from './label-file';
import { baseLang, CORE_LANGS } from './language';
import { yieldToEventLoop } from '../yield';
import { SentimentModel } from './model';
import { SentimentRepo } from './model-repo';
import { CHUNK, MentionScorer } from './scoring';
import { MIN_LABELS, trainLanguage } from './trainer';
import { notFound } from '../said-error';

/** New analyst labels in a language before the app retrains it by itself. */
const AUTO_TRAIN_AFTER = 25;
const AUTO_TRAIN_DELAY_MS = 3000;

type QueuedJob = { kind: 'scoring' } | { kind: 'rescoring'; langs: Set<string> | null };

/**
 * The engine in the app: scores mentions in the background (new imports, then again after a model update),
 * takes analysts' corrections, and trains per-language models from them and from labelled files.
 */
export class SentimentService {
  private enginePromise: Promise<SentimentEngine> | null = null;
  private readonly repo: SentimentRepo;
  private readonly scorer: MentionScorer;
  private readonly queue: QueuedJob[] = [];
  private running: Promise<void> | null = null;
  private job: SentimentJob | null = null;
  private stopped = false;
  private readonly autoTrain = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly db: Database,
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = new SentimentRepo(db);
    this.scorer = new MentionScorer(db);
  }

  /** Loaded once per process (~0.5 s), with the models learned in this data directory. */
  engine(): Promise<SentimentEngine> {
    this.enginePromise ??= SentimentEngine.load().then((engine) => {
      // The room may have closed while the engine loaded: the drain then stops before using it.
      if (!this.db.open) return engine;
      for (const { lang, weights } of this.repo.activeWeights()) engine.useModel(lang, SentimentModel.deserialize(weights));
      return engine;
    });
    return this.enginePromise;
  }

  /** Background scoring for the app and the room server: now, and after every import. */
  start(): () => void {
    const off = this.events.subscribe((e) => {
      if (e.type === 'import.finished' && e.summary.imported > 0) this.enqueue({ kind: 'scoring' });
      // A pass under way when a restore took the write lock failed at its next write: what it left is scored now.
      if (e.type === 'restore.changed' && !e.restoring) this.enqueue({ kind: 'scoring' });
    });
    this.enqueue({ kind: 'scoring' });
    return off;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.autoTrain.values()) clearTimeout(t);
  }

  /** Scores every mention not scored yet, now (the demo, tests; the app does it in the background). */
  async scoreAll(): Promise<void> {
    this.enqueue({ kind: 'scoring' });
    await this.idle();
  }

  /** Resolves when the queue is empty (tests, the demo, the CLI). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async classify(texts: readonly string[], lang?: string): Promise<Classification[]> {
    const engine = await this.engine();
    return texts.map((t) => engine.classify(t, lang));
  }

  status(): SentimentStatus {
    const counts = new Map(this.repo.labelCounts().map((c) => [c.lang, c]));
    const models = new Map(this.repo.models().map((m) => [m.lang, m]));
    const langs = [...new Set<string>([...CORE_LANGS, ...counts.keys(), ...models.keys()])].sort();
    return {
      langs: langs.map((lang) => ({
        lang,
        analystLabels: counts.get(lang)?.analyst ?? 0,
        fileLabels: counts.get(lang)?.file ?? 0,
        model: models.get(lang) ?? null,
        hasLexicon: (CORE_LANGS as readonly string[]).includes(lang),
      })),
      job: this.job,
      unscored: this.scorer.countUnscored(),
    };
  }

  /** An analyst's label wins over every other; it is also kept as a training label for the mention's language. */
  correct(mentionIds: readonly number[], label: SentimentLabelName, actor: Actor): { updated: number } {
    const value = sentimentValue(label);
    const at = this.now();
    const moved: (CountMove & { incidentId: string })[] = [];
    const incidents = new Set<string>();
    const langs = new Set<string>();
    this.db.transaction(() => {
      const read = this.db.prepare(`SELECT m.id, m.incident_id, m.platform, m.lang, m.published_at, m.title, m.text, m.source_sentiment,
        m.engine_sentiment, m.sentiment, b.status = 'complete' AS counted FROM mentions m JOIN import_batches b ON b.id = m.batch_id WHERE m.id = ?`);
      const write = this.db.prepare('UPDATE mentions SET analyst_sentiment = ?, analyst_by = ?, analyst_at = ?, sentiment = ? WHERE id = ?');
      const labels: Parameters<SentimentRepo['addLabels']>[0] = [];
      for (const id of new Set(mentionIds)) {
        const m = read.get(id) as { id: number; incident_id: string; platform: string; lang: string | null; published_at: number; title: string | null; text: string; source_sentiment: number | null; engine_sentiment: number | null; sentiment: number | null; counted: number } | undefined;
        if (!m) throw notFound('mention', id);
        const shown = shownSentiment(value, m.source_sentiment, m.engine_sentiment);
        write.run(value, actor.name, at, shown, id);
        incidents.add(m.incident_id);
        // A mention of an import still running is counted, as it is then, when that import completes.
        if (m.counted) moved.push({ incidentId: m.incident_id, ...countMove(m, { lang: m.lang, sentiment: shown }) });
        const lang = baseLang(m.lang) ?? 'und';
        langs.add(lang);
        labels.push({ lang, text: m.title ? `${m.title}\n${m.text}` : m.text, label, source: 'analyst', mentionId: id });
      }
      this.repo.addLabels(labels, actor.name, at);
      new MentionCounts(this.db).moveMany(moved);
    })();
    for (const incidentId of incidents) this.events.publish({ type: 'mentions.changed', incidentId });
    for (const lang of langs) this.scheduleAutoTrain(lang, actor);
    return { updated: mentionIds.length };
  }

  /** Trains one language, or every language with labels; a model is used only if it beat the lexicon. */
  async train(lang: string | undefined, actor: Actor): Promise<TrainingOutcome[]> {
    const engine = await this.engine();
    const langs = lang ? [lang] : this.repo.labelCounts().map((c) => c.lang).filter((l) => l !== 'und');
    const outcomes: TrainingOutcome[] = [];
    const improved = new Set<string>();
    for (const l of langs) {
      const labelled = this.repo.labelsFor(l);
      const result = await trainLanguage(engine, l, labelled);
      if (!result) {
        outcomes.push({ lang: l, labels: labelled.length, model: null, reason: `needs at least ${MIN_LABELS} labels in two or more classes` });
        continue;
      }
      const info = this.repo.saveModel(result, actor.name, this.now());
      engine.useModel(l, result.trained ?? null);
      if (result.trained) improved.add(l);
      outcomes.push({ lang: l, labels: labelled.length, model: info, reason: null });
    }
    this.events.publish({ type: 'sentiment.models' });
    if (improved.size) this.enqueue({ kind: 'rescoring', langs: improved });
    return outcomes;
  }

  /** Labels from a file become training labels (all rows or none), then each language in it is retrained. */
  async importLabels(file: string, displayName: string | undefined, lang: string | undefined, actor: Actor) {
    const rows = await readLabelFile(file, displayName);
    const engine = await this.engine();
    const labelled = rows.map((r) => ({ ...r, lang: lang ?? r.lang ?? engine.detector.detect(r.text) ?? 'und' }));
    const name = displayName ?? file;
    this.db.transaction(() => this.repo.addLabels(labelled.map((r) => ({ ...r, source: 'file' as const, fileName: name })), actor.name, this.now()))();
    const perLang = new Map<string, number>();
    for (const r of labelled) perLang.set(r.lang, (perLang.get(r.lang) ?? 0) + 1);
    const trained: TrainingOutcome[] = [];
    for (const l of perLang.keys()) if (l !== 'und') trained.push(...(await this.train(l, actor)));
    return { file: name, rows: rows.length, langs: [...perLang].map(([l, n]) => ({ lang: l, rows: n })), trained };
  }

  private scheduleAutoTrain(lang: string, actor: Actor): void {
    if (lang === 'und' || this.autoTrain.has(lang)) return;
    const last = this.repo.model(lang);
    const fresh = this.repo.labelsSince(lang, last?.trainedAt ?? 0);
    if (fresh < (last ? AUTO_TRAIN_AFTER : MIN_LABELS)) return;
    const timer = setTimeout(() => {
      this.autoTrain.delete(lang);
      if (!this.stopped && this.db.open) void this.train(lang, actor).catch((err: unknown) => console.error('sentiment auto-training failed', err));
    }, AUTO_TRAIN_DELAY_MS);
    timer.unref();
    this.autoTrain.set(lang, timer);
  }

  private enqueue(job: QueuedJob): void {
    const last = this.queue[this.queue.length - 1];
    if (job.kind === 'scoring' && last?.kind === 'scoring') return;
    this.queue.push(job);
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      this.job = null;
    });
    // Handled here, so a failure in the background is never an unhandled rejection (in the room server, plain Node,
    // that ends the process); `idle()` and `scoreAll()` still reject for a caller that waits.
    this.running.catch((err: unknown) => {
      if (this.db.open) console.error('firebreak: background scoring failed', err);
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (this.stopped || !this.db.open) return;
      // The start-up check usually finds nothing to score: then the engine (~90 MB of n-grams) is not loaded at all.
      if (next.kind === 'scoring' && this.scorer.countUnscored() === 0) continue;
      const engine = await this.engine();
      if (this.stopped || !this.db.open) return;
      const touched = next.kind === 'scoring' ? await this.runScoring(engine) : await this.runRescoring(engine, next.langs);
      for (const incidentId of touched) this.events.publish({ type: 'mentions.changed', incidentId });
    }
  }

  private async runScoring(engine: SentimentEngine): Promise<Set<string>> {
    const touched = new Set<string>();
    this.job = { kind: 'scoring', done: 0, total: this.scorer.countUnscored() };
    for (;;) {
      if (this.stopped || !this.db.open) break;
      const { scored, incidents } = this.scorer.scoreNext(engine);
      for (const i of incidents) touched.add(i);
      if (scored === 0) break;
      this.job = { ...this.job, done: this.job.done + scored, total: Math.max(this.job.total, this.job.done + scored) };
      this.events.publish({ type: 'sentiment.progress', job: this.job });
      await yieldToEventLoop();
    }
    return touched;
  }

  private async runRescoring(engine: SentimentEngine, langs: Set<string> | null): Promise<Set<string>> {
    const touched = new Set<string>();
    const total = this.db.prepare('SELECT COUNT(*) FROM mentions').pluck().get() as number;
    this.job = { kind: 'rescoring', done: 0, total };
    for (let lastId = 0; ; ) {
      if (this.stopped || !this.db.open) break;
      const r = this.scorer.rescoreAfter(engine, lastId, langs);
      for (const i of r.incidents) touched.add(i);
      if (r.seen < CHUNK) break;
      lastId = r.lastId;
      this.job = { ...this.job, done: Math.min(total, this.job.done + r.seen) };
      this.events.publish({ type: 'sentiment.progress', job: this.job });
      await yieldToEventLoop();
    }
    return touched;
  }
}
