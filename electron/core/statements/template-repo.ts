import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CrisisType } from '../../../shared/domain';
import type { StatementKind, StatementTemplate } from '../../../shared/statements';
import { notFound } from '../said-error';

type Row = { id: string; kind: StatementKind; crisis_type: CrisisType | null; lang: string; title: string; body: string; builtin: number };
const toTemplate = (r: Row): StatementTemplate => ({ id: r.id, kind: r.kind, crisisType: r.crisis_type, lang: r.lang, title: r.title, body: r.body, builtin: r.builtin === 1 });

export type TemplateInput = Omit<StatementTemplate, 'id' | 'builtin'>;

/** The statement library: seeded templates per crisis type and language, editable, and the team's own. */
export class TemplateRepo {
  constructor(private readonly db: Database) {}

  list(): StatementTemplate[] {
    return (this.db.prepare('SELECT * FROM statement_templates ORDER BY sort').all() as Row[]).map(toTemplate);
  }

  get(id: string): StatementTemplate {
    const row = this.db.prepare('SELECT * FROM statement_templates WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw notFound('template', id);
    return toTemplate(row);
  }

  save(id: string | undefined, t: TemplateInput): StatementTemplate {
    if (id === undefined) {
      id = `custom-${randomUUID().slice(0, 8)}`;
      const sort = ((this.db.prepare('SELECT MAX(sort) FROM statement_templates').pluck().get() as number | null) ?? 0) + 1;
      this.db.prepare('INSERT INTO statement_templates (id, kind, crisis_type, lang, title, body, builtin, sort) VALUES (?, ?, ?, ?, ?, ?, 0, ?)').run(id, t.kind, t.crisisType, t.lang, t.title, t.body, sort);
    } else if (this.db.prepare('UPDATE statement_templates SET kind = ?, crisis_type = ?, lang = ?, title = ?, body = ? WHERE id = ?').run(t.kind, t.crisisType, t.lang, t.title, t.body, id).changes === 0) {
      throw notFound('template', id);
    }
    return this.get(id);
  }
}

/** Placeholders the incident can answer; anything else stays for the writer (and blocks submission until filled). */
export type PlaceholderValues = Partial<Record<'brand' | 'date' | 'spokesperson' | 'contact' | 'next_update', string>>;

export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => values[key as keyof PlaceholderValues] || whole);
}
