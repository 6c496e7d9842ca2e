/**
 * What the assessment use cases need from the store. The adapter writes each change as one
 * DynamoDB transaction: the assessment item, the application item when the change touches it
 * (its recusals, summary or status, guarded by its status and version) and the audit events.
 */
import type { Application } from '../applications/application';
import type { ApplicationRepository, AuditEntry } from '../applications/ports';
import type { ApplicationStatus } from '../applications/lifecycle';
import type { TenantId } from '../kernel/tenants';
import type { CallRepository } from '../rounds/ports';
import type { Assessment } from './assessment';

/** An audit event of an assessment change; `application` for the lifecycle step it may take. */
export interface AssessmentAuditEntry extends AuditEntry {
  readonly machine: 'assessment' | 'application';
}

/** One change to an assessor's assessment, with what must be written with it. */
export interface AssessmentChange {
  /** The assessment as it is to be stored: version 1 when new, else the stored version + 1. */
  readonly next: Assessment;
  /** The application as it is to be stored (version + 1), and the status it must still have. */
  readonly application?: { readonly next: Application; readonly expectedStatus: ApplicationStatus };
  readonly audit: readonly AssessmentAuditEntry[];
}

/** The store of assessments, kept beside their application. */
export interface AssessmentRepository {
  get(tenantId: TenantId, applicationId: string, userId: string): Promise<Assessment | undefined>;
  /** Every assessment of the application, read consistently. */
  listByApplication(tenantId: TenantId, applicationId: string): Promise<Assessment[]>;
  /**
   * Writes the change if the stored assessment (and application) are still as read; otherwise
   * throws `ConcurrentChangeError` and writes nothing.
   */
  record(change: AssessmentChange): Promise<void>;
}

/** The stores an assessment use case reads and writes. */
export interface AssessmentPorts {
  readonly applications: Pick<ApplicationRepository, 'get'>;
  readonly calls: Pick<CallRepository, 'get'>;
  readonly assessments: AssessmentRepository;
}
