import { except } from 'hono/combine';
import type { TenantId } from '../../../shared/kernel/tenants';
import { officerRoles } from '../../../shared/officers/permissions';
import type { Authentication } from '../common/authentication';
import type { Logger } from '../common/logger';
import { bearerSecurityScheme } from '../common/openapi-problem';
import { createSignedInApp } from '../common/signed-in-app';
import { tenantData, type OfficerData } from './officer-data';
import { adminReservationRoutes } from './routes/admin-reservation-form';
import { budgetApiRoutes } from './routes/budget-api';
import { decisionRoutes } from './routes/decisions';
import { letterRoutes } from './routes/letter';
import { roundsApiRoutes } from './routes/rounds-api';
import { workspaceRoutes } from './routes/workspace';

export type { OfficerData } from './officer-data';

/** What the officer app needs from the outside world. */
export interface OfficerDependencies {
  /** The repositories one signed-in tenant's requests may read. */
  forTenant: (tenantId: TenantId) => OfficerData;
  auth: Authentication;
  logger: Logger;
  /** Public address of the app; sign-in redirects come back to it. */
  baseUrl: string;
}

/**
 * The officer app: a managing municipality's workspace (pages and JSON API) behind OIDC sign-in.
 * Every read is keyed by the tenant in the verified token, so a round id of another municipality
 * simply does not exist here: 404, never 403, so the answer does not confirm that it exists.
 */
export function createOfficerApp(deps: OfficerDependencies) {
  const { app, guard, openPaths } = createSignedInApp({ audience: 'officer', roles: officerRoles, ...deps });
  app.use('/officer/*', except(openPaths, guard, tenantData(deps.forTenant)));
  app.route('/', workspaceRoutes());
  app.route('/', adminReservationRoutes());
  app.route('/', roundsApiRoutes());
  app.route('/', budgetApiRoutes());
  app.route('/', decisionRoutes());
  app.route('/', letterRoutes());

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
