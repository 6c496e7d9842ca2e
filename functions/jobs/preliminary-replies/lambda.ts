import { preliminaryRepliesJob } from '../../composition/jobs';
import { compositionRootOfProcess } from '../../composition/root';

/** EventBridge Scheduler entry point of the preliminary-replies job. */
export const handler = preliminaryRepliesJob(compositionRootOfProcess());
