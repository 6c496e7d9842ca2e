import { readFileSync } from 'node:fs';
import { ulid } from 'ulid';
import { kroner } from '../../shared/kernel/money';
import { NATIONAL_TENANT_ID } from '../../shared/kernel/tenants';
import type { AllocationRepository, BudgetRepository, TenantRepository } from '../../shared/national/ports';
import { importDistributionKey } from '../../shared/national/use-cases/import-distribution-key';
import { publishAllocation } from '../../shared/national/use-cases/publish-allocation';
import type { RuleSetRepository } from '../../shared/rules/ports';
import { UnknownGrantYearError } from '../../shared/rules/rule-set-for';
import { ruleSetsFrom } from '../../shared/rules/rule-sets';
import { assignmentLetterEmail } from '../../web/emails/assignment-letter';

/** The national frame of the demo years: the published frame of 2023 and 2024. */
const DEMO_NATIONAL_FRAME = kroner(132_500_000);

/**
 * Publishes the allocation of each of `years` that has rules and no version yet, from the
 * illustrative key in `data/demo-distribution-key.csv`, through the same use cases IMDi uses, so
 * every demo workspace has a frame. A year whose key misses a managing municipality is left alone.
 */
export async function publishDemoAllocations(
  repositories: { tenants: TenantRepository; budget: BudgetRepository; allocations: AllocationRepository; ruleSets: RuleSetRepository },
  options: { now: Date; years: readonly number[]; keyPath?: string },
): Promise<number[]> {
  const bytes = readFileSync(options.keyPath ?? 'data/demo-distribution-key.csv');
  const published: number[] = [];
  for (const year of options.years) {
    let rules;
    try {
      // The year's rules as IMDi last saved them (the code default until then).
      rules = (await ruleSetsFrom(repositories.ruleSets).current(year)).ruleSet;
    } catch (error) {
      if (error instanceof UnknownGrantYearError) continue;
      throw error;
    }
    if (await repositories.allocations.latest(year)) continue;
    const { proposal } = await importDistributionKey(repositories, { grantYear: year, bytes, rules, nationalFrame: DEMO_NATIONAL_FRAME });
    if (!proposal) continue;
    await publishAllocation(
      {
        ...repositories,
        clock: () => options.now,
        newId: ulid,
        composeLetter: (version, frame, previousFrame) =>
          assignmentLetterEmail({ grantYear: year, version: version.version, frame, previousFrame, reason: version.reason, rules }),
      },
      { proposal, publisher: { userId: 'demo-data', tenantId: NATIONAL_TENANT_ID } },
    );
    published.push(year);
  }
  return published;
}
