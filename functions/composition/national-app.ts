import { authSettingsFrom, createAuthentication, type Authentication } from '../http/common/authentication';
import { ulid } from 'ulid';
import { createNationalApp } from '../http/national/app';
import type { CompositionRoot } from './root';
import { ruleSetsFrom } from '../../shared/rules/rule-sets';

/** IMDi's national app; the local server passes the authentication it shares with the officer app. */
export function nationalApp(root: CompositionRoot, auth: Authentication = createAuthentication(authSettingsFrom(root.config), root.adapters.revokedTokens)) {
  return createNationalApp({
    calls: root.adapters.calls,
    tenants: root.adapters.tenants,
    budget: root.adapters.budget,
    allocations: root.adapters.allocations,
    ruleSetRepository: root.adapters.ruleSets,
    ruleSets: ruleSetsFrom(root.adapters.ruleSets),
    allocationDrafts: root.adapters.allocationDrafts,
    yearClose: root.adapters.yearClose,
    auditTrail: root.adapters.auditTrail,
    yearReports: root.adapters.yearReports,
    aggregates: root.adapters.aggregates,
    clock: root.clock,
    newId: ulid,
    auth,
    logger: root.logger.child({ app: 'national' }),
    baseUrl: root.config.APP_BASE_URL,
  });
}
