import type { Kroner } from '../../kernel/money.js';
import { kroner } from '../../kernel/money.js';
import type { Clock, IdGenerator } from '../../kernel/ports.js';
import type { Tenant, TenantId } from '../../kernel/tenants.js';
import type { OutgoingMessage } from '../../outbox/outbox.js';
import { AllocationVersionNotFoundError } from '../allocation-errors.js';
import { frameChanges, nextAllocationVersion, type AllocationProposal, type AllocationVersion, type FrameChange, type MunicipalFrame } from '../allocation-version.js';
import { correctFrame, emptyPosition } from '../budget-position.js';
import type { AllocationRepository, BudgetRepository, StoredAllocationVersion, TenantRepository } from '../ports.js';

/** What {@link publishAllocation} needs. */
export interface PublishAllocationDeps {
  readonly allocations: AllocationRepository;
  readonly budget: Pick<BudgetRepository, 'get' | 'setFrame'>;
  readonly tenants: Pick<TenantRepository, 'list'>;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  /** The assignment letter of one municipality in one version (made in `web/emails`). */
  readonly composeLetter: (version: AllocationVersion, frame: MunicipalFrame, previousFrame: Kroner | undefined) => { subject: string; text: string };
}

/** Who publishes: a user of IMDi's tenant. */
export interface Publisher {
  readonly userId: string;
  readonly tenantId: TenantId;
}

/** A published version and how its frames moved from the version before. */
export interface PublishedAllocation {
  readonly version: StoredAllocationVersion;
  readonly changes: readonly FrameChange[];
}

/** A municipality's frame in `version`, with one at 0 for a municipality the version leaves out. */
function framesToApply(version: AllocationProposal, previous: AllocationProposal | undefined): MunicipalFrame[] {
  const present = new Set(version.frames.map((frame) => frame.tenantId));
  const dropped = (previous?.frames ?? []).filter((frame) => !present.has(frame.tenantId));
  return [...version.frames, ...dropped.map((frame) => ({ ...frame, frame: kroner(0), adminCap: kroner(0) }))];
}

/** Runs `work` over `items`, a few at a time, so 40 municipalities take a handful of round trips. */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}

/**
 * Writes every municipality's frame of `version` to its budget position with its assignment letter.
 * Each position is one transaction, skipped when it already holds this version, so running this
 * again after a crash finishes the publish without applying a frame or sending a letter twice.
 */
async function applyVersion(deps: PublishAllocationDeps, version: StoredAllocationVersion, previous: AllocationProposal | undefined, sender: TenantId): Promise<void> {
  const contacts = new Map((await deps.tenants.list()).map((tenant: Tenant) => [tenant.tenantId as string, tenant.contactEmail]));
  const before = new Map((previous?.frames ?? []).map((frame) => [frame.tenantId as string, frame.frame]));
  const at = deps.clock().toISOString();
  await inBatches(framesToApply(version, previous), 8, async (frame) => {
    const to = contacts.get(frame.tenantId);
    const letter: OutgoingMessage | undefined = to && frame.frame > 0
      ? {
          messageId: deps.newId(), tenantId: sender, kind: 'assignment-letter', to, createdAt: at,
          relatedKey: `ALLOCATION#${version.grantYear}#${version.version}`,
          ...deps.composeLetter(version, frame, before.get(frame.tenantId)),
        }
      : undefined;
    await deps.budget.setFrame({
      tenantId: frame.tenantId, name: frame.name, grantYear: version.grantYear, frame: frame.frame, adminCap: frame.adminCap,
      allocationVersion: version.version, publishedAt: version.publishedAt,
    }, letter);
  });
  await deps.allocations.markPublished(version.grantYear, version.version);
}

/** Whether two proposals give the same money: a retried publish rather than a new one. */
function sameAllocation(a: AllocationProposal, b: AllocationProposal): boolean {
  return a.split.frame === b.split.frame && frameChanges(a, b).length === 0 && a.frames.length === b.frames.length
    && a.frames.every((frame, i) => frame.adminCap === b.frames[i]?.adminCap);
}

/**
 * IMDi publishes a year's allocation: the frame of every managing municipality, its admin cap and
 * its assignment letter.
 *
 * Primary course: each position is checked against the new frames first, so a refused correction
 * writes nothing; then version n + 1 is written with its audit event (only if that number is
 * free), then each municipality's position gets its frame with the letter to the tenant's contact
 * address (sent from IMDi's outbox), one transaction per municipality; then the version is marked
 * published.
 *
 * Alternatives:
 * - A correction would take a municipality's frame below what it has awarded and reserved, or its
 *   cap below its reservation: `FrameBelowCommittedError` / `AdminCapBelowReservedError` naming the
 *   municipality; nothing is written.
 * - Another administrator publishes at the same moment: one gets the number, the other
 *   `AllocationPublishedMeanwhileError`.
 * - The year's latest version was never finished (a crash mid-way): it is finished first; if the
 *   proposal is the same allocation, that version is the result and nothing new is published.
 * - A municipality without a contact address gets its frame without a letter.
 */
export async function publishAllocation(
  deps: PublishAllocationDeps,
  input: { readonly proposal: AllocationProposal; readonly publisher: Publisher; readonly reason?: string },
): Promise<PublishedAllocation> {
  const { proposal } = input;
  const versions = await deps.allocations.list(proposal.grantYear);
  const latest = versions.at(-1);
  const beforeLatest = versions.at(-2);
  if (latest?.status === 'applying') {
    await applyVersion(deps, latest, beforeLatest, input.publisher.tenantId);
    if (sameAllocation(latest, proposal)) return { version: { ...latest, status: 'published' }, changes: frameChanges(beforeLatest, latest) };
  }

  const refusals = await Promise.all(framesToApply(proposal, latest).map(async (frame) => {
    const position = (await deps.budget.get(frame.tenantId, proposal.grantYear)) ?? emptyPosition(frame.tenantId, proposal.grantYear);
    const checked = correctFrame(position, { municipality: frame.name, frame: frame.frame, adminCap: frame.adminCap });
    return checked.ok ? undefined : checked.error;
  }));
  const refusal = refusals.find((error) => error !== undefined);
  if (refusal) throw refusal;

  const version = nextAllocationVersion(proposal, latest, { at: deps.clock().toISOString(), by: input.publisher.userId, reason: input.reason });
  const created = await deps.allocations.create(version, { tenantId: input.publisher.tenantId, eventId: deps.newId() });
  await applyVersion(deps, created, latest, input.publisher.tenantId);
  return { version: { ...created, status: 'published' }, changes: frameChanges(latest, proposal) };
}

/**
 * IMDi finishes publishing a version that was left `applying`: a publish stopped half-way (a crash,
 * or a municipality's award raced a lower frame and the publish was refused mid-way).
 *
 * Primary course: every municipality's position that does not yet hold the version gets its frame
 * and letter, as the publish would have given them, and the version is marked published. Running
 * it again, or on a version already published, changes nothing.
 *
 * Alternatives:
 * - No such version: `AllocationVersionNotFoundError`.
 * - A municipality has meanwhile committed more than the version's frame: its
 *   `FrameBelowCommittedError` / `AdminCapBelowReservedError`; the version stays `applying`, and a
 *   correction (a new version) is the way on.
 */
export async function completeAllocation(
  deps: PublishAllocationDeps,
  input: { readonly grantYear: number; readonly version: number; readonly publisher: Publisher },
): Promise<PublishedAllocation> {
  const versions = await deps.allocations.list(input.grantYear);
  const index = versions.findIndex((candidate) => candidate.version === input.version);
  const version = versions[index];
  if (!version) throw new AllocationVersionNotFoundError(input.grantYear, input.version);
  const previous = versions[index - 1];
  if (version.status === 'applying') await applyVersion(deps, version, previous, input.publisher.tenantId);
  return { version: { ...version, status: 'published' }, changes: frameChanges(previous, version) };
}
