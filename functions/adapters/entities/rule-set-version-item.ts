import { ruleSetSchema } from '../../../shared/rules/rule-set';
import type { RuleSetVersion } from '../../../shared/rules/rule-set-version';
import type { Item, ItemKey } from './item';

/**
 * One version of a grant year's national rules: national data, one partition per grant year, one
 * item per version. The number is zero-padded so the sort key orders the versions and the latest
 * is the last. The rule set is one map attribute, parsed again on the way out.
 */
export const ruleSetVersionItem = {
  partitionOf: (grantYear: number) => `NATIONAL#RULESET#${grantYear}`,
  key: (grantYear: number, version: number): ItemKey => ({
    PK: ruleSetVersionItem.partitionOf(grantYear),
    SK: `VERSION#${String(version).padStart(6, '0')}`,
  }),
  /** The stored attributes of a version, without its keys. */
  attributes(version: RuleSetVersion): Item {
    const { stored: _stored, ...fields } = version;
    return { ...fields, changedFields: [...version.changedFields] };
  },
  toItem: (version: RuleSetVersion): Item => ({
    ...ruleSetVersionItem.key(version.grantYear, version.version),
    entity: 'rule-set-version',
    ...ruleSetVersionItem.attributes(version),
  }),
  /** Whether the item holds a version's rules, rather than only a round's lock on the code default. */
  isStored: (item: Item): boolean => item.ruleSet !== undefined,
  fromItem(item: Item): RuleSetVersion {
    return {
      grantYear: Number(item.grantYear),
      version: Number(item.version),
      ruleSet: ruleSetSchema.parse(item.ruleSet),
      locked: item.locked === true,
      stored: true,
      savedBy: String(item.savedBy),
      ...(typeof item.savedAt === 'string' ? { savedAt: item.savedAt } : {}),
      ...(typeof item.basedOnVersion === 'number' ? { basedOnVersion: item.basedOnVersion } : {}),
      changedFields: Array.isArray(item.changedFields) ? item.changedFields.map(String) : [],
    };
  },
  /**
   * The update that stores a version where it is missing, keeping any attribute already stored, so
   * the code default becomes version 1 by whichever write first needs it (a save or a round) and
   * a stored version's content is never touched. With `lock`, it also marks the version locked.
   */
  ensure(version: RuleSetVersion, options: { lock: boolean }): { key: ItemKey; expression: string; names: Record<string, string>; values: Record<string, unknown> } {
    const fields = Object.entries({ entity: 'rule-set-version', ...ruleSetVersionItem.attributes(version) }).filter(([name]) => !(options.lock && name === 'locked'));
    const sets = fields.map((_field, i) => `#a${i} = if_not_exists(#a${i}, :a${i})`);
    return {
      key: ruleSetVersionItem.key(version.grantYear, version.version),
      expression: `SET ${[...(options.lock ? ['#locked = :locked'] : []), ...sets].join(', ')}`,
      names: { ...(options.lock ? { '#locked': 'locked' } : {}), ...Object.fromEntries(fields.map(([name], i) => [`#a${i}`, name])) },
      values: { ...(options.lock ? { ':locked': true } : {}), ...Object.fromEntries(fields.map(([, value], i) => [`:a${i}`, value])) },
    };
  },
};
