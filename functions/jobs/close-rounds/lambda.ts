import { closeRoundsJob } from '../../composition/jobs';
import { compositionRootOfProcess } from '../../composition/root';

/** EventBridge Scheduler entry point of the close-rounds job. */
export const handler = closeRoundsJob(compositionRootOfProcess());
