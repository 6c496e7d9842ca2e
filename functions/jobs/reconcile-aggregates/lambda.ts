import { compositionRootOfProcess } from '../../composition';

/** EventBridge Scheduler entry point of the reconcile-aggregates job; invoke with `{"repair": true}` to repair. */
export const handler = compositionRootOfProcess().jobs.reconcileAggregates();
