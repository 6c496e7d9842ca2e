import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { isValidOrgnr } from '../../shared/kernel/orgnr';
import { LocalEnvironmentError } from './local-error';

/**
 * A stand-in for Enhetsregisteret's open data API (`GET /enhetsregisteret/api/enheter/{orgnr}`),
 * serving the fictional organisations of `data/demo-organisations.json` with the same JSON shapes
 * and status codes as data.brreg.no, plus the failures the real one has now and then (a hang, a
 * 503, a broken body), so the applicant journey can be shown and tested without the internet.
 */

/** How the stand-in answers for one organisation number. */
export const demoResponses = ['record', 'deleted', 'gone', 'hang', 'unavailable', 'invalid_json'] as const;

const demoOrganisationSchema = z
  .object({
    organisasjonsnummer: z.string().refine(isValidOrgnr, 'not a valid organisasjonsnummer'),
    /**
     * `record`: 200 with the record; `deleted`: 200 with the reduced `SlettetEnhet` record of a
     * struck-off entity; `gone`: 410; `hang`: no answer until the client gives up; `unavailable`:
     * 503; `invalid_json`: 200 with a body that is not JSON.
     */
    respond: z.enum(demoResponses),
    demonstrates: z.string().min(1),
    record: z.record(z.string(), z.unknown()).optional(),
    /** Sets `stiftelsesdato` and `registreringsdatoEnhetsregisteret` this many days before today, so a "new" demo organisation stays new. */
    foundedDaysAgo: z.int().min(0).optional(),
    slettedato: z.iso.date().optional(),
  })
  .refine((o) => !['record', 'deleted'].includes(o.respond) || o.record !== undefined, 'record and deleted need a record')
  .refine((o) => o.record === undefined || o.record.organisasjonsnummer === o.organisasjonsnummer, 'the record is for another number');

/** One demo organisation, as listed in `data/demo-organisations.json`. */
export type DemoOrganisation = z.infer<typeof demoOrganisationSchema>;

const demoFileSchema = z.object({ organisations: z.array(demoOrganisationSchema).min(1) });

const defaultDemoFile = new URL('../../data/demo-organisations.json', import.meta.url);

/** Reads and checks the demo organisations; a mistake in the file names the entry. */
export function readDemoOrganisations(path: string | URL = defaultDemoFile): DemoOrganisation[] {
  const parsed = demoFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`data/demo-organisations.json is not valid: ${where}`);
  }
  const seen = new Set<string>();
  for (const organisation of parsed.data.organisations) {
    if (seen.has(organisation.organisasjonsnummer)) throw new Error(`data/demo-organisations.json lists ${organisation.organisasjonsnummer} twice`);
    seen.add(organisation.organisasjonsnummer);
  }
  return parsed.data.organisations;
}

/** A running registry stand-in. */
export interface RegistryServer {
  /** The value for `REGISTRY_BASE_URL`. */
  baseUrl: string;
  stop(): Promise<void>;
}

/** Options of {@link startRegistryServer}. */
export interface RegistryServerOptions {
  port: number;
  /** Defaults to the demo file. */
  organisations?: readonly DemoOrganisation[];
  /** For `foundedDaysAgo`; the wall clock by default. */
  now?: () => Date;
}

const ENTITY_PATH = /^\/enhetsregisteret\/api\/enheter\/([^/]+)\/?$/;

/** Starts the stand-in on 127.0.0.1; resolves once it listens. */
export async function startRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const organisations = new Map((options.organisations ?? readDemoOrganisations()).map((o) => [o.organisasjonsnummer, o]));
  const now = options.now ?? (() => new Date());
  const origin = `http://127.0.0.1:${options.port}`;

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    const match = ENTITY_PATH.exec(path);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, problem(405, 'Method Not Allowed', path));
    if (!match) return sendJson(response, 404, problem(404, 'Not Found', path));
    const orgnr = decodeURIComponent(match[1] ?? '');
    // data.brreg.no refuses a malformed number with 400 before looking it up.
    if (!/^\d{9}$/.test(orgnr)) return sendJson(response, 400, problem(400, 'Bad Request', path, `Ugyldig organisasjonsnummer: ${orgnr}`));
    const organisation = organisations.get(orgnr);
    if (!organisation) return sendJson(response, 404, problem(404, 'Not Found', path, `Fant ingen enhet med organisasjonsnummer ${orgnr}`));
    answer(organisation, request, response, origin, now());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new LocalEnvironmentError(`The demo registry could not start: port ${options.port} is already in use.`) : error),
    );
    server.listen(options.port, '127.0.0.1', () => resolve());
  });

  return {
    baseUrl: origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging requests are held open on purpose; they must not hold the shutdown too.
        server.closeAllConnections();
      }),
  };
}

function answer(organisation: DemoOrganisation, request: IncomingMessage, response: ServerResponse, origin: string, today: Date): void {
  const self = `${origin}/enhetsregisteret/api/enheter/${organisation.organisasjonsnummer}`;
  switch (organisation.respond) {
    case 'record': {
      const record: Record<string, unknown> = { ...organisation.record };
      if (organisation.foundedDaysAgo !== undefined) {
        const founded = new Date(today.getTime() - organisation.foundedDaysAgo * 86_400_000).toISOString().slice(0, 10);
        record.stiftelsesdato = founded;
        record.registreringsdatoEnhetsregisteret = founded;
      }
      return sendJson(response, 200, { ...record, respons_klasse: 'Enhet', _links: { self: { href: self } } });
    }
    case 'deleted':
      return sendJson(response, 200, { ...organisation.record, slettedato: organisation.slettedato, respons_klasse: 'SlettetEnhet', _links: { self: { href: self } } });
    case 'gone':
      return sendJson(response, 410, { organisasjonsnummer: organisation.organisasjonsnummer, slettedato: organisation.slettedato });
    case 'unavailable':
      response.setHeader('Retry-After', '30');
      return sendJson(response, 503, problem(503, 'Service Unavailable', new URL(self).pathname));
    case 'invalid_json':
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"organisasjonsnummer": "' + organisation.organisasjonsnummer + '", "navn": ');
      return;
    case 'hang':
      // Never answers: the client's timeout ends the request, or stop() closes the connection.
      request.resume();
      return;
  }
}

function problem(status: number, error: string, path: string, message?: string) {
  return { timestamp: new Date().toISOString(), status, error, ...(message ? { message } : {}), path };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
