import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createAdapters } from '../../functions/adapters';
import type { Config } from '../../functions/config';
import { createAuthentication } from '../../functions/http/common/authentication';
import { createLogger } from '../../functions/http/common/logger';
import { createNationalApp } from '../../functions/http/national/app';
import { createOfficerApp } from '../../functions/http/officer/app';
import { createLocalIdentityProvider, demoUsersOf, type LocalIdentityProvider } from './identity-provider';
import { applicantApp } from '../../functions/compose';
import { copyDesignSystem } from './copy-design-system.mjs';
import { LocalEnvironmentError } from './local-error';

/**
 * The local composition root: the same Hono apps as the Lambdas, mounted together on one port,
 * plus the static assets that CloudFront serves from S3 in AWS.
 */
export function createLocalApp(config: Config) {
  copyDesignSystem();
  const adapters = createAdapters(config);
  const logger = createLogger(config.LOG_LEVEL);
  const root = new Hono();
  root.use('/static/*', serveStatic({ root: 'web/' }));
  const identityProvider = mountSignedInApps(root, config, adapters, logger);
  if (!config.MAGIC_LINK_SECRET) throw new LocalEnvironmentError('MAGIC_LINK_SECRET is not set for the local server.');
  const applicant = applicantApp(config, adapters, logger.child({ app: 'applicant' }), config.MAGIC_LINK_SECRET);
  root.route('/', applicant);
  // A path no app answers gets the applicant app's own 404 page or problem, not Hono's bare text.
  root.notFound((c) => applicant.fetch(c.req.raw, c.env));
  return { app: root, adapters, identityProvider };
}

/** The client id the local identity provider issues tokens to, unless AUTH_CLIENT_ID says otherwise. */
export const LOCAL_CLIENT_ID = 'fordel-local';

/** The local identity provider's issuer URL for a base URL: mounted under `/local-idp`. */
export function localIssuer(appBaseUrl: string): string {
  return `${appBaseUrl.replace(/\/+$/, '')}/local-idp`;
}

/**
 * The officer and national apps, and (when AUTH_ISSUER points at it, the default) the local
 * identity provider. Each app answers its own path prefix through its own `fetch`, as API Gateway
 * routes to separate Lambdas, so one app's middleware never runs for another's requests.
 * Registered before the applicant app, whose catch-all would otherwise see these paths first.
 */
function mountSignedInApps(root: Hono, config: Config, adapters: ReturnType<typeof createAdapters>, logger: ReturnType<typeof createLogger>) {
  const issuer = (config.AUTH_ISSUER ?? localIssuer(config.APP_BASE_URL)).replace(/\/+$/, '');
  const clientId = config.AUTH_CLIENT_ID ?? LOCAL_CLIENT_ID;
  let identityProvider: LocalIdentityProvider | undefined;
  if (issuer === localIssuer(config.APP_BASE_URL)) {
    const idp = createLocalIdentityProvider({
      issuer,
      clientId,
      // The same callback paths the CDK auth stack registers with Cognito (OIDC_CALLBACK_PATHS).
      redirectUris: ['officer', 'national'].map((audience) => `${config.APP_BASE_URL.replace(/\/+$/, '')}/${audience}/auth/callback`),
      users: async () => demoUsersOf(await adapters.tenants.list()),
      logger: logger.child({ app: 'local-idp' }),
    });
    root.all('/local-idp/*', (c) => idp.app.fetch(c.req.raw));
    identityProvider = idp;
  }
  const auth = createAuthentication({ issuer, clientId, clientSecret: config.AUTH_CLIENT_SECRET });
  const common = { calls: adapters.calls, tenants: adapters.tenants, auth, baseUrl: config.APP_BASE_URL };
  const forTenant = () => ({ calls: adapters.calls, applications: adapters.applications, tenants: adapters.tenants });
  const officer = createOfficerApp({ ...common, forTenant, logger: logger.child({ app: 'officer' }) });
  const national = createNationalApp({ ...common, logger: logger.child({ app: 'national' }) });
  for (const [prefix, app] of [['/officer', officer], ['/national', national]] as const) {
    root.all(prefix, (c) => app.fetch(c.req.raw));
    root.all(`${prefix}/*`, (c) => app.fetch(c.req.raw));
  }
  return identityProvider;
}

/** Serves the local app; resolves once it listens, or fails with a one-line reason. */
export function listen(app: Hono, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '0.0.0.0' }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalEnvironmentError(`Port ${port} is already in use; stop the program using it or choose another: PORT=${port + 100} npm start`)
          : error,
      );
    });
  });
}
