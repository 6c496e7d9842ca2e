import { describe, expect, it } from 'vitest';
import { createBrregRegistry } from '../../functions/adapters/brreg-registry';
import { InvalidValueError } from '../../shared/kernel/errors';
import type { Orgnr } from '../../shared/kernel/orgnr';

/** A fetch that records each request and answers with the given response. */
function recordingFetch(respond: () => Response = () => new Response(null, { status: 404 })) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return respond();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const found = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('the Enhetsregisteret adapter', () => {
  it('asks for the entity at the open data path with Accept: application/json', async () => {
    // Prepare
    const { fetch, calls } = recordingFetch();
    const registry = createBrregRegistry({ baseUrl: 'https://data.brreg.no/', timeoutMs: 3000, fetch });
    // Act
    await registry.lookup('974760673' as Orgnr);
    // Assess
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://data.brreg.no/enhetsregisteret/api/enheter/974760673');
    expect(new Headers(calls[0]?.init?.headers).get('accept')).toBe('application/json');
    expect(calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it.each(['97476067', '974760674', '97476067a', '../../admin', ''])('refuses %j before any request is made', async (input) => {
    // Prepare
    const { fetch, calls } = recordingFetch();
    const registry = createBrregRegistry({ baseUrl: 'https://data.brreg.no', timeoutMs: 3000, fetch });
    // Act
    const lookup = registry.lookup(input as Orgnr);
    // Assess
    await expect(lookup).rejects.toBeInstanceOf(InvalidValueError);
    await expect(lookup).rejects.toMatchObject({ code: expect.stringMatching(/^orgnr\./) });
    expect(calls).toHaveLength(0);
  });

  it('reads a struck-off entity (200 with SlettetEnhet) as removed', async () => {
    // Prepare
    const { fetch } = recordingFetch(found({ respons_klasse: 'SlettetEnhet', organisasjonsnummer: '974760673', navn: 'X', slettedato: '2024-11-15' }));
    const registry = createBrregRegistry({ baseUrl: 'https://data.brreg.no', timeoutMs: 3000, fetch });
    // Act
    const result = await registry.lookup('974760673' as Orgnr);
    // Assess
    expect(result).toEqual({ status: 'removed', removedAt: '2024-11-15' });
  });

  it('treats an answer about another organisation as unavailable', async () => {
    // Prepare
    const { fetch } = recordingFetch(found({ organisasjonsnummer: '123456785', navn: 'Feil', organisasjonsform: { kode: 'FLI' } }));
    const registry = createBrregRegistry({ baseUrl: 'https://data.brreg.no', timeoutMs: 3000, fetch });
    // Act
    const result = await registry.lookup('974760673' as Orgnr);
    // Assess
    expect(result).toMatchObject({ status: 'unavailable', reason: 'error' });
  });

  it('treats a record without the fields eligibility needs as unavailable', async () => {
    // Prepare
    const { fetch } = recordingFetch(found({ organisasjonsnummer: '974760673', navn: 'Uten form' }));
    const registry = createBrregRegistry({ baseUrl: 'https://data.brreg.no', timeoutMs: 3000, fetch });
    // Act
    const result = await registry.lookup('974760673' as Orgnr);
    // Assess
    expect(result).toEqual({ status: 'unavailable', reason: 'error', detail: 'the body is not a registry record (organisasjonsform)' });
  });

  it('treats a network failure as unavailable without throwing', async () => {
    // Prepare
    const fetch = (async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    }) as typeof globalThis.fetch;
    const registry = createBrregRegistry({ baseUrl: 'https://data.brreg.no', timeoutMs: 3000, fetch });
    // Act
    const result = await registry.lookup('974760673' as Orgnr);
    // Assess
    expect(result).toEqual({ status: 'unavailable', reason: 'error', detail: 'TypeError ECONNREFUSED' });
  });
});
