import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HealthProbe } from '../../shared/kernel/ports';

/** Reachability of the table: DescribeTable answers only when the endpoint and the table exist. */
export function createHealthProbe(db: DynamoDBDocumentClient, tableName: string): HealthProbe {
  return {
    async check() {
      try {
        const result = await db.send(new DescribeTableCommand({ TableName: tableName }));
        const status = result.Table?.TableStatus;
        return status === 'ACTIVE' ? { ok: true } : { ok: false, reason: `table status ${status ?? 'unknown'}` };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.name : 'unreachable' };
      }
    },
  };
}
