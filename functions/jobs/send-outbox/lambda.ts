import { createAdapters } from '../../adapters';
import { loadConfig } from '../../config';
import { createLogger } from '../../common/logger';
import { createSendOutboxHandler } from './handler';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig(process.env);
const adapters = createAdapters(config);

/** EventBridge Scheduler entry point of the send-outbox job. */
export const handler = createSendOutboxHandler({
  outbox: adapters.outbox,
  mailer: adapters.mailer,
  clock: () => new Date(),
  logger: createLogger(config.LOG_LEVEL),
});
