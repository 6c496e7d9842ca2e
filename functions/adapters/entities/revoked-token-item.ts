import type { Item, ItemKey } from './item';

/**
 * A signed-out token, remembered until it would have expired (then TTL removes it). Not tenant
 * data: the id says nothing about whose token it was, and the apps check it before they know the
 * tenant. Its partitions start with `REVOKED#`, which the sign-in apps' roles are granted.
 */
export const revokedTokenItem = {
  key: (tokenId: string): ItemKey => ({ PK: `REVOKED#${tokenId}`, SK: 'REVOKED' }),
  toItem: (tokenId: string, expiresAt: number): Item => ({
    ...revokedTokenItem.key(tokenId),
    entity: 'revoked-token',
    expiresAt,
  }),
};
