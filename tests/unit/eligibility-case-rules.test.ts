/**
 * The screening rules the case page adds: an operating grant beside another state scheme's, the
 * activities the scheme does not fund, and the regional-organisation rule for IMDi's operating grant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Kommunenummer } from '../../shared/kernel/kommunenummer.js';
import { assessEligibility, isRegionalOrganisation, REGIONAL_MIN_MUNICIPALITIES, type EligibilityContext } from '../../shared/rules/eligibility.js';
import { ruleSetFor } from '../../shared/rules/index.js';
import { eidsvoll, facts, registryRecord, roundSettings } from './builders.js';

const context = (overrides: Partial<EligibilityContext> = {}): EligibilityContext => ({
  ruleSet: ruleSetFor(2024),
  round: roundSettings(),
  call: { kind: 'municipal', kommune: eidsvoll },
  asOf: '2024-04-15T10:00:00.000Z',
  ...overrides,
});
const operatingGrant = { subGoals: ['D'] as const, isOperatingGrant: true };
const national: Partial<EligibilityContext> = { call: { kind: 'national' } };
const k = (value: string) => value as Kommunenummer;

describe('an operating grant beside another state scheme’s', () => {
  it('blocks an operating grant to an organisation with one from another state scheme, naming the rule', () => {
    // Act
    const findings = assessEligibility(facts({ ...operatingGrant, subGoals: ['D'], hasOtherStateOperatingGrant: true }), context(), registryRecord());

    // Assess
    expect(findings).toEqual([expect.objectContaining({ code: 'organisation.other_state_operating_grant', severity: 'blocking', rule: 'regulation.operatingGrant.otherStateScheme' })]);
    expect(findings[0]!.messages.nn).toContain('driftstilskot');
  });

  it('lets a project grant through whatever the organisation’s other operating grants', () => {
    expect(assessEligibility(facts({ hasOtherStateOperatingGrant: true }), context(), registryRecord())).toEqual([]);
  });

  it('lets an operating grant through when there is no other', () => {
    expect(assessEligibility(facts({ ...operatingGrant, subGoals: ['D'], hasOtherStateOperatingGrant: false }), context(), registryRecord())).toEqual([]);
  });
});

describe('activities the scheme does not fund', () => {
  it.each([
    ['norwegianLanguageTraining', 'activity.norwegian_language_training', 'regulation.excludedActivities.norwegianLanguageTraining'],
    ['aimedAtPublicSector', 'activity.aimed_at_public_sector', 'regulation.excludedActivities.publicSector'],
    ['outsideNorway', 'activity.outside_norway', 'regulation.excludedActivities.outsideNorway'],
  ] as const)('blocks %s with %s under %s', (answer, code, rule) => {
    // Act
    const findings = assessEligibility(facts({ excludedActivities: { [answer]: true } }), context(), registryRecord());

    // Assess
    expect(findings).toEqual([expect.objectContaining({ code, rule, severity: 'blocking' })]);
  });

  it('finds nothing when every answer is no', () => {
    const findings = assessEligibility(facts({ excludedActivities: { norwegianLanguageTraining: false, aimedAtPublicSector: false, outsideNorway: false } }), context(), registryRecord());
    expect(findings).toEqual([]);
  });

  it('lists every excluded activity at once', () => {
    const findings = assessEligibility(facts({ excludedActivities: { norwegianLanguageTraining: true, aimedAtPublicSector: true, outsideNorway: true } }), context(), registryRecord());
    expect(findings.map((finding) => finding.code)).toEqual(['activity.norwegian_language_training', 'activity.aimed_at_public_sector', 'activity.outside_norway']);
  });
});

describe('the regional-organisation rule of IMDi’s operating grant', () => {
  it('asks for the municipalities when none are given', () => {
    const findings = assessEligibility(facts({ ...operatingGrant, subGoals: ['D'] }), context(national), registryRecord());
    expect(findings).toEqual([expect.objectContaining({ code: 'organisation.active_municipalities_missing', rule: 'regulation.operatingGrant.regionalOrganisation' })]);
  });

  it('lets through an organisation active in three municipalities of one county', () => {
    const findings = assessEligibility(facts({ ...operatingGrant, subGoals: ['D'], activeMunicipalities: [k('3240'), k('3242'), k('3205')] }), context(national), registryRecord());
    expect(findings).toEqual([]);
  });

  it('blocks three municipalities spread over counties, which are not neighbours', () => {
    const findings = assessEligibility(facts({ ...operatingGrant, subGoals: ['D'], activeMunicipalities: [k('3240'), k('0301'), k('4601')] }), context(national), registryRecord());
    expect(findings).toEqual([expect.objectContaining({ code: 'organisation.not_regional', severity: 'blocking' })]);
  });

  it('does not apply to a municipality’s operating grant or to IMDi’s project grants', () => {
    expect(assessEligibility(facts({ ...operatingGrant, subGoals: ['D'] }), context(), registryRecord())).toEqual([]);
    expect(assessEligibility(facts(), context(national), registryRecord())).toEqual([]);
  });

  it('holds at the threshold: n distinct municipalities of one county are regional exactly when n ≥ the minimum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('03', '32', '46', '50'), (n, repeats, county) => {
        // Repeating a municipality never counts it twice.
        const distinct = Array.from({ length: n }, (_, i) => k(`${county}${String(i + 1).padStart(2, '0')}`));
        const listed = [...distinct, ...distinct.slice(0, repeats)];
        expect(isRegionalOrganisation(listed)).toBe(n >= REGIONAL_MIN_MUNICIPALITIES);
      }),
    );
  });

  it('is regional only when one county alone reaches the minimum', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('03', '32', '46'), fc.integer({ min: 1, max: 40 })), { maxLength: 12 }), (pairs) => {
        const municipalities = pairs.map(([county, number]) => k(`${county}${String(number).padStart(2, '0')}`));
        const perCounty = new Map<string, Set<string>>();
        for (const m of municipalities) perCounty.set(m.slice(0, 2), (perCounty.get(m.slice(0, 2)) ?? new Set()).add(m));
        const expected = [...perCounty.values()].some((set) => set.size >= REGIONAL_MIN_MUNICIPALITIES);
        expect(isRegionalOrganisation(municipalities)).toBe(expected);
      }),
    );
  });
});
