import { describe, expect, it } from 'vitest';
import { createBrregRegistry } from '../../functions/adapters/brreg-registry';
import { readDemoOrganisations, type DemoOrganisation } from '../../infra/local/registry-server';
import { parseOrgnr, type Orgnr } from '../../shared/kernel/orgnr';
import { testAdapters, testConfig } from '../support/test-environment';

const organisations = readDemoOrganisations();

function demo(respond: DemoOrganisation['respond'], test: (o: DemoOrganisation) => boolean = () => true): Orgnr {
  const organisation = organisations.find((o) => o.respond === respond && test(o));
  if (!organisation) throw new Error(`no demo organisation answers ${respond}`);
  const orgnr = parseOrgnr(organisation.organisasjonsnummer);
  if (!orgnr.ok) throw new Error(`invalid demo orgnr ${organisation.organisasjonsnummer}`);
  return orgnr.value;
}

describe('looking organisations up in the registry stand-in', () => {
  const { registry } = testAdapters();

  it('finds a registered organisation with the fields eligibility needs', async () => {
    // Prepare
    const orgnr = demo('record', (o) => o.organisasjonsnummer === '310501123');
    // Act
    const result = await registry.lookup(orgnr);
    // Assess
    expect(result.status).toBe('found');
    if (result.status !== 'found') return;
    expect(result.record).toMatchObject({
      organisasjonsnummer: orgnr,
      navn: 'SPRÅKKAFÉ GRÜNERLØKKA',
      organisasjonsform: { kode: 'FLI' },
      forretningsadresse: { kommunenummer: '0301' },
      registrertIFrivillighetsregisteret: true,
      konkurs: false,
      underAvvikling: false,
      underTvangsavviklingEllerTvangsopplosning: false,
      stiftelsesdato: '2012-03-14',
    });
  });

  it('reports the status flags of a bankrupt organisation', async () => {
    // Act
    const result = await registry.lookup(demo('record', (o) => o.record?.konkurs === true));
    // Assess
    expect(result.status === 'found' && result.record.konkurs).toBe(true);
  });

  it('dates a newly founded organisation relative to today', async () => {
    // Prepare
    const orgnr = demo('record', (o) => o.foundedDaysAgo !== undefined);
    // Act
    const result = await registry.lookup(orgnr);
    // Assess
    expect(result.status === 'found' && result.record.stiftelsesdato).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers not_found for a valid number the registry does not know', async () => {
    // Act
    const result = await registry.lookup('974760673' as Orgnr);
    // Assess
    expect(result).toEqual({ status: 'not_found' });
  });

  it('answers removed with the deletion date for an organisation gone from the register (410)', async () => {
    // Act
    const result = await registry.lookup(demo('gone'));
    // Assess
    expect(result).toEqual({ status: 'removed', removedAt: '2025-06-30' });
  });

  it('answers removed for a struck-off organisation the registry still describes (SlettetEnhet)', async () => {
    // Act
    const result = await registry.lookup(demo('deleted'));
    // Assess
    expect(result).toEqual({ status: 'removed', removedAt: '2024-11-15' });
  });

  it('answers unavailable with reason timeout when the registry does not answer in time', async () => {
    // Prepare
    const slowTolerant = testAdapters(testConfig({ REGISTRY_TIMEOUT_MS: '200' })).registry;
    // Act
    const result = await slowTolerant.lookup(demo('hang'));
    // Assess
    expect(result).toMatchObject({ status: 'unavailable', reason: 'timeout' });
  });

  it('answers unavailable with reason error when the registry answers 503', async () => {
    // Act
    const result = await registry.lookup(demo('unavailable'));
    // Assess
    expect(result).toEqual({ status: 'unavailable', reason: 'error', detail: 'HTTP 503' });
  });

  it('answers unavailable with reason error when the body is not JSON', async () => {
    // Act
    const result = await registry.lookup(demo('invalid_json'));
    // Assess
    expect(result).toEqual({ status: 'unavailable', reason: 'error', detail: 'the body is not JSON' });
  });

  it('answers unavailable with reason error when nothing listens at the address', async () => {
    // Prepare: port 9 (the old discard service), which nothing serves on a test machine
    const unreachable = createBrregRegistry({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    // Act
    const result = await unreachable.lookup(demo('record'));
    // Assess
    expect(result).toMatchObject({ status: 'unavailable', reason: 'error' });
  });
});
