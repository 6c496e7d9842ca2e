import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The key that signs applicants' links, sessions and CSRF tokens. In AWS it lives in Secrets
 * Manager (rotating it ends every session and link in flight, see docs/operations.md); locally it
 * comes straight from the environment, set by `npm start` or the tests.
 */
export async function loadSigningSecret(config: { MAGIC_LINK_SECRET?: string; MAGIC_LINK_SECRET_ARN?: string; AWS_REGION: string }): Promise<string> {
  if (config.MAGIC_LINK_SECRET) return config.MAGIC_LINK_SECRET;
  if (!config.MAGIC_LINK_SECRET_ARN) throw new Error('Invalid configuration in the environment: MAGIC_LINK_SECRET or MAGIC_LINK_SECRET_ARN');
  const client = new SecretsManagerClient({ region: config.AWS_REGION });
  try {
    const result = await client.send(new GetSecretValueCommand({ SecretId: config.MAGIC_LINK_SECRET_ARN }));
    if (!result.SecretString || result.SecretString.length < 32) throw new Error('The signing secret is missing or shorter than 32 characters');
    return result.SecretString;
  } finally {
    client.destroy();
  }
}
