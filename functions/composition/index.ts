/**
 * The one place that wires adapters into the apps and the jobs, used alike by every Lambda entry
 * point and by the local server and scheduler, so the two runtimes differ only in where the
 * configuration points. A Lambda entry point imports the root and its own app or job module only,
 * so its bundle carries nothing of the others; the local server takes everything from here.
 */
export type { Adapters } from './adapters';
export { applicantApp } from './applicant-app';
export { LOCAL_ATTACHMENTS_BUCKET, loadConfig, type Config } from './config';
export { closeRoundsJob, preliminaryRepliesJob, lapseUnacceptedGrantsJob, reconcileAggregatesJob, sendOutboxJob } from './jobs';
export { nationalApp } from './national-app';
export { officerApp } from './officer-app';
export { compositionRootOfProcess, createCompositionRoot, type CompositionOptions, type CompositionRoot } from './root';
export type { ApplicationRepositories, TenantRepositories } from './tenant-scopes';
