import type { Application } from '../../../shared/applications/application';
import type { Orgnr } from '../../../shared/kernel/orgnr';
import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * An application. It is its own partition, so its attachments and history can join it later. It
 * sits in three indexes: `byList` under its round, sorted by status, for the officer's lists;
 * `byOrganisation` under its orgnr, across tenants and years, for prefill and resume; and `byYear`
 * under `T#<tenantId>#ORG#<orgnr>`, the same organisation's applications in one tenant, for the case
 * page's earlier applications. That last key starts with the tenant prefix, so the officer session
 * role reads it, while `byOrganisation` (`ORG#<orgnr>`, every tenant's) stays out of its reach.
 */
export const applicationItem = {
  key: (tenantId: TenantId, applicationId: string): ItemKey => ({ PK: `${tenantPrefix(tenantId)}APP#${applicationId}`, SK: 'APP' }),
  /** The `byList` partition of one round's applications. */
  roundList: (tenantId: TenantId, roundId: string) => `${tenantPrefix(tenantId)}ROUND#${roundId}#APPS`,
  /** The `byOrganisation` partition of one organisation's applications. */
  organisationList: (orgnr: Orgnr) => `ORG#${orgnr}`,
  /** The `byYear` partition of one organisation's applications in one tenant, every year. */
  tenantOrganisationList: (tenantId: TenantId, orgnr: Orgnr) => `${tenantPrefix(tenantId)}ORG#${orgnr}`,
  indexKeys: (application: Application) => ({
    GSI1PK: applicationItem.roundList(application.tenantId, application.roundId),
    GSI1SK: `${application.status}#${application.applicationId}`,
    GSI2PK: applicationItem.organisationList(application.orgnr),
    GSI2SK: `${application.grantYear}#${application.tenantId}#${application.applicationId}`,
    GSI3PK: applicationItem.tenantOrganisationList(application.tenantId, application.orgnr),
    GSI3SK: `${application.grantYear}#${application.applicationId}`,
  }),
  toItem: (application: Application): Item => ({
    ...applicationItem.key(application.tenantId, application.applicationId),
    ...applicationItem.indexKeys(application),
    entity: 'application',
    ...application,
  }),
  fromItem: (item: Item): Application => withoutPlacement(item) as unknown as Application,
  /** Attributes that hold personal data; the retention job removes exactly these. */
  personalAttributes: ['email', 'contact'] as const,
};
