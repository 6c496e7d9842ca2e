import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { MailRejectedError, type Mailer, type OutgoingMessage } from '../../shared/outbox/outbox';

/**
 * SES errors that concern the message itself; sending it again would fail the same way. Account
 * or configuration problems (paused sending, unverified sender) are left retryable, because an
 * operator can fix them within the retry window.
 */
const PERMANENT_ERRORS = new Set(['MessageRejected', 'InvalidParameterValue']);

/** Settings the mailer needs, from the runtime configuration. */
export interface MailerConfig {
  AWS_REGION: string;
  SES_ENDPOINT?: string;
  MAIL_FROM: string;
  MAIL_CONFIGURATION_SET?: string;
}

/** Builds the SES client. Locally the endpoint is the SES stand-in, which accepts any letters-and-digits key. */
export function createSesClient(config: Pick<MailerConfig, 'AWS_REGION' | 'SES_ENDPOINT'>): SESClient {
  return new SESClient({
    region: config.AWS_REGION,
    // The outbox retries with its own backoff; the SDK's quick retries only need to cover a blip.
    maxAttempts: 2,
    // Well inside the outbox lease, so a hung request ends before another sender may claim the message.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
    ...(config.SES_ENDPOINT
      ? { endpoint: config.SES_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

/** The {@link Mailer} over the SES v1 `SendEmail` API (which the local stand-in implements too). */
export function createSesMailer(client: SESClient, config: MailerConfig): Mailer {
  return {
    async send(message: OutgoingMessage) {
      const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });
      try {
        const result = await client.send(
          new SendEmailCommand({
            Source: config.MAIL_FROM,
            Destination: { ToAddresses: [message.to] },
            Message: {
              Subject: utf8(message.subject),
              Body: { Text: utf8(message.text), ...(message.html ? { Html: utf8(message.html) } : {}) },
            },
            ...(config.MAIL_CONFIGURATION_SET
              ? {
                  ConfigurationSetName: config.MAIL_CONFIGURATION_SET,
                  // Bounce and complaint events then name the message, never needing the address.
                  Tags: [
                    { Name: 'kind', Value: message.kind },
                    { Name: 'messageId', Value: message.messageId },
                  ],
                }
              : {}),
          }),
        );
        if (!result.MessageId) throw new Error('SES accepted the message without a message id');
        return { providerMessageId: result.MessageId };
      } catch (error) {
        const name = (error as { name?: string }).name ?? 'Error';
        if (PERMANENT_ERRORS.has(name)) throw new MailRejectedError(name, { cause: error });
        throw error;
      }
    },
  };
}
