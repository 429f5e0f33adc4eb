import type { Database, Statement } from 'better-sqlite3';
import type { EventBus } from '../events';
import { yieldToEventLoop } from '../yield';

/** A typed word standing for more indexed words than this is searched as a prefix (the OR would cost as much). */
const MAX_WORDS_PER_PREFIX = 32;
/** Beyond this many distinct words the vocabulary is not kept (memory); searches then use prefix queries. */
const MAX_TERMS = 2_000_000;
/** Words read per step of the background read, so the room's requests get in between. */
const TERMS_PER_STEP = 5_000;

/**
 * The distinct words of the full-text index, held in memory so that a search can name the words each typed word
 * is the beginning of. A search matches every word as a prefix ("refund" finds "refunds", "возврат" finds
 * "возврата"), and FTS5 answers a prefix by first merging the whole posting list of every word it covers: at 1M
 * mentions `"northwind"* AND "refund"*` took 45-60 ms per evaluation where `"northwind" AND "refund"` took 17, and
 * the explorer evaluates a search twice (capped count, page). With the words named, a search answers in about a
 * third of the time (see README, Performance) with the same matches.
 *
 * The words are used only while the index is exactly as when they were read: FTS5 rewrites its structure record
 * (row 10 of `mentions_fts_data`, which carries a change counter) on every change to the index, whoever makes it.
 * Otherwise the search uses prefix queries as before while the words are read again in the background.
 */
class FtsVocabulary {
  private terms: string[] | null = null;
  private readAt: Buffer | null = null;
  private reading: Promise<void> | null = null;

  constructor(private readonly db: Database) {}

  /** The indexed words in FTS5's order (UTF-8 bytes), or null while they are being (re-)read. */
  current(): string[] | null {
    if (this.terms && this.readAt && sameBuffer(this.structure(), this.readAt)) return this.terms;
    void this.read();
    return null;
  }

  /** Reads the words unless a read is under way; settles when the words are current (or gave up). */
  read(): Promise<void> {
    // A failed read (the database closed under it) leaves prefix queries answering, as before it was read.
    this.reading ??= this.readAll()
      .catch(() => undefined)
      .finally(() => (this.reading = null));
    return this.reading;
  }

  private async readAll(): Promise<void> {
    await yieldToEventLoop(); // always in the background, never inside the search that asked
    if (!this.db.open) return;
    this.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_words USING fts5vocab(main, 'mentions_fts', 'row')");
    const step = this.db.prepare('SELECT term FROM temp.fts_words WHERE term > ? LIMIT ?').pluck();
    for (let attempt = 0; attempt < 3; attempt++) {
      const at = this.structure();
      const terms: string[] = [];
      let changed = false;
      for (;;) {
        // fts5vocab returns words in index order and seeks to `term > ?`, so each step continues the last one.
        const chunk = step.all(terms.length ? terms[terms.length - 1] : '', TERMS_PER_STEP) as string[];
        for (const t of chunk) terms.push(t);
        if (chunk.length < TERMS_PER_STEP) break;
        if (terms.length > MAX_TERMS) return;
        await yieldToEventLoop();
        if (!this.db.open) return;
        if (!sameBuffer(this.structure(), at)) {
          changed = true;
          break;
        }
      }
      if (changed) continue; // written to meanwhile (an import): read again from the start
      this.terms = terms;
      this.readAt = at;
      return;
    }
  }

  /**
   * The words a typed word stands for, or null to search it as a prefix: when the vocabulary is not current, the
   * word is not exactly one word to the tokenizer (`covid-19` is two), or it begins too many words.
   */
  wordsBeginning(word: string): string[] | null {
    const terms = this.current();
    if (!terms) return null;
    const token = this.tokenize(word);
    if (token === null) return null;
    const key = Buffer.from(token);
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Buffer.compare(Buffer.from(terms[mid]), key) < 0) lo = mid + 1;
      else hi = mid;
    }
    const words: string[] = [];
    for (let i = lo; i < terms.length && terms[i].startsWith(token); i++) {
      if (words.length === MAX_WORDS_PER_PREFIX) return null;
      words.push(terms[i]);
    }
    return words.length ? words : null;
  }

  private tokenizer: { clear: Statement; add: Statement; tokens: Statement } | null = null;

  /**
   * The one token FTS5 makes of a typed word (null: none or several), from a scratch table with the index's
   * tokenizer (migration 0002), so case folding and removed accents are exactly the index's own. Created once per
   * connection: a search asks for every word it has.
   */
  private tokenize(word: string): string | null {
    if (!this.tokenizer) {
      this.db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.typed_words USING fts5 (word, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE IF NOT EXISTS temp.typed_tokens USING fts5vocab(temp, 'typed_words', 'instance');`);
      this.tokenizer = {
        clear: this.db.prepare('DELETE FROM temp.typed_words'),
        add: this.db.prepare('INSERT INTO temp.typed_words (word) VALUES (?)'),
        tokens: this.db.prepare('SELECT term FROM temp.typed_tokens').pluck(),
      };
    }
    this.tokenizer.clear.run();
    this.tokenizer.add.run(word);
    const tokens = this.tokenizer.tokens.all() as string[];
    return tokens.length === 1 ? tokens[0] : null;
  }

  private structure(): Buffer | null {
    return (this.db.prepare('SELECT block FROM mentions_fts_data WHERE id = 10').pluck().get() as Buffer | undefined) ?? null;
  }
}

const vocabularies = new WeakMap<Database, FtsVocabulary>();

function vocabularyOf(db: Database): FtsVocabulary {
  let v = vocabularies.get(db);
  if (!v) vocabularies.set(db, (v = new FtsVocabulary(db)));
  return v;
}

/** Settles when the database's vocabulary is current (tests and benchmarks; searches never wait for it). */
export function vocabularyReady(db: Database): Promise<void> {
  const v = vocabularyOf(db);
  return v.current() ? Promise.resolve() : v.read();
}

/** Reads the vocabulary now and after each change to the mentions, so that the next search finds it current. */
export function keepVocabularyRead(db: Database, events: EventBus): () => void {
  void vocabularyReady(db);
  return events.subscribe((e) => {
    if (e.type === 'mentions.changed') void vocabularyReady(db);
  });
}

/** The words a typed word stands for in a search, or null to search it as a prefix (see wordsBeginning). */
export function prefixWords(db: Database, word: string): string[] | null {
  return vocabularyOf(db).wordsBeginning(word);
}

function sameBuffer(a: Buffer | null, b: Buffer | null): boolean {
  return a === b || (a !== null && b !== null && a.equals(b));
}
