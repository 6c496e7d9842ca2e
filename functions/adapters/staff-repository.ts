import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { osloDateOf } from '../../shared/kernel/deadlines';
import type { StaffDirectory } from '../../shared/officers/staff';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import { isConditionalCheckFailed } from './dynamodb-errors';
import { auditEventItem } from './entities/audit-event-item';
import { staffMemberItem } from './entities/staff-member-item';
import { queryPartition } from './query-all';
import { concurrencyGuard, createUnitOfWork, putNew } from './unit-of-work';

/**
 * The staff directory in the tenant's partition. A user is written at most once per Oslo day, or
 * again when their roles changed: the process remembers whom it has recorded today with which
 * roles, and the write itself is conditional on the stored day and roles, so several containers
 * still write once.
 */
export function createStaffRepository(db: DynamoDBDocumentClient, tableName: string): StaffDirectory {
  const recordedToday = new Map<string, string>();
  const unitOfWork = createUnitOfWork(db, tableName);

  return {
    async record(tenantId, member) {
      const day = osloDateOf(member.lastSeenAt);
      const memo = `${tenantId}|${member.userId}`;
      const seen = `${day}|${[...member.roles].sort().join(',')}`;
      if (recordedToday.get(memo) === seen) return;
      const names: Record<string, string> = { '#roles': 'roles', '#lastSeenAt': 'lastSeenAt', '#day': 'lastSeenDay', '#tenantId': 'tenantId', '#userId': 'userId', '#entity': 'entity' };
      const values: Record<string, unknown> = { ':roles': [...member.roles], ':lastSeenAt': member.lastSeenAt, ':day': day, ':tenantId': tenantId, ':userId': member.userId, ':entity': 'staff-member' };
      const sets = ['#roles = :roles', '#lastSeenAt = :lastSeenAt', '#day = :day', '#tenantId = :tenantId', '#userId = :userId', '#entity = :entity'];
      if (member.name) {
        names['#name'] = 'name';
        values[':name'] = member.name;
        sets.push('#name = :name');
      }
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: staffMemberItem.key(tenantId, member.userId),
            UpdateExpression: `SET ${sets.join(', ')}`,
            ConditionExpression: 'attribute_not_exists(#day) OR #day <> :day OR #roles <> :roles',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      recordedToday.set(memo, seen);
    },

    async list(tenantId) {
      const items = await queryPartition(db, tableName, staffMemberItem.partitionOf(tenantId));
      return items.map(staffMemberItem.fromItem).sort((a, b) => (a.name ?? a.userId).localeCompare(b.name ?? b.userId, 'nb'));
    },

    async remove(tenantId, userId, audit) {
      const key = staffMemberItem.key(tenantId, userId);
      try {
        await unitOfWork.commit([
          { type: 'delete', key, condition: { expression: 'attribute_exists(PK)', guard: concurrencyGuard } },
          putNew(auditEventItem.toItem({ tenantId, entityKey: key.PK, eventId: audit.eventId, at: audit.at, actor: audit.actor, machine: 'staff', action: 'remove', ids: { userId } })),
        ]);
      } catch (error) {
        if (error instanceof ConcurrentChangeError) return false;
        throw error;
      }
      recordedToday.delete(`${tenantId}|${userId}`);
      return true;
    },
  };
}
