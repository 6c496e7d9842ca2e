import { sendOutboxJob } from '../../composition/jobs';
import { compositionRootOfProcess } from '../../composition/root';

/** EventBridge Scheduler entry point of the send-outbox job. */
export const handler = sendOutboxJob(compositionRootOfProcess());
