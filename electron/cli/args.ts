import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** Strict parsing so that a typo in a flag is an error, not a silently ignored option. */
export type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export function parse(args: string[], options: Options): Parsed {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return n;
}
