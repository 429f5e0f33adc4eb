import type { StateCreator } from 'zustand';
import type { ArgOf } from '../../shared/api';
import type { ApprovalChains, AuditVerification, KeyMessage, StatementDetail, StatementSummary, StatementTemplate } from '../../shared/statements';
import { call } from '../api/client';
import type { StoreState } from './index';
import { applyNewest } from './newest';

/** The current incident's statements, the open one, key messages, the library and approval chains, and what waits for me. */
export type StatementsSlice = {
  statements: StatementSummary[];
  statement: StatementDetail | null;
  keyMessages: KeyMessage[];
  templates: StatementTemplate[];
  chains: ApprovalChains;
  waitingForMe: StatementSummary[];
  auditCheck: AuditVerification | null;
  /** The incident's statements and key messages (and the open statement): refreshed on every change. */
  loadStatements(incidentId: string): Promise<void>;
  /** Templates and approval chains: rarely change, loaded when the tab opens. */
  loadStatementLibrary(): Promise<void>;
  openStatement(id: string | null): Promise<void>;
  loadWaitingForMe(incidentId: string): Promise<void>;
  /** Runs a statement action and shows its result; the list follows. */
  statementAction(incidentId: string, action: () => Promise<StatementDetail>): Promise<void>;
  addKeyMessage(incidentId: string, text: string): Promise<void>;
  retireKeyMessage(incidentId: string, id: number): Promise<void>;
  setChain(level: ArgOf<'statements.setChain'>['level'], roles: string[]): Promise<void>;
  verifyAudit(incidentId: string): Promise<void>;
};

export const createStatementsSlice: StateCreator<StoreState, [], [], StatementsSlice> = (set, get) => ({
  statements: [],
  statement: null,
  keyMessages: [],
  templates: [],
  chains: {},
  waitingForMe: [],
  auditCheck: null,
  loadStatements: async (incidentId) => {
    const [statements, keyMessages] = await Promise.all([call('statements.list', { incidentId }), call('statements.keyMessages', { incidentId })]);
    set({ statements, keyMessages });
    // Refresh the open statement, unless another one was opened (or an action's result landed) meanwhile.
    const open = get().statement;
    if (!open || open.incidentId !== incidentId) return;
    const fresh = await call('statements.get', { id: open.id });
    if (get().statement?.id === fresh.id && get().statement!.version <= fresh.version) set({ statement: fresh });
  },
  loadStatementLibrary: async () => {
    const [templates, chains] = await Promise.all([call('statements.templates', {}), call('statements.chains', {})]);
    set({ templates, chains });
  },
  openStatement: async (id) => set({ statement: id ? await call('statements.get', { id }) : null }),
  loadWaitingForMe: (incidentId) => applyNewest('statements.waitingForMe', call('statements.waitingForMe', { incidentId }), (waitingForMe) => set({ waitingForMe })),
  statementAction: async (incidentId, action) => {
    const statement = await action();
    set({ statement, statements: await call('statements.list', { incidentId }) });
    await get().loadWaitingForMe(incidentId);
  },
  addKeyMessage: async (incidentId, text) => {
    set({ keyMessages: await call('statements.addKeyMessage', { incidentId, text }) });
    await get().loadStatements(incidentId);
  },
  retireKeyMessage: async (incidentId, id) => {
    set({ keyMessages: await call('statements.retireKeyMessage', { id }) });
    await get().loadStatements(incidentId);
  },
  setChain: async (level, roles) => set({ chains: await call('statements.setChain', { level, roles }) }),
  verifyAudit: async (incidentId) => set({ auditCheck: await call('audit.verify', { incidentId }) }),
});
