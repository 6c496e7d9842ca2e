import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FundingIndex } from '../../shared/applications/funding-index';
import { fundingEntryItem } from './entities/funding-entry-item';
import { queryAll } from './query-all';

/** Reads the cross-tenant funding index: one Query per organisation and year, never a Scan. */
export function createFundingIndexRepository(db: DynamoDBDocumentClient, tableName: string): FundingIndex {
  return {
    async listFor(orgnr, grantYear) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :year)',
        ExpressionAttributeValues: { ':pk': fundingEntryItem.partitionOf(orgnr), ':year': `${grantYear}#` },
      });
      return items.map(fundingEntryItem.fromItem);
    },
  };
}
