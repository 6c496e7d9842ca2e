import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { RuleSetRepository } from '../../shared/rules/ports';
import { codeDefaultVersion, RuleSetChangedMeanwhileError, type RuleSetVersion } from '../../shared/rules/rule-set-version';
import type { Item } from './entities/item';
import { auditEventItem } from './entities/audit-event-item';
import { ruleSetVersionItem } from './entities/rule-set-version-item';
import { queryPartition } from './query-all';
import { concurrencyGuard, createUnitOfWork, type Change } from './unit-of-work';

/**
 * A stored version, or, for a round's lock marker on the code default (see call-repository's
 * `lockChange`), the code default as version 1, locked and still not stored.
 */
function versionOrLockedDefault(item: Item): RuleSetVersion | undefined {
  if (ruleSetVersionItem.isStored(item)) return ruleSetVersionItem.fromItem(item);
  const grantYear = Number(String(item.PK).split('#').at(-1)); // NATIONAL#RULESET#<year>
  const fallback = codeDefaultVersion(grantYear);
  return fallback && item.SK === ruleSetVersionItem.key(grantYear, 1).SK ? { ...fallback, locked: item.locked === true } : undefined;
}

/**
 * Rule-set versions in the single table. A version is written only if its number is free, so of
 * two administrators saving at once exactly one gets the number and the other is told; nothing
 * is ever overwritten.
 */
export function createRuleSetRepository(db: DynamoDBDocumentClient, tableName: string): RuleSetRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async list(grantYear) {
      const items = await queryPartition(db, tableName, ruleSetVersionItem.partitionOf(grantYear));
      return items.map(versionOrLockedDefault).filter((version) => version !== undefined);
    },

    async get(grantYear, version) {
      const result = await db.send(new GetCommand({ TableName: tableName, Key: ruleSetVersionItem.key(grantYear, version), ConsistentRead: true }));
      return result.Item ? versionOrLockedDefault(result.Item) : undefined;
    },

    async create(version, audit, seed) {
      const item = ruleSetVersionItem.toItem(version);
      const changes: Change[] = [
        // The code default as version 1, unless a round stored it a moment ago (then kept as it is).
        ...(seed ? [{ type: 'update', ...ruleSetVersionItem.ensure(seed, { lock: false }) } satisfies Change] : []),
        { type: 'put', item, condition: { expression: 'attribute_not_exists(PK)', guard: concurrencyGuard } },
        {
          type: 'put',
          item: auditEventItem.toItem({
            tenantId: audit.tenantId,
            entityKey: `${item.PK}#${item.SK}`,
            eventId: audit.eventId,
            at: version.savedAt ?? '',
            actor: version.savedBy,
            machine: 'rule-set',
            action: 'save',
            ...(version.basedOnVersion === undefined ? {} : { from: String(version.basedOnVersion) }),
            to: String(version.version),
            version: version.version,
            ids: { grantYear: String(version.grantYear), changedFields: version.changedFields.join(',') },
          }),
        },
      ];
      try {
        await unitOfWork.commit(changes);
      } catch (error) {
        if (error instanceof ConcurrentChangeError) {
          throw new RuleSetChangedMeanwhileError(version.grantYear, version.basedOnVersion ?? 0, version.version);
        }
        throw error;
      }
      return ruleSetVersionItem.fromItem(item);
    },
  };
}
