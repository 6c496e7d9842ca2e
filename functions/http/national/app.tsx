import { except } from 'hono/combine';
import type { Authentication } from '../common/authentication';
import type { Logger } from '../common/logger';
import { bearerSecurityScheme } from '../common/openapi-problem';
import { createSignedInApp } from '../common/signed-in-app';
import { allocationCompletionApiRoutes } from './routes/allocation-completion-api';
import { allocationPageRoutes, type AllocationPagesData } from './routes/allocation-pages';
import { allocationsApiRoutes, type AllocationsData } from './routes/allocations-api';
import { auditRoutes, type AuditData } from './routes/audit';
import { dashboardRoutes, type DashboardData } from './routes/dashboard';
import { overviewRoutes, type OverviewData } from './routes/overview';
import { registerRoutes } from './routes/register';
import { registerApiRoutes, type RegisterData } from './routes/register-api';
import { ruleSetsApiRoutes } from './routes/rule-sets-api';
import { ruleSetPageRoutes, type RuleSetPageData } from './routes/rule-sets';
import { yearCloseRoutes, type YearCloseData } from './routes/year-close';
import { yearReportsRoutes, type YearReportsData } from './routes/year-reports';

/** What the national (IMDi) app needs from the outside world. */
export interface NationalDependencies
  extends OverviewData,
    Omit<AllocationsData, 'tenants' | 'ruleSets' | 'budget'>,
    Omit<RuleSetPageData, 'tenants'>,
    Pick<AllocationPagesData, 'allocationDrafts'>,
    Omit<YearCloseData, 'tenants' | 'budget' | 'ruleSets'>,
    Omit<AuditData, 'tenants'>,
    Omit<YearReportsData, 'tenants'>,
    Omit<DashboardData, 'tenants' | 'yearReports' | 'budget'> {
  budget: AllocationsData['budget'] & DashboardData['budget'];
  tenants: OverviewData['tenants'] & AllocationsData['tenants'] & RegisterData['tenants'];
  auth: Authentication;
  logger: Logger;
  baseUrl: string;
}

/**
 * The national app for IMDi's administrators: the tenant register and each administrator's rounds
 * by status, and setting up a year: the national rules, the distribution key, the allocation and the budget positions; and reading
 * the municipalities' submitted year reports. Only the `national-admin` role gets in; officers get 403.
 */
export function createNationalApp(deps: NationalDependencies) {
  const { app, guard, openPaths } = createSignedInApp({ audience: 'national', roles: ['national-admin'], ...deps });
  app.use('/national/*', except(openPaths, guard));
  app.route('/', overviewRoutes(deps));
  app.route('/', allocationsApiRoutes(deps));
  app.route('/', registerApiRoutes(deps));
  app.route('/', registerRoutes(deps));
  app.route('/', ruleSetsApiRoutes(deps));
  app.route('/', ruleSetPageRoutes(deps));
  app.route('/', allocationCompletionApiRoutes(deps));
  app.route('/', allocationPageRoutes(deps));
  app.route('/', yearCloseRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', yearReportsRoutes(deps));
  app.route('/', dashboardRoutes(deps));

  app.openAPIRegistry.registerComponent(
    'securitySchemes',
    'bearerAuth',
    bearerSecurityScheme('The ID token from the OIDC sign-in (Cognito), with `national-admin` in cognito:groups.'),
  );
  app.doc31('/national/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Fordel national API', version: '1.0.0', description: 'The tenant register, the administrators’ rounds, each year’s national rules, distribution key, allocation, budget positions and year close, the municipalities’ year reports, and the audit trail, for IMDi.' },
  });

  return app;
}
