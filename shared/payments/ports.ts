/** What paying grants out needs from the store. Each change is one DynamoDB transaction. */
import type { Application } from '../applications/application';
import type { AuditEntry } from '../applications/ports';
import type { TenantId } from '../kernel/tenants';
import type { StoredBudgetPosition } from '../national/budget-position';
import type { Payment, PaymentCommitment } from './payment';
import type { PaymentExport, PaymentExportSummary } from './payment-file';

/** A payment file as it is to be stored, with the payments it marks as exported. */
export interface PaymentExportCommitment {
  readonly export: PaymentExport;
  readonly audit: AuditEntry;
}

/** The store of payments. */
export interface PaymentRepository {
  get(tenantId: TenantId, applicationId: string): Promise<Application | undefined>;
  /** The tenant's budget position for the year, read consistently. */
  budget(tenantId: TenantId, grantYear: number): Promise<StoredBudgetPosition | undefined>;
  /** The payments recorded for one application, by instalment. */
  listOfApplication(tenantId: TenantId, applicationId: string): Promise<Payment[]>;
  /**
   * Stores the payment in one transaction: the application (status and version guarded), the
   * payment (once per instalment), its audit event, the tenant-year counters and the budget
   * position's `paid` (refused for a closed year). Throws `ConcurrentChangeError` when the
   * application moved on or the instalment was recorded meanwhile, and writes nothing then.
   */
  record(commitment: PaymentCommitment): Promise<void>;
  /** Recorded payments that are in no payment file yet, oldest first (from an index, never a Scan). */
  listUnexported(tenantId: TenantId): Promise<Payment[]>;
  /**
   * Stores the file and marks each of its payments exported, in one transaction guarded by each
   * payment still being unexported; `ConcurrentChangeError` when another file took one first.
   */
  saveExport(commitment: PaymentExportCommitment): Promise<void>;
  /** The tenant's payment files, newest first, without their payments. */
  listExports(tenantId: TenantId): Promise<PaymentExportSummary[]>;
  getExport(tenantId: TenantId, exportId: string): Promise<PaymentExport | undefined>;
}
