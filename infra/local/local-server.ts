import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { applicantApp, createCompositionRoot, nationalApp, officerApp, type CompositionRoot, type Config } from '../../functions/composition';
import { createAuthentication } from '../../functions/http/common/authentication';
import { createLocalIdentityProvider, demoUsersOf, type LocalIdentityProvider } from './identity-provider';
import { copyDesignSystem } from './copy-design-system.mjs';
import { LocalEnvironmentError } from './local-error';

/**
 * The local server: the same Hono apps as the Lambdas, built by the same composition root and
 * mounted together on one port, plus the static assets that CloudFront serves from S3 in AWS.
 */
export function createLocalApp(config: Config) {
  copyDesignSystem();
  const compositionRoot = createCompositionRoot(config);
  const app = new Hono();
  app.use('/static/*', serveStatic({ root: 'web/' }));
  const identityProvider = mountSignedInApps(app, compositionRoot);
  if (!config.MAGIC_LINK_SECRET) throw new LocalEnvironmentError('MAGIC_LINK_SECRET is not set for the local server.');
  // A rotation can be tried locally with MAGIC_LINK_SECRET_PREVIOUS, as the AWS secret's `previous`.
  const keys = config.MAGIC_LINK_SECRET_PREVIOUS ? { current: config.MAGIC_LINK_SECRET, previous: config.MAGIC_LINK_SECRET_PREVIOUS } : config.MAGIC_LINK_SECRET;
  const applicant = applicantApp(compositionRoot, keys);
  app.route('/', applicant);
  // A path no app answers gets the applicant app's own 404 page or problem, not Hono's bare text.
  app.notFound((c) => applicant.fetch(c.req.raw, c.env));
  return { app, adapters: compositionRoot.adapters, compositionRoot, identityProvider };
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
function mountSignedInApps(root: Hono, compositionRoot: CompositionRoot) {
  const { config, adapters, logger } = compositionRoot;
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
  const auth = createAuthentication({ issuer, clientId, clientSecret: config.AUTH_CLIENT_SECRET }, adapters.revokedTokens);
  const apps = [
    ['/officer', officerApp(compositionRoot, auth)],
    ['/national', nationalApp(compositionRoot, auth)],
  ] as const;
  for (const [prefix, app] of apps) {
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
