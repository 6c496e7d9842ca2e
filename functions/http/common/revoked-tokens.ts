import { base64url, decodeJwt } from 'jose';

export type { RevokedTokens } from '../../../shared/kernel/ports';

/**
 * The id a token is revoked under: its `jti` when it has one (Cognito's tokens do), else a hash of
 * the whole token, so the stored id never lets anyone rebuild the token.
 */
export async function revocationIdOf(token: string): Promise<string> {
  const { jti } = decodeJwt(token);
  if (typeof jti === 'string' && /^[\w-]{1,128}$/.test(jti)) return `jti-${jti}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return `sha256-${base64url.encode(new Uint8Array(digest))}`;
}
