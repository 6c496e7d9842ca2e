import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/**
 * Builds the STS client that opens tenant sessions. In AWS it signs with the Lambda's own role,
 * the one principal the session roles trust; `STS_ENDPOINT` points it at a stand-in off AWS.
 */
export function createStsClient(config: { AWS_REGION: string; STS_ENDPOINT?: string }): STSClient {
  return new STSClient({
    region: config.AWS_REGION,
    ...(config.STS_ENDPOINT ? { endpoint: config.STS_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

/** Temporary credentials of one session, in the shape every SDK client accepts. */
export interface SessionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/** What an SDK client is given as `credentials`; it asks again when they near expiry. */
export type SessionCredentialsProvider = () => Promise<SessionCredentials>;

/** Session tags, by key; the session role's policies read them as `${aws:PrincipalTag/<key>}`. */
export type SessionTags = Readonly<Record<string, string>>;

/** How one tagged session of a role is opened and kept. */
export interface AssumedRoleOptions {
  readonly roleArn: string;
  readonly tags: SessionTags;
  /** Shown in CloudTrail beside every call the session makes, so it names the scope, never a person. */
  readonly sessionName: string;
  /** The session roles allow at most an hour. */
  readonly durationSeconds?: number;
  /**
   * How long before expiry a new session is opened. Five minutes matches the SDK's own
   * memoisation window, so a client never holds credentials that lapse mid-request.
   */
  readonly refreshMarginMs?: number;
  /** Milliseconds since the epoch; credential expiry is wall-clock time, not the domain's clock. */
  readonly now?: () => number;
}

export const SESSION_DURATION_SECONDS = 3600;
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Credentials of one tagged session, kept until shortly before they expire. Concurrent callers
 * while a session is being opened share that one `AssumeRole` call, and a failed call is not
 * kept, so the next request tries again.
 */
export function assumedRoleCredentials(sts: STSClient, options: AssumedRoleOptions): SessionCredentialsProvider {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? REFRESH_MARGIN_MS;
  let current: SessionCredentials | undefined;
  let opening: Promise<SessionCredentials> | undefined;

  const open = async (): Promise<SessionCredentials> => {
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: options.roleArn,
        RoleSessionName: options.sessionName,
        DurationSeconds: options.durationSeconds ?? SESSION_DURATION_SECONDS,
        Tags: Object.entries(options.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey || !Credentials.SessionToken || !Credentials.Expiration) {
      throw new Error(`AssumeRole of ${options.roleArn} answered without complete credentials`);
    }
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    };
  };

  return async () => {
    if (current && current.expiration.getTime() - now() > margin) return current;
    opening ??= open().then(
      (credentials) => {
        current = credentials;
        opening = undefined;
        return credentials;
      },
      (error: unknown) => {
        opening = undefined;
        throw error;
      },
    );
    return opening;
  };
}
