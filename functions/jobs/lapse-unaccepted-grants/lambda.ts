import { lapseUnacceptedGrantsJob } from '../../composition/jobs';
import { compositionRootOfProcess } from '../../composition/root';

/** EventBridge Scheduler entry point of the lapse job. */
export const handler = lapseUnacceptedGrantsJob(compositionRootOfProcess());
