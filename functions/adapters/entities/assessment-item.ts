import type { Assessment } from '../../../shared/assessments/assessment';
import type { TenantId } from '../../../shared/kernel/tenants';
import { applicationItem } from './application-item';
import { withoutPlacement, type Item, type ItemKey } from './item';

/**
 * One assessor's assessment of one application, in the application's own partition
 * (`T#<t>#APP#<applicationId>` / `ASSESSMENT#<userId>`), so that the application's assessments are
 * one consistent query and a change writes the assessment and its application together.
 */
export const assessmentItem = {
  sortKeyPrefix: 'ASSESSMENT#',
  key: (tenantId: TenantId, applicationId: string, userId: string): ItemKey => ({
    PK: applicationItem.key(tenantId, applicationId).PK,
    SK: `${assessmentItem.sortKeyPrefix}${userId}`,
  }),
  toItem: (assessment: Assessment): Item => ({
    ...assessmentItem.key(assessment.tenantId as TenantId, assessment.applicationId, assessment.userId),
    entity: 'assessment',
    ...assessment,
  }),
  fromItem: (item: Item): Assessment => withoutPlacement(item) as unknown as Assessment,
};
