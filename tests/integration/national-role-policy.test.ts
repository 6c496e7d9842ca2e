/**
 * IMDi's year close, audit trail and national dashboard held to the national Lambda's role, as the construct builds it:
 * every DynamoDB request they make is evaluated against that policy before DynamoDB Local sees it,
 * so a write or read the role does not allow fails here as it would in AWS.
 */
import { describe, expect, it } from 'vitest';
import { createAuditTrailRepository } from '../../functions/adapters/audit-trail-repository';
import { createBudgetRepository } from '../../functions/adapters/budget-repository';
import { createDocumentClient } from '../../functions/adapters/dynamodb-client';
import { createYearCloseRepository } from '../../functions/adapters/year-close-repository';
import { createApplicationRepository } from '../../functions/adapters/application-repository';
import { createAggregateRepository } from '../../functions/adapters/aggregate-repository';
import { createYearReportRepository } from '../../functions/adapters/year-report-repository';
import { dashboardRoutes } from '../../functions/http/national/routes/dashboard';
import { ZERO_COUNTERS } from '../../shared/national/aggregates';
import { kroner } from '../../shared/kernel/money';
import type { Tenant } from '../../shared/kernel/tenants';
import { closeYear } from '../../shared/national/use-cases/close-year';
import { listAuditEvents } from '../../shared/national/use-cases/list-audit-events';
import { NATIONAL_FUNCTION_ROLE, audiencePolicies, tableArn } from '../support/audience-policies';
import { holdToPolicy } from '../support/iam-policy-middleware';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

const config = testConfig();
const policies = audiencePolicies(config.TABLE_NAME);
const db = createDocumentClient(config);
holdToPolicy(db, { policiesOf: (role) => policies[role] ?? [], sessionOf: () => ({ roleArn: NATIONAL_FUNCTION_ROLE, tags: {} }), tableArn });
const unheld = testAdapters(config);
const budget = createBudgetRepository(db, config.TABLE_NAME);
const clock = () => new Date('2028-01-03T09:00:00.000Z');

describe('the national role', () => {
  it('sets a frame, closes the year (both positions and the audit events) and reads the audit trail', async () => {
    // Prepare: an officer awards under its own role (unheld here)
    const tenantId = freshTenantId('np');
    const tenants: Tenant[] = [{ tenantId, kind: 'municipality', name: 'Kommune', kommunenummer: '3035', managingYears: [2027, 2028] }];
    await budget.setFrame({ tenantId, name: 'Kommune', grantYear: 2027, frame: kroner(40_000), adminCap: kroner(2_000), allocationVersion: 1 }, undefined);
    await unheld.budget.change(tenantId, 2027, 'award', kroner(15_000), 'officer-1');
    // Act
    const summary = await closeYear(
      { tenants: { list: async () => tenants }, budget, yearClose: createYearCloseRepository(db, config.TABLE_NAME), clock },
      { grantYear: 2027, policy: 'carry_over', actor: 'imdi-1' },
    );
    const trail = await listAuditEvents(
      { tenants: { list: async () => tenants }, auditTrail: createAuditTrailRepository(db, config.TABLE_NAME), clock },
      { kind: 'budget', from: '2020-01-01', to: '2100-12-31' },
    );
    // Assess
    expect(summary.closed.carriedOver).toBe(25_000);
    expect(trail.events.filter((event) => event.tenantId === tenantId).map((event) => event.action).sort()).toEqual(['award', 'carry_over', 'close']);
  });

  it('reads the national dashboard: the year’s aggregates by the roll-up index and the positions in one batch', async () => {
    // Prepare: a municipality with a frame and an application's counters, written under the officer's role (unheld here)
    const tenantId = freshTenantId('np');
    await budget.setFrame({ tenantId, name: 'Dashby', grantYear: 2031, frame: kroner(70_000), adminCap: kroner(3_500), allocationVersion: 1 }, undefined);
    await unheld.aggregates.reset(tenantId, 2031, { ...ZERO_COUNTERS, applicationsSubmitted: 1, amountApplied: 20_000 }, ZERO_COUNTERS);
    const register = { list: async (): Promise<Tenant[]> => [{ tenantId, kind: 'municipality', name: 'Dashby', kommunenummer: '3035', managingYears: [2031] }], getProfile: async () => undefined };
    const app = dashboardRoutes({ tenants: register, aggregates: createAggregateRepository(db, config.TABLE_NAME), budget, yearReports: createYearReportRepository(db, config.TABLE_NAME) });
    // Act
    const response = await app.request('/national/api/dashboard/2031');
    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ totals: { frame: 70_000, applications: 1, amountApplied: 20_000 } });
  });

  it('may not read a tenant’s applications', async () => {
    await expect(createApplicationRepository(db, config.TABLE_NAME).get(freshTenantId('np'), '01JD0000000000000000000000')).rejects.toThrow(/not authorized|refused|AccessDenied/i);
  });
});
