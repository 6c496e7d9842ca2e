import { except } from 'hono/combine';
import type { Clock } from '../../../shared/kernel/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import { officerRoles } from '../../../shared/officers/permissions';
import type { Authentication } from '../common/authentication';
import type { Logger } from '../common/logger';
import { bearerSecurityScheme } from '../common/openapi-problem';
import { createSignedInApp } from '../common/signed-in-app';
import { tenantData, type OfficerData } from './officer-data';
import { refuseRecused, refuseUnknownIds } from './permissions';
import { adminReservationRoutes } from './routes/admin-reservation-form';
import { assessmentApiRoutes } from './routes/assessment-api';
import { assessmentPageRoutes } from './routes/assessment-pages';
import { budgetApiRoutes } from './routes/budget-api';
import { caseApiRoutes } from './routes/case-api';
import { casePageRoutes } from './routes/case-page';
import { rankingRoutes } from './routes/ranking';
import { rankingApiRoutes } from './routes/ranking-api';
import { recommendationRoutes } from './routes/recommendation';
import { recommendationApiRoutes } from './routes/recommendation-api';
import { staffRoutes } from './routes/staff';
import { standardTextsRoutes } from './routes/standard-texts';
import { standardTextsApiRoutes } from './routes/standard-texts-api';
import { roundPageRoutes } from './routes/round-pages';
import { returnRoutes, type ReturnRouteOptions } from './routes/return-application';
import { decisionRoutes } from './routes/decisions';
import { letterRoutes } from './routes/letter';
import { reportReviewRoutes } from './routes/report-review';
import { appealPageRoutes } from './routes/appeals';
import { appealApiRoutes } from './routes/appeals-api';
import { roundsApiRoutes } from './routes/rounds-api';
import { recordStaffMember } from './staff-directory';
import { workspaceRoutes } from './routes/workspace';
import { paymentRoutes } from './routes/payments';
import { paymentApiRoutes } from './routes/payments-api';
import { yearReportRoutes } from './routes/year-reports';
import { yearReportApiRoutes } from './routes/year-reports-api';

export type { OfficerData } from './officer-data';

/** The case routes a user who declared a conflict of interest in the case may not post to (scoring, deciding, returning, handling an appeal, reviewing its report, paying). */
const recusalPaths = ['assessment', 'assessment/submission', 'recommendation', 'decision', 'return', 'appeal', 'appeal/steps', 'report/approve', 'report/return', 'payments'].flatMap((action) => [
  `/officer/applications/:applicationId/${action}`,
  `/officer/api/applications/:applicationId/${action}`,
]);

/** What the officer app needs from the outside world. */
export interface OfficerDependencies {
  /** The repositories one signed-in tenant's requests may read. */
  forTenant: (tenantId: TenantId) => OfficerData;
  auth: Authentication;
  logger: Logger;
  /** Public address of the app; sign-in redirects come back to it. */
  baseUrl: string;
  /**
   * Signs the single-use links emailed to applicants (a returned application's link to continue),
   * with the applicant app's keys and address. Without it the app offers no return for more information.
   */
  applicantLinks?: ReturnRouteOptions['applicantLinks'];
  /** The time the changes are stamped with; the process clock when left out. */
  clock?: Clock;
}

/**
 * The officer app: a managing municipality's workspace (pages and JSON API) behind OIDC sign-in.
 * Every read is keyed by the tenant in the verified token, so a round id of another municipality
 * simply does not exist here: 404, never 403, so the answer does not confirm that it exists.
 */
export function createOfficerApp(deps: OfficerDependencies) {
  const { app, guard, openPaths } = createSignedInApp({ audience: 'officer', roles: officerRoles, ...deps });
  app.use('/officer/*', except(openPaths, guard, tenantData(deps.forTenant), recordStaffMember(() => new Date())));
  app.use('/officer/api/rounds/:roundId/*', refuseUnknownIds());
  app.use('/officer/api/applications/:applicationId/*', refuseUnknownIds());
  // Every route that changes a case by scoring, recommending, deciding or returning it.
  for (const path of recusalPaths) app.use(path, refuseRecused());
  app.route('/', roundPageRoutes({ baseUrl: deps.baseUrl }));
  app.route('/', workspaceRoutes());
  app.route('/', adminReservationRoutes());
  app.route('/', roundsApiRoutes());
  app.route('/', budgetApiRoutes());
  app.route('/', casePageRoutes());
  app.route('/', caseApiRoutes());
  app.route('/', assessmentPageRoutes());
  app.route('/', assessmentApiRoutes());
  app.route('/', rankingRoutes());
  app.route('/', rankingApiRoutes());
  app.route('/', recommendationRoutes());
  app.route('/', recommendationApiRoutes());
  app.route('/', standardTextsRoutes());
  app.route('/', standardTextsApiRoutes());
  app.route('/', staffRoutes());
  if (deps.applicantLinks) app.route('/', returnRoutes({ applicantLinks: deps.applicantLinks, ...(deps.clock ? { clock: deps.clock } : {}) }));
  app.route('/', decisionRoutes());
  app.route('/', letterRoutes());
  app.route('/', paymentRoutes(deps.clock ? { clock: deps.clock } : {}));
  app.route('/', paymentApiRoutes(deps.clock ? { clock: deps.clock } : {}));
  app.route('/', reportReviewRoutes(deps.clock ? { clock: deps.clock } : {}));
  app.route('/', appealPageRoutes(deps.clock ? { clock: deps.clock } : {}));
  app.route('/', appealApiRoutes(deps.clock ? { clock: deps.clock } : {}));
  app.route('/', yearReportRoutes(deps.clock ? { clock: deps.clock } : {}));
  app.route('/', yearReportApiRoutes(deps.clock ? { clock: deps.clock } : {}));

  app.openAPIRegistry.registerComponent(
    'securitySchemes',
    'bearerAuth',
    bearerSecurityScheme('The ID token from the OIDC sign-in (Cognito); it carries custom:tenantId and cognito:groups.'),
  );
  app.doc31('/officer/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Fordel officer API',
      version: '1.0.0',
      description: "A managing municipality's rounds and budget. Sign in with OIDC; the municipality comes from the token.",
    },
  });

  return app;
}
