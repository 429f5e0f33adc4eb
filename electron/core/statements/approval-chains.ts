import type { Database } from 'better-sqlite3';
import { notFound, saidError } from '../said-error';
import type { ApprovalChains } from '../../../shared/statements';

/** Which roles approve a statement, in order, per crisis level (0 = not classified yet). */
export class ApprovalChainRepo {
  constructor(private readonly db: Database) {}

  all(): ApprovalChains {
    const rows = this.db.prepare('SELECT level, roles FROM approval_chains ORDER BY level').all() as { level: number; roles: string }[];
    return Object.fromEntries(rows.map((r) => [String(r.level), JSON.parse(r.roles) as string[]]));
  }

  forLevel(level: number | null): string[] {
    return this.all()[String(level ?? 0)];
  }

  /** Statements already in review keep the chain they were submitted with. */
  set(level: number, roles: string[]): ApprovalChains {
    for (const role of roles) {
      if (!this.db.prepare('SELECT 1 FROM roles WHERE id = ?').get(role)) throw notFound('role', role);
    }
    if (new Set(roles).size !== roles.length) throw saidError('BAD_REQUEST', 'roleTwiceInChain', {});
    this.db.prepare('UPDATE approval_chains SET roles = ? WHERE level = ?').run(JSON.stringify(roles), level);
    return this.all();
  }
}
