import { InvalidValueError } from '../../shared/kernel/errors';
import { parseOrgnr, type Orgnr } from '../../shared/kernel/orgnr';
import type { OrganisationRegistry, RegistryLookup } from '../../shared/applications/ports';
import { registryRecordSchema } from '../../shared/applications/registry-record';

/** Where and how patiently to ask Enhetsregisteret. */
export interface BrregRegistryOptions {
  /** `https://data.brreg.no` in production; the local stand-in's address otherwise. */
  readonly baseUrl: string;
  /** How long one lookup may take, body included, before it counts as unavailable. */
  readonly timeoutMs: number;
  /** The HTTP client; tests pass a fake to see the requests without a server. */
  readonly fetch?: typeof globalThis.fetch;
}

/** The path of one entity in the open data API, below the base URL. */
export function registryEntityPath(orgnr: Orgnr): string {
  return `/enhetsregisteret/api/enheter/${orgnr}`;
}

/**
 * Enhetsregisteret's open data API (no key). A 200 carries either the entity or, for an entity
 * struck off the register, a reduced record with `respons_klasse: "SlettetEnhet"` and `slettedato`;
 * 404 means the number was never registered; 410 means the entity was removed from open data.
 * Anything else, a slow answer or an unreadable body is `unavailable`, so the applicant journey can
 * say "try again later" instead of wrongly telling an organisation it does not exist.
 */
export function createBrregRegistry(options: BrregRegistryOptions): OrganisationRegistry {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  return {
    async lookup(orgnr: Orgnr): Promise<RegistryLookup> {
      // Checked again although the type is branded: a bad number must never become a request path.
      const parsed = parseOrgnr(orgnr);
      if (!parsed.ok) {
        throw new InvalidValueError(`orgnr.${parsed.error.code}`, parsed.error.messages);
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      try {
        const response = await fetchImpl(`${baseUrl}${registryEntityPath(parsed.value)}`, {
          headers: { Accept: 'application/json' },
          signal: controller.signal,
        });
        if (response.status === 404) {
          await response.body?.cancel();
          return { status: 'not_found' };
        }
        if (response.status === 410) {
          return removed(await readJson(response));
        }
        if (response.status !== 200) {
          await response.body?.cancel();
          return { status: 'unavailable', reason: 'error', detail: `HTTP ${response.status}` };
        }
        const body = await readJson(response);
        if (body === undefined) return { status: 'unavailable', reason: 'error', detail: 'the body is not JSON' };
        if (isStruckOff(body)) return removed(body);
        const record = registryRecordSchema.safeParse(body);
        if (!record.success) {
          const fields = [...new Set(record.error.issues.map((issue) => issue.path.join('.')))].join(', ');
          return { status: 'unavailable', reason: 'error', detail: `the body is not a registry record (${fields})` };
        }
        if (record.data.organisasjonsnummer !== parsed.value) {
          return { status: 'unavailable', reason: 'error', detail: 'the registry answered for another organisation' };
        }
        return { status: 'found', record: record.data };
      } catch (error) {
        if (controller.signal.aborted) return { status: 'unavailable', reason: 'timeout', detail: `no answer within ${options.timeoutMs} ms` };
        return { status: 'unavailable', reason: 'error', detail: describe(error) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The body as JSON, or undefined when it is not JSON. A timeout while reading still propagates. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isStruckOff(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const record = body as Record<string, unknown>;
  return record.respons_klasse === 'SlettetEnhet' || typeof record.slettedato === 'string';
}

function removed(body: unknown): RegistryLookup {
  const date = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).slettedato : undefined;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { status: 'removed', removedAt: date } : { status: 'removed' };
}

/** A short reason for logs: the error's name and code, never a URL (it holds the orgnr) or a body. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? ` ${cause.code}` : '';
  return `${error.name}${code}`;
}
