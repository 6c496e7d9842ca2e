import { compositionRootOfProcess } from '../../composition';

/** EventBridge Scheduler entry point of the close-rounds job. */
export const handler = compositionRootOfProcess().jobs.closeRounds();
