import type { Application } from '../../../shared/applications/application';
import type { AppealRegisterEntry } from '../../../shared/appeals/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import { applicationItem } from './application-item';
import type { Item, ItemKey } from './item';

/**
 * An appeal's line in the municipality's appeal register: a small item in the application's own
 * partition, one per appealed decision (`APPEAL#<decisionId>`), written with every step of the
 * appeal in the step's transaction. It is the `byList` entry under `T#<tenantId>#APPEALS`, sorted
 * by when the appeal was lodged, so the register is one query that stays inside the tenant's
 * prefix; the appeal itself lives on the application item, whose index slots are taken.
 */
export const appealRegisterItem = {
  key: (tenantId: TenantId, applicationId: string, decisionId: string): ItemKey => ({
    PK: applicationItem.key(tenantId, applicationId).PK,
    SK: `APPEAL#${decisionId}`,
  }),
  /** The `byList` partition of one municipality's appeals. */
  list: (tenantId: TenantId) => `${tenantPrefix(tenantId)}APPEALS`,
  /** The register line of the application's current appeal. */
  toItem: (application: Application): Item => {
    const appeal = application.appeal!;
    return {
      ...appealRegisterItem.key(application.tenantId, application.applicationId, appeal.decisionId),
      GSI1PK: appealRegisterItem.list(application.tenantId),
      GSI1SK: `${appeal.lodgedAt}#${application.applicationId}`,
      entity: 'appeal-register-entry',
      tenantId: application.tenantId,
      applicationId: application.applicationId,
      reference: application.reference,
      organisationName: application.organisationName,
      roundId: application.roundId,
      appealId: appeal.appealId,
      status: appeal.status,
      lodgedAt: appeal.lodgedAt,
      late: appeal.late,
      decisionOutcome: appeal.decisionOutcome,
    };
  },
  fromItem: (item: Item): AppealRegisterEntry => ({
    tenantId: item.tenantId as TenantId,
    applicationId: String(item.applicationId),
    reference: String(item.reference),
    organisationName: String(item.organisationName),
    roundId: String(item.roundId),
    appealId: String(item.appealId),
    status: item.status as AppealRegisterEntry['status'],
    lodgedAt: String(item.lodgedAt),
    late: item.late === true,
    decisionOutcome: item.decisionOutcome as AppealRegisterEntry['decisionOutcome'],
  }),
};
