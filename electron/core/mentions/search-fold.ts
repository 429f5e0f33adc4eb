import type { Database } from 'better-sqlite3';
import { foldText } from '../text-fold';

/**
 * Makes `fts_fold(text)` available to SQL on this connection: the full-text index holds mention text folded by
 * foldText (text-fold.ts), because SQLite's unicode61 tokenizer removes accents from Latin letters only — so
 * "επιστροφη" finds "Επιστροφή" and all-caps "ΕΠΙΣΤΡΟΦΗ", Persian typed with Arabic letters is found by the Persian
 * ones, "еще" finds "ещё". The index's content view (`mentions_fts_source`, migration 0014) and the statements that
 * fill it call it, and every search and topic word is folded the same way. `migrate` registers it, so every
 * connection opened through openDatabase has it (the sqlite3 shell cannot fill or rebuild the index for this reason).
 */
export function registerSearchFold(db: Database): void {
  db.function('fts_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldText(text) : text));
}
