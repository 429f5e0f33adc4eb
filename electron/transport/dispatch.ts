import { z } from 'zod';
import { apiSchemas, isMethod } from '../../shared/api';
import { actorSchema } from '../../shared/domain';
import { FirebreakError, type Result } from '../../shared/errors';
import type { Core } from '../core/app-core';
import { apiErrorOf } from './api-error';
import { createHandlers, type CallContext } from './handlers';
import type { RoomSharing } from './room-sharing';

export type Dispatch = (method: string, arg: unknown, actor?: unknown) => Promise<Result<unknown>>;

type Logger = { error(message: string, err: unknown): void };

/**
 * One entry point for every transport: validates, calls the handler, turns every failure into data. `local`: this
 * transport serves this laptop only (the desktop window, `firebreak serve`'s 127.0.0.1 listener), with the room's
 * listener for the other laptops if it has one; null for a transport other laptops reach.
 */
export function createDispatcher(core: Core, mode: CallContext['mode'], log: Logger = console, local: { sharing?: RoomSharing } | null = null): Dispatch {
  const handlers = createHandlers(core, local ?? {}) as Record<string, (arg: unknown, ctx: CallContext) => unknown>;
  return async (method, rawArg, rawActor) => {
    try {
      if (!isMethod(method)) throw new FirebreakError('UNKNOWN_METHOD', `There is no method "${method}".`);
      const schema: z.ZodType = apiSchemas[method];
      const arg = parseOrThrow(schema, rawArg ?? {}, `Invalid argument for ${method}`);
      const actor = rawActor == null ? undefined : parseOrThrow(actorSchema, rawActor, 'Invalid acting user');
      const value = await handlers[method](arg, { actor, mode, local: local !== null });
      return { ok: true, value };
    } catch (caught) {
      const err = core.archives.explainBusy(caught);
      if (!(err instanceof FirebreakError)) log.error(`firebreak: ${method} failed`, err);
      return { ok: false, error: apiErrorOf(err) };
    }
  };
}

/** The value as the schema reads it, or a BAD_REQUEST naming each field that is wrong. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new FirebreakError('BAD_REQUEST', `${what}: ${summary}`, { issues });
}
