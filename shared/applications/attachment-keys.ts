/**
 * Where an application's uploaded file is kept in the file store: under its tenant and application
 * (so the retention job can erase an application's files by prefix, and the store's access can be
 * scoped to a tenant), with a unique id so two uploads of the same name never overwrite each other.
 */
import type { TenantId } from '../kernel/tenants';

/**
 * The file store key of a new attachment.
 * @param application - whose file it is
 * @param fileId - a fresh unique id (a ULID)
 * @param filename - the checked file name, kept last so a download gets a readable name
 */
export function attachmentKey(application: { tenantId: TenantId; applicationId: string }, fileId: string, filename: string): string {
  return `${application.tenantId}/${application.applicationId}/${fileId}-${filename}`;
}
