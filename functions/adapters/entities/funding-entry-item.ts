import type { FundingEntry } from '../../../shared/applications/funding-index';
import type { Orgnr } from '../../../shared/kernel/orgnr';
import type { TenantId } from '../../../shared/kernel/tenants';
import { withoutPlacement, type Item, type ItemKey } from './item';

/** The attributes an entry holds; nothing else is ever written to the index (no personal data). */
const entryAttributes = [
  'orgnr', 'grantYear', 'tenantId', 'applicationId', 'tenantName', 'roundId', 'reference', 'status', 'amountApplied', 'amountAwarded', 'subGoals', 'isOperatingGrant',
] as const satisfies readonly (keyof FundingEntry)[];

/**
 * An entry of the cross-tenant funding index: `FUNDING#<orgnr>` / `<year>#<tenantId>#<applicationId>`,
 * so one Query reads an organisation's applications of one year in every municipality and at IMDi.
 * It is outside every tenant's prefix on purpose; the officer role may only Query it, and the
 * applicant session role only put its own application's entry (`infra/constructs/audience-access.ts`).
 */
export const fundingEntryItem = {
  partitionOf: (orgnr: Orgnr) => `FUNDING#${orgnr}`,
  key: (orgnr: Orgnr, grantYear: number, tenantId: TenantId, applicationId: string): ItemKey => ({
    PK: fundingEntryItem.partitionOf(orgnr),
    SK: `${grantYear}#${tenantId}#${applicationId}`,
  }),
  toItem(entry: FundingEntry): Item {
    const fields = Object.fromEntries(entryAttributes.filter((name) => entry[name] !== undefined).map((name) => [name, entry[name]]));
    return { ...fundingEntryItem.key(entry.orgnr, entry.grantYear, entry.tenantId, entry.applicationId), entity: 'funding-entry', ...fields };
  },
  fromItem(item: Item): FundingEntry {
    const fields = withoutPlacement(item);
    return Object.fromEntries(entryAttributes.filter((name) => fields[name] !== undefined).map((name) => [name, fields[name]])) as unknown as FundingEntry;
  },
};
