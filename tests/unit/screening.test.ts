import { describe, expect, it } from 'vitest';
import { screenApplication, screenOrganisation } from '../../shared/applications/screening.js';
import { kroner } from '../../shared/kernel/money.js';
import { ruleSetFor } from '../../shared/rules/rule-set-for.js';
import type { Call } from '../../shared/rounds/call.js';
import type { TenantId } from '../../shared/kernel/tenants.js';
import { registryRecord } from './builders.js';

const text = { nb: 'Utlysning', nn: 'Utlysing', en: 'Call' };

function call(kommunenummer: string, grantYear: number): Call {
  return {
    tenantId: 'screening-test' as TenantId, roundId: 'round-1', administratorName: 'Kommunen', kommunenummer, grantYear,
    title: text, summary: text, criteria: [], subGoals: ['A'],
    opensAt: `${grantYear}-01-15T08:00:00.000Z`, deadline: `${grantYear}-04-15T10:00:00.000Z`,
    reportingDeadline: `${grantYear + 1}-02-28T22:59:59.000Z`,
    minAmount: kroner(10_000), maxAmount: kroner(500_000), status: 'open', extraQuestions: [],
  };
}

const addressFindings = (findings: { code: string }[]) => findings.filter((f) => f.code === 'organisation.address_outside_municipality');

describe('screening against a call in its own year’s numbering', () => {
  it.each([
    ['Eidsvoll', '3035', '3240'],
    ['Nittedal', '3031', '3232'],
    ['Nannestad', '3036', '3238'],
    ['Larvik', '3805', '3909'],
  ])('accepts a %s organisation for the 2023 call stored as %s when the register answers %s', (_name, number2023, number2024) => {
    // Prepare: the 2023 call is screened after new year, so the register answers in 2024 numbers
    const record = registryRecord({ forretningsadresse: { kommunenummer: number2024 } });
    // Act
    const findings = screenOrganisation(call(number2023, 2023), ruleSetFor(2023), record, '2024-01-10T10:00:00.000Z');
    // Assess
    expect(addressFindings(findings)).toEqual([]);
  });

  it('accepts the same organisation when the 2023 call is screened in 2023 with 2023 numbers', () => {
    const record = registryRecord({ forretningsadresse: { kommunenummer: '3035' } });
    expect(addressFindings(screenOrganisation(call('3035', 2023), ruleSetFor(2023), record, '2023-03-01T10:00:00.000Z'))).toEqual([]);
  });

  it('refuses an organisation registered in the neighbouring municipality', () => {
    // Prepare: 3209 is Ullensaker from 2024 (3033 before), Eidsvoll's neighbour
    const record = registryRecord({ forretningsadresse: { kommunenummer: '3209' } });
    // Act
    const findings = screenOrganisation(call('3035', 2023), ruleSetFor(2023), record, '2024-01-10T10:00:00.000Z');
    // Assess
    expect(addressFindings(findings)).toHaveLength(1);
  });
});

describe('screening by the rules the caller passes: the round’s version, not the code default', () => {
  const facts = (amount: number) => ({ amountAppliedFor: kroner(amount), subGoals: ['A' as const], isOperatingGrant: false });
  const record = registryRecord({ forretningsadresse: { kommunenummer: '3240' } });
  const defaults = ruleSetFor(2027);
  const version2 = { ...defaults, amounts: { ...defaults.amounts, maxPerApplication: kroner(100_000) }, auditThreshold: kroner(40_000) };
  const codes = (rules: typeof defaults, amount: number) =>
    screenApplication(call('3240', 2027), rules, record, facts(amount), '2027-02-01T10:00:00.000Z').map((finding) => finding.code);

  it("refuses an amount above version 2's national maximum, which the default allows", () => {
    expect(codes(version2, 200_000)).toContain('amount.above_max');
    expect(codes(defaults, 200_000)).not.toContain('amount.above_max');
  });

  it("warns about audited accounts from version 2's threshold, below the default's", () => {
    expect(codes(version2, 50_000)).toContain('amount.audit_required');
    expect(codes(defaults, 50_000)).not.toContain('amount.audit_required');
  });
});
