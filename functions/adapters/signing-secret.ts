import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

/** The current key and, during a rotation, the previous one (the shape functions/common/signed-tokens.ts signs with). */
export interface SigningKeys {
  readonly current: string;
  readonly previous?: string;
}

/** A key is at least 32 characters (the CDK generates 64). */
const key = z.string().min(32);

/**
 * The secret's value in Secrets Manager: either one key as a plain string (as the stack first
 * generates it), or during and after a rotation the JSON `{"current":"…","previous":"…"}`,
 * `previous` optional. Links, sessions and CSRF tokens are signed with `current` and verified with
 * either (functions/common/signed-tokens.ts).
 */
const secretValue = z.union([z.object({ current: key, previous: key.optional() }).strict(), key]);

/** Reads a secret's value as signing keys; throws, naming no value, when it has neither shape. */
export function parseSigningSecret(value: string | undefined): SigningKeys {
  let parsed: unknown = value;
  if (value?.trimStart().startsWith('{')) {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new Error('The signing secret looks like JSON but does not parse');
    }
  }
  const result = secretValue.safeParse(parsed);
  if (!result.success) throw new Error('The signing secret is missing, or not one key of at least 32 characters or {"current","previous"} of such keys');
  const keys = typeof result.data === 'string' ? { current: result.data } : result.data;
  return keys.previous === undefined || keys.previous === keys.current ? { current: keys.current } : { current: keys.current, previous: keys.previous };
}

/**
 * The keys that sign applicants' links, sessions and CSRF tokens. In AWS they live in Secrets
 * Manager (see {@link parseSigningSecret} for the value's shape, docs/operations.md for rotating);
 * locally they come straight from the environment (`MAGIC_LINK_SECRET` and, to try a rotation,
 * `MAGIC_LINK_SECRET_PREVIOUS`), set by `npm start` or the tests.
 */
export async function loadSigningSecret(config: {
  MAGIC_LINK_SECRET?: string;
  MAGIC_LINK_SECRET_PREVIOUS?: string;
  MAGIC_LINK_SECRET_ARN?: string;
  AWS_REGION: string;
}): Promise<SigningKeys> {
  if (config.MAGIC_LINK_SECRET) {
    return config.MAGIC_LINK_SECRET_PREVIOUS ? { current: config.MAGIC_LINK_SECRET, previous: config.MAGIC_LINK_SECRET_PREVIOUS } : { current: config.MAGIC_LINK_SECRET };
  }
  if (!config.MAGIC_LINK_SECRET_ARN) throw new Error('Invalid configuration in the environment: MAGIC_LINK_SECRET or MAGIC_LINK_SECRET_ARN');
  const client = new SecretsManagerClient({ region: config.AWS_REGION });
  try {
    const result = await client.send(new GetSecretValueCommand({ SecretId: config.MAGIC_LINK_SECRET_ARN }));
    return parseSigningSecret(result.SecretString);
  } finally {
    client.destroy();
  }
}
