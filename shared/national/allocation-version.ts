/**
 * A year's allocation as IMDi publishes it: the national frame split between IMDi and the municipal
 * pool, every managing municipality's frame and admin-cost cap, and how each was reached. A published
 * version never changes; a correction (an extra grant in the revised budget, a corrected key) is the
 * next version, shown with its difference to the one before.
 */
import { kroner, sum, type Kroner } from '../kernel/money.js';
import type { TenantId } from '../kernel/tenants.js';
import { allocateFrames, splitNationalFrame, type AllocationLine, type NationalSplit } from '../rules/allocation.js';
import { adminCostCap } from '../rules/budget.js';
import type { RuleSet } from '../rules/rule-set.js';
import type { KeyMatch } from './key-matching.js';

/** One municipality's frame in a version, with the line that explains it. */
export interface MunicipalFrame extends AllocationLine {
  readonly tenantId: TenantId;
  readonly name: string;
  /** What the municipality may keep for its own administration (5 % in 2023, half up). */
  readonly adminCap: Kroner;
}

/** A computed allocation, ready to be reviewed and published. */
export interface AllocationProposal {
  readonly grantYear: number;
  readonly split: NationalSplit;
  readonly frames: readonly MunicipalFrame[];
  /** Σ frames: always equal to the municipal pool. */
  readonly framesTotal: Kroner;
  readonly adminCapsTotal: Kroner;
}

/** A published allocation: immutable, numbered from 1 within its grant year. */
export interface AllocationVersion extends AllocationProposal {
  readonly version: number;
  readonly publishedAt: string;
  /** Who published it (a user id, never a name). */
  readonly publishedBy: string;
  /** Why a correction was made; empty for the first version. */
  readonly reason: string;
}

/** How one municipality's frame moved between two versions. */
export interface FrameChange {
  readonly tenantId: TenantId;
  readonly name: string;
  readonly before: Kroner;
  readonly after: Kroner;
  /** after − before; negative when the frame shrank. */
  readonly change: number;
}

/**
 * Computes the allocation of `nationalFrame` among the matched municipalities by their keys, under
 * the year's rules. Throws the allocation's errors for a frame or keys that cannot be divided.
 */
export function proposeAllocation(
  grantYear: number,
  nationalFrame: Kroner,
  rules: Pick<RuleSet, 'municipalShare' | 'splitRounding' | 'adminCostCap'>,
  keys: readonly KeyMatch[],
): AllocationProposal {
  const split = splitNationalFrame(nationalFrame, rules);
  const allocation = allocateFrames({
    pool: split.municipalPool,
    municipalities: keys.map((match) => ({ kommunenummer: match.kommunenummer, key: match.key })),
  });
  const byNumber = new Map(keys.map((match) => [match.kommunenummer as string, match]));
  const frames = allocation.lines.map((line) => {
    const match = byNumber.get(line.kommunenummer)!;
    return { ...line, tenantId: match.tenantId, name: match.name, adminCap: adminCostCap(rules, line.frame) };
  });
  return {
    grantYear,
    split,
    frames,
    framesTotal: sum(frames.map((frame) => frame.frame)),
    adminCapsTotal: sum(frames.map((frame) => frame.adminCap)),
  };
}

/**
 * The version that publishing `proposal` creates after `previous` (none for the year's first).
 * Numbering is what makes two concurrent publishes safe: the store writes version n + 1 only if
 * it does not exist yet, so one of them wins and the other is told.
 */
export function nextAllocationVersion(
  proposal: AllocationProposal,
  previous: AllocationVersion | undefined,
  publishing: { readonly at: string; readonly by: string; readonly reason?: string },
): AllocationVersion {
  return {
    ...proposal,
    version: (previous?.version ?? 0) + 1,
    publishedAt: publishing.at,
    publishedBy: publishing.by,
    reason: publishing.reason?.trim() ?? '',
  };
}

/**
 * Every municipality whose frame differs between two versions, including one added (before 0) or
 * no longer in the allocation (after 0), ordered by name.
 */
export function frameChanges(previous: AllocationProposal | undefined, next: AllocationProposal): FrameChange[] {
  const before = new Map((previous?.frames ?? []).map((frame) => [frame.tenantId as string, frame]));
  const after = new Map(next.frames.map((frame) => [frame.tenantId as string, frame]));
  const tenantIds = new Set([...before.keys(), ...after.keys()]);
  const changes: FrameChange[] = [];
  for (const tenantId of tenantIds) {
    const old = before.get(tenantId);
    const current = after.get(tenantId);
    const from = old?.frame ?? kroner(0);
    const to = current?.frame ?? kroner(0);
    if (from === to) continue;
    changes.push({ tenantId: tenantId as TenantId, name: (current ?? old)!.name, before: from, after: to, change: to - from });
  }
  return changes.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
