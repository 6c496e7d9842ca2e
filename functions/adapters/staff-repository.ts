import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { osloDateOf } from '../../shared/kernel/deadlines';
import type { StaffDirectory } from '../../shared/officers/staff';
import { isConditionalCheckFailed } from './dynamodb-errors';
import { staffMemberItem } from './entities/staff-member-item';
import { queryPartition } from './query-all';

/**
 * The staff directory in the tenant's partition. A user is written at most once per Oslo day: the
 * process remembers whom it has recorded today, and the write itself is conditional on the stored
 * day, so several containers still write once.
 */
export function createStaffRepository(db: DynamoDBDocumentClient, tableName: string): StaffDirectory {
  const recordedToday = new Map<string, string>();

  return {
    async record(tenantId, member) {
      const day = osloDateOf(member.lastSeenAt);
      const memo = `${tenantId}|${member.userId}`;
      if (recordedToday.get(memo) === day) return;
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
            ConditionExpression: 'attribute_not_exists(#day) OR #day <> :day',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      recordedToday.set(memo, day);
    },

    async list(tenantId) {
      const items = await queryPartition(db, tableName, staffMemberItem.partitionOf(tenantId));
      return items.map(staffMemberItem.fromItem).sort((a, b) => (a.name ?? a.userId).localeCompare(b.name ?? b.userId, 'nb'));
    },
  };
}
