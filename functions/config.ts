import { z } from 'zod';

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
