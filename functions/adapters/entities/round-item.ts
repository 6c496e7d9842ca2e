import { callSchema, type Call } from '../../../shared/rounds/call';
import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

/** The `byList` partition of calls open now, across every administrator, sorted by deadline. */
const openCallsList = 'CALLS#OPEN';

/** The `byList` partition of published calls waiting to open, sorted by opening time. */
const publishedCallsList = 'CALLS#PUBLISHED';
/**
 * The `byList` partition of closed rounds (deadline passed, not all decided), across every
 * administrator, sorted by deadline: the preliminary-reply job reads it instead of scanning.
 */
const closedRoundsList = 'CALLS#CLOSED';

/** Sort-key prefix of the rounds in their tenant's partition. */
const roundSortKeyPrefix = 'ROUND#';

/**
 * A round (a call, as the public sees it). A tenant's rounds share one partition, so its workspace
 * lists them with one query; an open call also sits in the national `byList` partition of open
 * calls, sorted by deadline, so the public page and the close-rounds job read one index partition.
 */
export const roundItem = {
  key: (tenantId: TenantId, roundId: string): ItemKey => ({ PK: roundItem.partitionOf(tenantId), SK: `${roundSortKeyPrefix}${roundId}` }),
  /** The partition holding every round of one tenant. */
  partitionOf: (tenantId: TenantId) => `${tenantPrefix(tenantId)}ROUNDS`,
  sortKeyPrefix: roundSortKeyPrefix,
  openCallsList,
  publishedCallsList,
  /**
   * `byList` keys: an open call is on the list of open calls by deadline, a published one on the
   * list of calls waiting to open by opening time (the opening job's); any other is on no list.
   */
  closedRoundsList,
  /** The `byList` sort key of an open or closed call: its deadline first, so "deadline before" is a key condition. */
  listSortKey: (call: Pick<Call, 'deadline' | 'tenantId' | 'roundId'>) => `${call.deadline}#${call.tenantId}#${call.roundId}`,
  listKeys: (call: Call): Item =>
    call.status === 'open'
      ? { GSI1PK: openCallsList, GSI1SK: roundItem.listSortKey(call) }
      : call.status === 'closed'
        ? { GSI1PK: closedRoundsList, GSI1SK: roundItem.listSortKey(call) }
      : call.status === 'published'
        ? { GSI1PK: publishedCallsList, GSI1SK: `${call.opensAt}#${call.tenantId}#${call.roundId}` }
        : {},
  /** The names of the `byList` keys, removed when the round leaves the list of open calls. */
  listKeyNames: ['GSI1PK', 'GSI1SK'] as const,
  /** A new round at version 1: the first conditional update of its status expects that. */
  toItem: (call: Call): Item => ({ ...roundItem.key(call.tenantId, call.roundId), ...roundItem.listKeys(call), entity: 'round', version: 1, ...call }),
  /** A round's item at `version`, e.g. the next version of a changed round. */
  toItemAt: (call: Call, version: number, updatedAt: string): Item => ({ ...roundItem.toItem(call), version, updatedAt }),
  fromItem: (item: Item): Call => callSchema.parse(item),
  /** The version the next conditional update of the round must expect. */
  versionOf(item: Item): number {
    const version = item.version;
    if (typeof version !== 'number' || !Number.isInteger(version)) {
      throw new Error(`Round item ${String(item.PK)} ${String(item.SK)} has no integer version`);
    }
    return version;
  },
};
