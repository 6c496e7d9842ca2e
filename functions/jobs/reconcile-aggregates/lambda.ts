import { reconcileAggregatesJob } from '../../composition/jobs';
import { compositionRootOfProcess } from '../../composition/root';

/** EventBridge Scheduler entry point of the reconcile-aggregates job; invoke with `{"repair": true}` to repair. */
export const handler = reconcileAggregatesJob(compositionRootOfProcess());
