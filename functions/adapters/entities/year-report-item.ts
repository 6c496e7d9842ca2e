import type { TenantId } from '../../../shared/kernel/tenants';
import type { StoredYearReport } from '../../../shared/year-reports/year-report';
import { tenantPrefix } from '../../../shared/table';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * A municipality's year report: one item per grant year under the tenant's prefix, so the officer
 * session role may write it, and IMDi reads a year's reports with one BatchGet by key.
 */
export const yearReportItem = {
  key: (tenantId: TenantId, grantYear: number): ItemKey => ({ PK: `${tenantPrefix(tenantId)}YEAR_REPORT`, SK: String(grantYear) }),
  toItem: (report: StoredYearReport): Item => ({ ...yearReportItem.key(report.tenantId, report.grantYear), entity: 'year-report', ...report }),
  fromItem: (item: Item): StoredYearReport => withoutPlacement(item) as unknown as StoredYearReport,
};
