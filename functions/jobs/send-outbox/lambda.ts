import { compositionRootOfProcess } from '../../composition';

/** EventBridge Scheduler entry point of the send-outbox job. */
export const handler = compositionRootOfProcess().jobs.sendOutbox();
