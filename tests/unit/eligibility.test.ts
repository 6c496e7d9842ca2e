import { describe, expect, it } from 'vitest';
import {
  assessEligibility, fullYearsBetween, isEligible, registryRecordSchema, type EligibilityContext, type EligibilityFinding,
} from '../../shared/rules/eligibility.js';
import type { Kommunenummer } from '../../shared/kernel/kommunenummer.js';
import { kroner } from '../../shared/kernel/money.js';
import { ruleSetFor } from '../../shared/rules/index.js';
import { eidsvoll, facts, registryRecord, roundSettings } from './builders.js';

const context = (overrides: Partial<EligibilityContext> = {}): EligibilityContext => ({
  ruleSet: ruleSetFor(2024),
  round: roundSettings(),
  call: { kind: 'municipal', kommune: eidsvoll },
  asOf: '2024-04-15T10:00:00.000Z',
  ...overrides,
});

const codes = (findings: EligibilityFinding[]) => findings.map((f) => f.code);

describe('registryRecordSchema', () => {
  it('parses an Enhetsregisteret response and drops fields it does not need', () => {
    // Prepare: shape of GET data.brreg.no/enhetsregisteret/api/enheter/{orgnr}
    const json = {
      organisasjonsnummer: '974760673', navn: 'REGISTERENHETEN I BRØNNØYSUND',
      organisasjonsform: { kode: 'ORGL', beskrivelse: 'Organisasjonsledd', _links: { self: { href: 'x' } } },
      forretningsadresse: { land: 'Norge', landkode: 'NO', postnummer: '8900', poststed: 'BRØNNØYSUND', adresse: ['Havnegata 48'], kommune: 'BRØNNØY', kommunenummer: '1813' },
      registrertIFrivillighetsregisteret: false, konkurs: false, underAvvikling: false, underTvangsavviklingEllerTvangsopplosning: false,
      stiftelsesdato: '1995-08-09', maalform: 'Bokmål', _links: {},
    };
    // Act
    const record = registryRecordSchema.parse(json);
    // Assess
    expect(record.organisasjonsform.kode).toBe('ORGL');
    expect(record.forretningsadresse?.kommunenummer).toBe('1813');
    expect('maalform' in record).toBe(false);
  });

  it('refuses a record with an invalid organisation number', () => {
    expect(registryRecordSchema.safeParse({ ...registryRecord(), organisasjonsnummer: '123456789' }).success).toBe(false);
  });
});

describe('assessEligibility', () => {
  it('finds nothing for an eligible association in the municipality', () => {
    // Act
    const findings = assessEligibility(facts(), context(), registryRecord());
    // Assess
    expect(findings).toEqual([]);
    expect(isEligible(findings)).toBe(true);
  });

  it('blocks an organisation missing from Enhetsregisteret', () => {
    const findings = assessEligibility(facts(), context(), null);
    expect(codes(findings)).toEqual(['organisation.not_found']);
    expect(isEligible(findings)).toBe(false);
  });

  it('blocks an organisation not in Frivillighetsregisteret, with a rule reference and three languages', () => {
    // Act
    const [finding] = assessEligibility(facts(), context(), registryRecord({ registrertIFrivillighetsregisteret: false }));
    // Assess
    expect(finding).toMatchObject({ code: 'organisation.not_in_frivillighetsregisteret', severity: 'blocking', rule: 'ruleSet.eligibleOrganisationForms' });
    expect(finding?.legalBasis).toContain('Forskrift 2. januar 2024');
    expect(finding?.messages.nn).toContain('Frivilligregisteret');
  });

  it.each([
    [{ konkurs: true }, 'organisation.bankrupt'],
    [{ underAvvikling: true }, 'organisation.under_liquidation'],
    [{ underTvangsavviklingEllerTvangsopplosning: true }, 'organisation.under_liquidation'],
    [{ organisasjonsform: { kode: 'KOMM' } }, 'organisation.form_not_eligible'],
    [{ organisasjonsform: { kode: 'ENK' } }, 'organisation.form_not_eligible'],
  ])('blocks %o with %s', (overrides, code) => {
    const findings = assessEligibility(facts(), context(), registryRecord(overrides));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([[code, 'blocking']]);
  });

  it('blocks an address outside the municipality for a municipal call but not for IMDi\'s call', () => {
    // Prepare
    const record = registryRecord({ forretningsadresse: { kommunenummer: '0301' } });
    // Act
    const municipal = assessEligibility(facts(), context(), record);
    const national = assessEligibility(facts(), context({ call: { kind: 'national' } }), record);
    // Assess
    expect(codes(municipal)).toEqual(['organisation.address_outside_municipality']);
    expect(national).toEqual([]);
  });

  it('matches the address across the 2024 renumbering', () => {
    // Prepare: a 2023 round for Eidsvoll stored as 3035; the registry answers today with 3240
    const ctx = context({ ruleSet: ruleSetFor(2023), round: roundSettings({}, 2023), call: { kind: 'municipal', kommune: { kommunenummer: '3035' as Kommunenummer, validFrom: 2020 } }, asOf: '2024-02-01T10:00:00.000Z' });
    // Act / Assess
    expect(assessEligibility(facts(), ctx, registryRecord())).toEqual([]);
  });

  it('falls back to the postal address when there is no business address', () => {
    const record = registryRecord({ forretningsadresse: undefined, postadresse: { kommunenummer: '3240' } });
    expect(assessEligibility(facts(), context(), record)).toEqual([]);
    expect(codes(assessEligibility(facts(), context(), registryRecord({ forretningsadresse: undefined })))).toEqual(['organisation.address_outside_municipality']);
  });

  it('blocks an operating grant for an organisation under one year old', () => {
    // Prepare
    const operating = facts({ isOperatingGrant: true, subGoals: ['D'] });
    // Act
    const young = assessEligibility(operating, context(), registryRecord({ stiftelsesdato: '2023-04-16' }));
    const oneYear = assessEligibility(operating, context(), registryRecord({ stiftelsesdato: '2023-04-15' }));
    // Assess
    expect(codes(young)).toEqual(['organisation.too_young_for_operating_grant']);
    expect(oneYear).toEqual([]);
  });

  it('lets the small-and-new-organisations pot waive the years-in-operation rule', () => {
    // Prepare
    const ctx = context({ ruleSet: ruleSetFor(2025), round: roundSettings({ pots: [{ id: 'small-new-organisations' }] }, 2025), asOf: '2025-04-15T10:00:00.000Z' });
    const operating = facts({ isOperatingGrant: true, subGoals: ['D'], potId: 'small-new-organisations', amountAppliedFor: kroner(110_000) });
    // Act
    const findings = assessEligibility(operating, ctx, registryRecord({ stiftelsesdato: '2025-01-10' }));
    // Assess
    expect(codes(findings)).toEqual(['amount.audit_required']);
    expect(isEligible(findings)).toBe(true);
  });

  it('applies the pot\'s own limits: its maximum and its age limit', () => {
    // Prepare
    const ctx = context({ ruleSet: ruleSetFor(2025), round: roundSettings({ pots: [{ id: 'small-new-organisations' }] }, 2025), asOf: '2025-04-15T10:00:00.000Z' });
    const application = facts({ potId: 'small-new-organisations', amountAppliedFor: kroner(110_001) });
    // Act
    const findings = assessEligibility(application, ctx, registryRecord({ stiftelsesdato: '2015-01-01' }));
    // Assess
    expect(codes(findings)).toEqual(['pot.organisation_too_old', 'amount.above_max', 'amount.audit_required']);
    expect(findings.find((f) => f.code === 'amount.above_max')?.rule).toBe('ruleSet.pots.small-new-organisations.maxAmount');
  });

  it('blocks a pot the round does not offer', () => {
    const findings = assessEligibility(facts({ potId: 'small-new-organisations' }), context({ ruleSet: ruleSetFor(2025), round: roundSettings({}, 2025), asOf: '2025-03-01T00:00:00.000Z' }), registryRecord({ stiftelsesdato: '2024-01-01' }));
    expect(codes(findings)).toEqual(['pot.not_in_round']);
  });

  it('asks the applicant for the founding date when the register has none, instead of guessing', () => {
    const findings = assessEligibility(facts({ isOperatingGrant: true, subGoals: ['D'] }), context(), registryRecord({ stiftelsesdato: undefined }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['organisation.founding_date_missing', 'blocking']]);
    expect(findings[0]?.messages.nn).toContain('skipa');
  });

  it('never reads the registration date as the founding date', () => {
    // Prepare: founded 1990, registered in Enhetsregisteret only last year
    const operating = facts({ isOperatingGrant: true, subGoals: ['D'], foundedOn: '1990-03-01' });
    const record = registryRecord({ stiftelsesdato: undefined, registreringsdatoEnhetsregisteret: '2024-03-01' });
    // Act
    const findings = assessEligibility(operating, context(), record);
    const unstated = assessEligibility({ ...operating, foundedOn: undefined }, context(), record);
    // Assess
    expect(findings).toEqual([]);
    expect(codes(unstated)).toEqual(['organisation.founding_date_missing']);
  });

  it('prefers the register’s founding date to the one the applicant states', () => {
    const findings = assessEligibility(facts({ isOperatingGrant: true, subGoals: ['D'], foundedOn: '1990-01-01' }), context(), registryRecord({ stiftelsesdato: '2024-01-01' }));
    expect(codes(findings)).toEqual(['organisation.too_young_for_operating_grant']);
  });

  it('caps a pot application at the lower of the pot’s and the round’s maximum', () => {
    // Prepare: the pot allows 110 000 kr, this round only 50 000 kr
    const round = roundSettings({ pots: [{ id: 'small-new-organisations' }], maxAmount: 50_000 }, 2025);
    const ctx = context({ ruleSet: ruleSetFor(2025), round, asOf: '2025-04-15T10:00:00.000Z' });
    const application = facts({ potId: 'small-new-organisations', amountAppliedFor: kroner(60_000) });
    // Act
    const findings = assessEligibility(application, ctx, registryRecord({ stiftelsesdato: '2024-01-01' }));
    // Assess
    expect(codes(findings)).toEqual(['amount.above_max']);
    expect(findings[0]?.rule).toBe('round.maxAmount');
    expect(findings[0]?.messages.nb.replaceAll('\u00a0', ' ')).toContain('50 000 kr');
  });

  it('blocks a local immigrant organisation with fewer than 20 counted members', () => {
    // Prepare
    const base = facts({ isOperatingGrant: true, subGoals: ['D'], isLocalImmigrantOrganisation: true });
    // Act
    const nineteen = assessEligibility({ ...base, countedMembers: 19 }, context(), registryRecord());
    const twenty = assessEligibility({ ...base, countedMembers: 20 }, context(), registryRecord());
    const missing = assessEligibility(base, context(), registryRecord());
    // Assess
    expect(codes(nineteen)).toEqual(['organisation.too_few_counted_members']);
    expect(twenty).toEqual([]);
    expect(codes(missing)).toEqual(['organisation.counted_members_missing']);
  });

  it('warns that audited accounts are needed from the audit threshold, not below it', () => {
    // Act
    const at = assessEligibility(facts({ amountAppliedFor: kroner(100_000) }), context(), registryRecord());
    const below = assessEligibility(facts({ amountAppliedFor: kroner(99_999) }), context(), registryRecord());
    // Assess
    expect(at.map((f) => [f.code, f.severity, f.rule])).toEqual([['amount.audit_required', 'warning', 'ruleSet.auditThreshold']]);
    expect(isEligible(at)).toBe(true);
    expect(below).toEqual([]);
  });

  it('blocks amounts above the round maximum and below the round minimum', () => {
    // Act
    const above = assessEligibility(facts({ amountAppliedFor: kroner(1_000_001) }), context(), registryRecord());
    const below = assessEligibility(facts({ amountAppliedFor: kroner(9_999) }), context(), registryRecord());
    // Assess
    expect(codes(above)).toEqual(['amount.above_max', 'amount.audit_required']);
    expect(above[0]?.messages.nb).toBe('Du kan søke om høyst 1\u00a0000\u00a0000\u00a0kr.');
    expect(codes(below)).toEqual(['amount.below_min']);
  });

  it('blocks sub-goals outside the round and operating grants outside sub-goal D', () => {
    // Act
    const notInRound = assessEligibility(facts({ subGoals: ['C'] }), context({ round: roundSettings({ subGoals: ['A', 'B'] }) }), registryRecord());
    const mismatch = assessEligibility(facts({ subGoals: ['D'] }), context(), registryRecord());
    const none = assessEligibility(facts({ subGoals: [] }), context(), registryRecord());
    // Assess
    expect(codes(notInRound)).toEqual(['application.sub_goal_not_in_round']);
    expect(codes(mismatch)).toEqual(['application.operating_grant_sub_goal_mismatch']);
    expect(codes(none)).toEqual(['application.no_sub_goal']);
  });

  it('lists every blocking reason at once', () => {
    const findings = assessEligibility(facts({ amountAppliedFor: kroner(5) }), context(), registryRecord({ konkurs: true, registrertIFrivillighetsregisteret: false }));
    expect(codes(findings)).toEqual(['organisation.not_in_frivillighetsregisteret', 'organisation.bankrupt', 'amount.below_min']);
  });
});

describe('fullYearsBetween', () => {
  it('counts a year only on the anniversary', () => {
    expect(fullYearsBetween('2023-04-15', '2024-04-14')).toBe(0);
    expect(fullYearsBetween('2023-04-15', '2024-04-15')).toBe(1);
    expect(fullYearsBetween('2020-02-29', '2021-02-28')).toBe(0);
  });
});
