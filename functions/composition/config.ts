import { z } from 'zod';

/** The bucket name the local S3 stand-in creates, used when ATTACHMENTS_BUCKET is not set off AWS. */
export const LOCAL_ATTACHMENTS_BUCKET = 'fordel-attachments';

/**
 * Runtime configuration, parsed once from the environment at the composition root.
 * In AWS the CDK stacks set these; locally `infra/local` sets them to the stand-ins.
 */
export const configSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1).default('eu-north-1'),
  /** Set only locally: the DynamoDB Local endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Set only locally: the SES stand-in endpoint. */
  SES_ENDPOINT: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('ikke-svar@fordel.no'),
  /** Set in AWS: the SES configuration set (TLS required, suppression list) every email goes through. */
  MAIL_CONFIGURATION_SET: z.string().min(1).optional(),
  APP_BASE_URL: z.url().default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Enhetsregisteret's open data API; locally the demo registry of `infra/local/registry-server.ts`. */
  REGISTRY_BASE_URL: z.url().default('https://data.brreg.no'),
  /** How long one registry lookup may take before the applicant is told to try again later. */
  REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(1).max(30_000).default(3000),
  /** The private attachments bucket. Required in AWS; off AWS it defaults to the local bucket. */
  ATTACHMENTS_BUCKET: z.string().min(3).optional(),
  /** Locally: the key that signs applicants' links and sessions (at least 32 characters). */
  MAGIC_LINK_SECRET: z.string().min(32).optional(),
  /** Locally, to try a rotation: the key before MAGIC_LINK_SECRET, still accepted when verifying. */
  MAGIC_LINK_SECRET_PREVIOUS: z.string().min(32).optional(),
  /** In AWS: the Secrets Manager secret holding that key, or `{"current","previous"}` keys during a rotation. */
  MAGIC_LINK_SECRET_ARN: z.string().min(20).optional(),
  /** Set only locally: the s3rver endpoint. */
  S3_ENDPOINT: z.url().optional(),
  /**
   * OIDC issuer of officer and IMDi sign-in: the Cognito user pool in AWS, the local identity
   * provider (`<APP_BASE_URL>/local-idp`) on one machine. Required by the officer and national apps.
   */
  AUTH_ISSUER: z.url().optional(),
  /** OIDC client id; tokens must be issued to it (`aud` or `client_id`). */
  AUTH_CLIENT_ID: z.string().min(1).optional(),
  /** Only for a confidential client; Fordel's Cognito client is public and relies on PKCE. */
  AUTH_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * In AWS: the role an officer request assumes, tagged with its tenant, so IAM holds it to that
   * tenant's partitions. Unset off AWS, where every request uses the process's own adapters.
   */
  OFFICER_TENANT_ROLE_ARN: z.string().startsWith('arn:').optional(),
  /** In AWS: the role an applicant's session assumes, tagged with its tenant and application. */
  APPLICANT_TENANT_ROLE_ARN: z.string().startsWith('arn:').optional(),
  /** Set only off AWS, where a stand-in answers `AssumeRole`. */
  STS_ENDPOINT: z.url().optional(),
}).superRefine((config, ctx) => {
  // In AWS a missing bucket would only surface at the first upload; the local stand-ins (any
  // *_ENDPOINT) create their bucket under a known name, so there it may be left out.
  const local = config.S3_ENDPOINT !== undefined || config.DYNAMODB_ENDPOINT !== undefined;
  if (!local && config.ATTACHMENTS_BUCKET === undefined) {
    ctx.addIssue({ code: 'custom', path: ['ATTACHMENTS_BUCKET'], message: 'ATTACHMENTS_BUCKET is required in AWS' });
  }
});

/** Validated runtime configuration. */
export type Config = z.infer<typeof configSchema>;

/** Parses the environment; a missing or malformed value stops the process with a named field. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(`Invalid configuration in the environment: ${fields}`);
  }
  return result.data;
}
