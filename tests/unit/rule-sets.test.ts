import { describe, expect, it } from 'vitest';
import { decimalToFraction } from '../../shared/kernel/fraction.js';
import { issueCode } from '../../shared/kernel/i18n.js';
import { defaultRuleSets, ruleSetFor, ruleSetSchema, UnknownGrantYearError } from '../../shared/rules/index.js';
import { subGoalCodes } from '../../shared/rules/sub-goals.js';
import { codeDefaultVersion, type RuleSetVersion } from '../../shared/rules/rule-set-version.js';
import { ruleSetsFrom, withCachedVersions } from '../../shared/rules/rule-sets.js';

describe('default rule sets', () => {
  it('cover every grant year from 2021 to 2027 and pass their own schema', () => {
    // Act
    const years = defaultRuleSets.map((r) => r.grantYear);
    // Assess
    expect(years).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const r of defaultRuleSets) expect(ruleSetSchema.safeParse(r).success).toBe(true);
  });

  it('give municipalities 60 % before 2022 and 70 % from 2022', () => {
    expect(ruleSetFor(2021).municipalShare).toBe('0.60');
    for (const year of [2022, 2023, 2024, 2025, 2026, 2027]) expect(ruleSetFor(year).municipalShare).toBe('0.70');
  });

  it('cap admin cost at 5 % rounded half-up, audit at 100 000 and appeals at 3 weeks', () => {
    for (const r of defaultRuleSets) {
      expect(r.adminCostCap).toEqual({ rate: '0.05', rounding: 'half-up' });
      expect(r.auditThreshold).toBe(100_000);
      expect(r.appealDeadlineWeeks).toBe(3);
    }
  });

  it('give three weeks to accept a grant, read a stored rule set without the parameter as three, and refuse anything but 1–12 whole weeks', () => {
    // Prepare
    const { acceptanceWeeks: _omitted, ...stored } = ruleSetFor(2024);
    // Act, Assess
    for (const r of defaultRuleSets) expect(r.acceptanceWeeks).toBe(3);
    expect(ruleSetSchema.parse(stored).acceptanceWeeks).toBe(3);
    expect(ruleSetSchema.parse({ ...stored, acceptanceWeeks: 12 }).acceptanceWeeks).toBe(12);
    for (const bad of [0, 13, 2.5, 'tre', -1]) {
      const parsed = ruleSetSchema.safeParse({ ...stored, acceptanceWeeks: bad });
      expect(parsed.success, String(bad)).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['acceptanceWeeks']);
    }
  });

  it('name sub-goals A–D in three languages with the advisory 30/30/30/10 split', () => {
    // Prepare
    const rules = ruleSetFor(2024);
    // Act
    const split = rules.subGoals.map((g) => [g.code, g.advisoryShare]);
    // Assess
    expect(split).toEqual([['A', '0.30'], ['B', '0.30'], ['C', '0.30'], ['D', '0.10']]);
    expect(rules.subGoals.map((g) => g.code)).toEqual([...subGoalCodes]);
    for (const g of rules.subGoals) for (const text of Object.values(g.name)) expect(text.length).toBeGreaterThan(0);
    expect(rules.subGoals.filter((g) => g.operatingGrant).map((g) => g.code)).toEqual(['D']);
  });

  it('reference the 2024 regulation from 2024', () => {
    expect(ruleSetFor(2023).regulation.reference).not.toContain('Forskrift');
    expect(ruleSetFor(2024).regulation.reference).toContain('Forskrift 2. januar 2024');
  });

  it('offer the small-and-new-organisations pot from 2025, up to 110 000 kr, waiving the years-in-operation rule', () => {
    // Act
    const pot = ruleSetFor(2025).pots[0];
    // Assess
    expect(ruleSetFor(2024).pots).toEqual([]);
    expect(pot).toMatchObject({ id: 'small-new-organisations', maxAmount: 110_000, waives: ['operatingGrant.minYearsInOperation'] });
  });

  it('make appeal body and unspent-funds policy settings with defaults', () => {
    expect(ruleSetFor(2024).appealBody).toBe('imdi');
    expect(ruleSetFor(2024).unspentFunds).toBe('return_to_imdi');
    const alternative = ruleSetSchema.parse({ ...ruleSetFor(2024), appealBody: 'municipal_appeals_committee', unspentFunds: 'carry_over' });
    expect(alternative.appealBody).toBe('municipal_appeals_committee');
    expect(alternative.unspentFunds).toBe('carry_over');
  });
});

describe('ruleSetFor', () => {
  it('refuses a year without rules instead of guessing', () => {
    // Act / Assess
    expect(() => ruleSetFor(2020)).toThrow(UnknownGrantYearError);
    try { ruleSetFor(2030); } catch (e) { expect((e as UnknownGrantYearError).code).toBe('rules.unknown_grant_year'); }
  });

  it('takes rule sets edited by IMDi over the defaults', () => {
    // Prepare
    const edited = ruleSetSchema.parse({ ...ruleSetFor(2026), auditThreshold: 150_000 });
    // Act
    const found = ruleSetFor(2026, [edited]);
    // Assess
    expect(found.auditThreshold).toBe(150_000);
  });
});

describe('ruleSetSchema', () => {
  it('refuses a float share, an advisory split that is not 100 % and duplicate sub-goals', () => {
    // Prepare
    const base = ruleSetFor(2024);
    // Act
    const floatShare = ruleSetSchema.safeParse({ ...base, municipalShare: 0.7 });
    const badSplit = ruleSetSchema.safeParse({ ...base, subGoals: base.subGoals.map((g) => ({ ...g, advisoryShare: '0.25' })).slice(0, 3) });
    const duplicate = ruleSetSchema.safeParse({ ...base, subGoals: [...base.subGoals, base.subGoals[0]] });
    const minAboveMax = ruleSetSchema.safeParse({ ...base, amounts: { minPerApplication: 5, maxPerApplication: 4 } });
    // Assess
    expect(floatShare.success).toBe(false);
    expect(badSplit.error?.issues.map((i) => issueCode(i))).toContain('rule_set.advisory_split_not_whole');
    expect(duplicate.error?.issues.map((i) => issueCode(i))).toContain('rule_set.duplicate_sub_goal');
    expect(minAboveMax.success).toBe(false);
  });

  it.each([
    [{ month: 2, day: 30 }, 2024, false],
    [{ month: 2, day: 29 }, 2024, false],
    [{ month: 2, day: 29 }, 2023, true],
    [{ month: 4, day: 31 }, 2024, false],
    [{ month: 3, day: 1 }, 2024, true],
  ])('checks the default reporting deadline %j of grant year %i against the real calendar', (reportingDeadlineDefault, grantYear, accepted) => {
    // Act
    const parsed = ruleSetSchema.safeParse({ ...ruleSetFor(2024), grantYear, reportingDeadlineDefault });
    // Assess: the deadline falls in the year after the grant year, so 29 February needs that year to be a leap year
    expect(parsed.success).toBe(accepted);
  });

  it('stores shares as exact decimal text', () => {
    expect(decimalToFraction(ruleSetFor(2023).municipalShare)).toEqual({ numerator: 7n, denominator: 10n });
  });
});

describe('withCachedVersions', () => {
  const version2: RuleSetVersion = { ...codeDefaultVersion(2027)!, version: 2, stored: true, savedBy: 'imdi', changedFields: ['auditThreshold'] };

  it('reads each (year, version) from the store once, and each other version on its own', async () => {
    // Prepare
    const reads: [number, number][] = [];
    const store = { list: async () => [], get: async (year: number, version: number) => (reads.push([year, version]), version === 2 ? version2 : undefined) };
    const ruleSets = withCachedVersions(ruleSetsFrom(store));

    // Act
    const first = await ruleSets.version(2027, 2);
    const again = await ruleSets.version(2027, 2);
    const defaultVersion = await ruleSets.version(2027, 1);
    await ruleSets.version(2027, 1);

    // Assess
    expect(first).toBe(again);
    expect(defaultVersion.ruleSet).toEqual(ruleSetFor(2027));
    expect(reads).toEqual([[2027, 2], [2027, 1]]);
  });

  it('keeps no failed read, so a version saved later is found', async () => {
    // Prepare: version 3 is not there at the first read
    let saved = false;
    const store = { list: async () => [], get: async (_year: number, version: number) => (saved && version === 3 ? { ...version2, version: 3 } : undefined) };
    const ruleSets = withCachedVersions(ruleSetsFrom(store));

    // Act
    const missing = ruleSets.version(2027, 3);
    await expect(missing).rejects.toBeInstanceOf(UnknownGrantYearError);
    saved = true;

    // Assess
    expect((await ruleSets.version(2027, 3)).version).toBe(3);
  });
});
