/**
 * What appeals need from the store. Each write is one DynamoDB transaction: the application with
 * its appeal (status and version guarded), the audit event (machine `appeal`), the message to the
 * organisation and the appeal's entry in the municipality's appeal register.
 */
import type { Application } from '../applications/application';
import type { TenantId } from '../kernel/tenants';
import type { Appeal } from './appeal';
import type { AppealCommitment } from './lodging';

/** One line of the municipality's appeal register. */
export interface AppealRegisterEntry {
  readonly tenantId: TenantId;
  readonly applicationId: string;
  readonly reference: string;
  readonly organisationName: string;
  readonly roundId: string;
  readonly appealId: string;
  readonly status: Appeal['status'];
  readonly lodgedAt: string;
  readonly late: boolean;
  readonly decisionOutcome: Appeal['decisionOutcome'];
}

/** The store of appeals. */
export interface AppealRepository {
  get(tenantId: TenantId, applicationId: string): Promise<Application | undefined>;
  /**
   * Stores a lodged appeal or a step on one. Throws `ConcurrentChangeError` when the application
   * moved on since it was read (another appeal, another officer's step), and writes nothing.
   */
  record(commitment: AppealCommitment): Promise<void>;
  /** The municipality's appeals, newest first. */
  listByTenant(tenantId: TenantId): Promise<AppealRegisterEntry[]>;
}
