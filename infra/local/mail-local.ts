import type { Server } from 'node:http';
import sesStandIn from 'aws-ses-v2-local';
import { LocalEnvironmentError } from './local-error';

/** A running SES stand-in: the SES API and an inbox page on one port. */
export interface MailLocal {
  endpoint: string;
  inboxUrl: string;
  stop(): Promise<void>;
}

// The package is CommonJS with a default export, which ESM sees as `.default` of the module.
const startSesStandIn = (sesStandIn as unknown as { default?: typeof sesStandIn }).default ?? sesStandIn;

/** Starts aws-ses-v2-local in this process. Everything Fordel sends lands in its inbox. */
export async function startMailLocal(options: { port: number }): Promise<MailLocal> {
  let server: Server;
  try {
    server = await startSesStandIn({ port: options.port, host: '127.0.0.1' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new LocalEnvironmentError(`The email inbox could not start: port ${options.port} is already in use.`);
    }
    throw error;
  }
  const endpoint = `http://127.0.0.1:${options.port}`;
  return {
    endpoint,
    inboxUrl: `http://localhost:${options.port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
