import { ulid } from 'ulid';
import { createAdapters } from '../../adapters';
import { loadConfig } from '../../config';
import { createLogger } from '../../common/logger';
import { createCloseRoundsHandler } from './handler';

// Built once per Lambda container and reused by every invocation it serves.
const config = loadConfig(process.env);
const adapters = createAdapters(config);

/** EventBridge Scheduler entry point of the close-rounds job. */
export const handler = createCloseRoundsHandler({
  calls: adapters.calls,
  clock: () => new Date(),
  newId: ulid,
  logger: createLogger(config.LOG_LEVEL),
});
