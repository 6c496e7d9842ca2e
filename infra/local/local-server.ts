import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createAdapters } from '../../functions/adapters';
import type { Config } from '../../functions/config';
import { createLogger } from '../../functions/http/common/logger';
import { createApplicantApp } from '../../functions/http/applicant/app';
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
  root.route(
    '/',
    createApplicantApp({
      calls: adapters.calls,
      health: adapters.health,
      logger: logger.child({ app: 'applicant' }),
      baseUrl: config.APP_BASE_URL,
    }),
  );
  return { app: root, adapters };
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
