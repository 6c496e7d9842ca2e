import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RevokedTokens } from '../../shared/kernel/ports';
import { revokedTokenItem } from './entities/revoked-token-item';
import { createUnitOfWork } from './unit-of-work';

/** Signed-out tokens in the table, shared by every Lambda container and the local server alike. */
export function createRevokedTokenStore(db: DynamoDBDocumentClient, tableName: string): RevokedTokens {
  const unitOfWork = createUnitOfWork(db, tableName);
  return {
    async revoke(tokenId, expiresAt) {
      // Signing out twice writes the same item again: nothing to guard against.
      await unitOfWork.commit([{ type: 'put', item: revokedTokenItem.toItem(tokenId, expiresAt) }]);
    },
    async isRevoked(tokenId) {
      // Strongly consistent: a sign-out must hold for the very next request, whichever container answers it.
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: revokedTokenItem.key(tokenId), ConsistentRead: true, ProjectionExpression: 'PK, expiresAt' }),
      );
      // TTL deletes some time after expiry; an item past it no longer matters, as the token is expired too.
      return Item !== undefined && Number(Item.expiresAt) > Date.now() / 1000;
    },
  };
}
