/** Test builders for the rules engine: realistic defaults, override what the test is about. */
import type { Kommunenummer, KommuneRef } from '../../shared/kernel/kommunenummer.js';
import { kroner } from '../../shared/kernel/money.js';
import type { RegistryRecord } from '../../shared/applications/registry-record.js';
import { roundSettingsSchema, type RoundSettings, type RoundSettingsInput } from '../../shared/rounds/round-settings.js';
import type { Orgnr } from '../../shared/kernel/orgnr.js';
import type { ApplicationFacts } from '../../shared/rules/eligibility.js';

/** Round settings for a municipal round in `grantYear`, deadline 15 April 12:00 Oslo. */
export function roundSettings(overrides: Partial<RoundSettingsInput> = {}, grantYear = 2024): RoundSettings {
  return roundSettingsSchema.parse({
    grantYear,
    opensAt: `${grantYear}-01-15T08:00:00.000Z`,
    deadline: `${grantYear}-04-15T10:00:00.000Z`,
    subGoals: ['A', 'B', 'C', 'D'],
    minAmount: 10_000,
    maxAmount: 1_000_000,
    reportingDeadline: `${grantYear + 1}-02-28T22:59:59.000Z`,
    extraQuestions: [],
    criteria: [],
    pots: [],
    ...overrides,
  });
}

/** An Enhetsregisteret record for an eligible association in Eidsvoll, founded 2015. */
export function registryRecord(overrides: Partial<RegistryRecord> = {}): RegistryRecord {
  return {
    organisasjonsnummer: '974760673' as Orgnr,
    navn: 'EIDSVOLL INTERNASJONALE KVINNEFORENING',
    organisasjonsform: { kode: 'FLI', beskrivelse: 'Forening/lag/innretning' },
    forretningsadresse: { kommunenummer: '3240', kommune: 'EIDSVOLL', adresse: ['Storgata 1'], postnummer: '2080', poststed: 'EIDSVOLL' },
    registrertIFrivillighetsregisteret: true,
    konkurs: false,
    underAvvikling: false,
    underTvangsavviklingEllerTvangsopplosning: false,
    stiftelsesdato: '2015-05-01',
    ...overrides,
  };
}

/** Eidsvoll, as a tenant stored with its 2024 number. */
export const eidsvoll: KommuneRef = { kommunenummer: '3240' as Kommunenummer, validFrom: 2024 };

/** A project application for sub-goal A. */
export function facts(overrides: Partial<ApplicationFacts> = {}): ApplicationFacts {
  return { amountAppliedFor: kroner(50_000), subGoals: ['A'], isOperatingGrant: false, ...overrides };
}

/** The value of a result the test expects to succeed; throws its error otherwise. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw result.error;
  return result.value;
}
