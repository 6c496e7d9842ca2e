import { describe, expect, it } from 'vitest';
import { readManagingMunicipalities } from '../../infra/local/demo-data';
import { demoResponses, readDemoOrganisations } from '../../infra/local/registry-server';
import { registryRecordSchema } from '../../shared/applications/registry-record';

const organisations = readDemoOrganisations();
const managing = new Set(readManagingMunicipalities().map((m) => m.kommunenummer));

describe('the demo organisations', () => {
  it('include every kind of registry answer, so each can be shown and tested', () => {
    // Act
    const kinds = new Set(organisations.map((o) => o.respond));
    // Assess
    expect([...kinds].sort()).toEqual([...demoResponses].sort());
  });

  it.each(organisations.filter((o) => o.respond === 'record').map((o) => [o.organisasjonsnummer, o] as const))(
    '%s is a record the adapter can read, in a managing municipality',
    (_, organisation) => {
      // Act
      const record = registryRecordSchema.parse(organisation.record);
      // Assess
      const kommunenummer = record.forretningsadresse?.kommunenummer ?? record.postadresse?.kommunenummer;
      expect(managing.has(kommunenummer ?? '')).toBe(true);
    },
  );

  it('spread over at least five managing municipalities', () => {
    // Act
    const municipalities = new Set(
      organisations.map((o) => {
        const record = o.record as { forretningsadresse?: { kommunenummer?: string }; postadresse?: { kommunenummer?: string } } | undefined;
        return record?.forretningsadresse?.kommunenummer ?? record?.postadresse?.kommunenummer;
      }),
    );
    municipalities.delete(undefined);
    // Assess
    expect(municipalities.size).toBeGreaterThanOrEqual(5);
  });
});
