import type { TableSpec } from './archive-tables';

/** Per table: local id → archive number (export), or archive number → new local id (import). */
export type IdMaps = Map<string, Map<number, number>>;

/**
 * Re-points a row's integer references through the maps: the key itself on export (it becomes the row's number),
 * foreign-key columns, and ids inside JSON (a timeline entry's link, a task's mentions). A reference to a row that
 * is not in the incident any more (a mention of an undone import) becomes 0 on both sides, so it still points
 * nowhere and round trips stay identical.
 */
export function remapRow(spec: TableSpec, columns: readonly string[], values: readonly unknown[], maps: IdMaps, direction: 'export' | 'import'): unknown[] {
  const via = (table: string, id: unknown) => (typeof id === 'number' ? (maps.get(table)?.get(id) ?? 0) : id);
  return values.map((v, i) => {
    const column = columns[i];
    if (direction === 'export' && column === spec.key) return maps.get(spec.table)!.get(v as number);
    const target = spec.refs?.[column];
    if (target) return via(target, v);
    if (spec.table === 'timeline_entries' && column === 'ref' && typeof v === 'string') return JSON.stringify(remapTimelineRef(JSON.parse(v) as Record<string, unknown> | null, via));
    if (spec.table === 'tasks' && column === 'mention_ids' && typeof v === 'string') return JSON.stringify((JSON.parse(v) as number[]).map((id) => via('mentions', id)));
    return v;
  });
}

function remapTimelineRef(ref: Record<string, unknown> | null, via: (table: string, id: unknown) => unknown): Record<string, unknown> | null {
  if (!ref) return ref;
  const out = { ...ref };
  if ('alertId' in out) out.alertId = via('alerts', out.alertId);
  if ('taskId' in out) out.taskId = via('tasks', out.taskId);
  if ('enquiryId' in out) out.enquiryId = via('enquiries', out.enquiryId);
  if ('stakeholderId' in out) out.stakeholderId = via('stakeholders', out.stakeholderId);
  if ('claimId' in out) out.claimId = via('claims', out.claimId);
  if ('ownChannelId' in out) out.ownChannelId = via('own_channels', out.ownChannelId);
  if ('impostorId' in out) out.impostorId = via('impostors', out.impostorId);
  if (Array.isArray(out.mentionIds)) out.mentionIds = out.mentionIds.map((id) => via('mentions', id));
  return out;
}
