import { describe, expect, it } from 'vitest';
import { percentToRate, rateToPercent } from '../../functions/http/national/rule-set-form';
import { kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { RoundSettingsRejectedError } from '../../shared/rounds/round-settings';
import type { Call } from '../../shared/rounds/call';
import { checkRoundSettings, createRound } from '../../shared/rounds/use-cases/create-round';
import type { RuleSetAudit, RuleSetRepository } from '../../shared/rules/ports';
import {
  RuleSetChangedMeanwhileError, RuleSetYearMismatchError, changedFields, codeDefaultVersion, nextRuleSetVersion, ruleSetSchema, ruleSetsFrom,
  versionsWithDefault, type RuleSetVersion,
} from '../../shared/rules';
import { saveRuleSet } from '../../shared/rules/use-cases/save-rule-set';
import { openCall } from '../support/calls';

/** An in-memory store that refuses a taken version number, as the table's condition does. */
function memoryRepository() {
  const stored: RuleSetVersion[] = [];
  const audits: RuleSetAudit[] = [];
  const repository: RuleSetRepository & { lock(version: RuleSetVersion): void } = {
    async list(grantYear) { return stored.filter((v) => v.grantYear === grantYear); },
    async get(grantYear, version) { return stored.find((v) => v.grantYear === grantYear && v.version === version); },
    async create(version, audit, seed) {
      const taken = (v: RuleSetVersion) => stored.some((s) => s.grantYear === v.grantYear && s.version === v.version);
      if (taken(version) || (seed && taken(seed))) throw new RuleSetChangedMeanwhileError(version.grantYear, version.basedOnVersion ?? 0, version.version);
      if (seed) stored.push({ ...seed, stored: true });
      stored.push(version);
      audits.push(audit);
      return version;
    },
    lock(version) {
      const index = stored.findIndex((v) => v.grantYear === version.grantYear && v.version === version.version);
      if (index >= 0) stored[index] = { ...stored[index]!, locked: true };
      else stored.push({ ...version, locked: true, stored: true });
    },
  };
  return { repository, stored, audits };
}

const imdi = { userId: 'admin-1', tenantId: 'imdi' as TenantId };
const clock = () => new Date('2026-12-01T10:00:00.000Z');
const rules2027 = codeDefaultVersion(2027)!.ruleSet;

describe('rule-set versions', () => {
  it('stands the code default in as version 1 until a version is stored, and orders stored versions', () => {
    // Act
    const none = versionsWithDefault([], 2027);
    const unknownYear = versionsWithDefault([], 1999);
    const stored = versionsWithDefault([{ ...none[0]!, version: 2, stored: true }, { ...none[0]!, stored: true }], 2027);

    // Assess
    expect(none).toEqual([expect.objectContaining({ version: 1, stored: false, locked: false, savedBy: 'code-default' })]);
    expect(unknownYear).toEqual([]);
    expect(stored.map((v) => v.version)).toEqual([1, 2]);
  });

  it('names every changed leaf by its dotted path, list items by index', () => {
    // Prepare
    const edited = ruleSetSchema.parse({
      ...rules2027,
      amounts: { ...rules2027.amounts, maxPerApplication: kroner(1_500_000) },
      subGoals: rules2027.subGoals.map((g) => (g.code === 'A' ? { ...g, advisoryShare: '0.40' } : g.code === 'D' ? { ...g, advisoryShare: '0.00' } : g)),
    });

    // Act
    const changed = changedFields(rules2027, edited);

    // Assess
    expect(changed).toEqual(['amounts.maxPerApplication', 'subGoals.0.advisoryShare', 'subGoals.3.advisoryShare']);
    expect(changedFields(rules2027, { ...rules2027, pots: [] })).toEqual(['pots']);
  });

  it('numbers a save after the version it was based on, and refuses a stale base or another year', () => {
    // Prepare
    const v1 = codeDefaultVersion(2027)!;
    const edit = { grantYear: 2027, ruleSet: { ...rules2027, auditThreshold: kroner(150_000) }, at: '2026-12-01T10:00:00.000Z', by: 'admin-1' };

    // Act
    const v2 = nextRuleSetVersion(v1, { ...edit, basedOnVersion: 1 });

    // Assess
    expect(v2).toMatchObject({ version: 2, basedOnVersion: 1, locked: false, stored: true, changedFields: ['auditThreshold'], savedBy: 'admin-1' });
    expect(() => nextRuleSetVersion(v2, { ...edit, basedOnVersion: 1 })).toThrow(RuleSetChangedMeanwhileError);
    expect(() => nextRuleSetVersion(v1, { ...edit, grantYear: 2026, basedOnVersion: 1 })).toThrow(RuleSetYearMismatchError);
    expect(nextRuleSetVersion(undefined, { ...edit, grantYear: 2027, basedOnVersion: 0 }).version).toBe(1);
  });
});

describe('saving a rule set', () => {
  it('stores the code default as version 1 with the first save, never overwrites, and audits each save', async () => {
    // Prepare
    const { repository, stored, audits } = memoryRepository();
    let id = 0;
    const deps = { ruleSets: repository, clock, newId: () => `evt-${++id}` };

    // Act
    const v2 = await saveRuleSet(deps, { grantYear: 2027, ruleSet: { ...rules2027, auditThreshold: kroner(150_000) }, basedOnVersion: 1, by: imdi });
    const v3 = await saveRuleSet(deps, { grantYear: 2027, ruleSet: { ...rules2027, auditThreshold: kroner(120_000) }, basedOnVersion: 2, by: imdi });
    const stale = saveRuleSet(deps, { grantYear: 2027, ruleSet: rules2027, basedOnVersion: 2, by: imdi });

    // Assess
    await expect(stale).rejects.toBeInstanceOf(RuleSetChangedMeanwhileError);
    expect(stored.map((v) => [v.version, v.ruleSet.auditThreshold])).toEqual([[1, 100_000], [2, 150_000], [3, 120_000]]);
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(audits).toEqual([{ tenantId: 'imdi', eventId: 'evt-1' }, { tenantId: 'imdi', eventId: 'evt-2' }]);
  });
});

describe('rounds and the version of the rules they use', () => {
  const round = (overrides: Partial<Call> = {}) => openCall('t-alfa' as TenantId, { grantYear: 2027, opensAt: '2027-01-10T08:00:00.000Z', ...overrides });

  it('creates a round under the current version and locks that version with it', async () => {
    // Prepare
    const { repository } = memoryRepository();
    const locks: RuleSetVersion[] = [];
    const calls = { create: async (_call: Call, lock?: RuleSetVersion) => { if (lock) { locks.push(lock); repository.lock(lock); } } };
    await saveRuleSet({ ruleSets: repository, clock, newId: () => 'e' }, { grantYear: 2027, ruleSet: rules2027, basedOnVersion: 1, by: imdi });

    // Act
    const created = await createRound({ calls, ruleSets: ruleSetsFrom(repository) }, round());

    // Assess
    expect(created.ruleSetVersion).toBe(2);
    expect(locks.map((v) => v.version)).toEqual([2]);
    expect((await ruleSetsFrom(repository).current(2027)).locked).toBe(true);
  });

  it('refuses a round that breaks the current rules, with every violation', async () => {
    // Prepare
    const { repository } = memoryRepository();
    const calls = { create: async () => undefined };

    // Act
    const refused = createRound({ calls, ruleSets: ruleSetsFrom(repository) }, round({ maxAmount: 3_000_000 as Call['maxAmount'] }));

    // Assess
    await expect(refused).rejects.toBeInstanceOf(RoundSettingsRejectedError);
  });

  it('checks a round that narrows the rules against the version it uses, not a newer one that is stricter', async () => {
    // Prepare: version 1 allows 2 000 000 per application, version 2 only 100 000
    const { repository } = memoryRepository();
    await saveRuleSet({ ruleSets: repository, clock, newId: () => 'e' }, {
      grantYear: 2027, ruleSet: { ...rules2027, amounts: { minPerApplication: kroner(1_000), maxPerApplication: kroner(100_000) } }, basedOnVersion: 1, by: imdi,
    });
    const ruleSets = ruleSetsFrom(repository);
    const onV1 = round({ ruleSetVersion: 1, maxAmount: 200_000 as Call['maxAmount'] });

    // Act
    const againstOwn = await checkRoundSettings(ruleSets, onV1);
    const againstNewer = await checkRoundSettings(ruleSets, { ...onV1, ruleSetVersion: 2 });
    const legacy = await checkRoundSettings(ruleSets, { ...onV1, ruleSetVersion: undefined });

    // Assess
    expect(againstOwn).toEqual([]);
    expect(legacy).toEqual([]);
    expect(againstNewer.map((v) => v.code)).toEqual(['round.max_amount_above_national']);
  });
});

describe('shares on the form', () => {
  it('turns a typed percentage into exact decimal text and back, without floats', () => {
    // Assess
    expect(['70', '5', '12,5', '12.5 %', '100', '0', '33,333'].map(percentToRate)).toEqual(['0.70', '0.05', '0.125', '0.125', '1.00', '0.00', '0.33333']);
    expect(percentToRate('sytti')).toBe('sytti');
    expect(percentToRate('150')).toBe('1.50');
    expect(['0.70', '0.05', '0.125', '1', '0.33333'].map((rate) => rateToPercent(rate, 'nb'))).toEqual(['70', '5', '12,5', '100', '33,333']);
    expect(rateToPercent('0.125', 'en')).toBe('12.5');
  });
});
