import type { AwaitingGrant } from '../../../shared/decisions/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import { applicationItem } from './application-item';
import type { Item, ItemKey } from './item';

/**
 * A grant waiting for the organisation's answer: a small item in the application's own partition,
 * written with the grant decision and deleted in the answer's (or the lapse's) transaction. It is
 * the sparse index entry of the lapse job, which queries `byList` under `GRANTS#AWAITING_ANSWER`
 * sorted by deadline, across tenants, like the closed rounds under `CALLS#CLOSED`. The application
 * item itself cannot carry the entry: its three index slots are taken.
 */
export const awaitingAnswerItem = {
  key: (tenantId: TenantId, applicationId: string): ItemKey => ({ PK: applicationItem.key(tenantId, applicationId).PK, SK: 'AWAITING_ANSWER' }),
  /** The `byList` partition of every grant awaiting an answer. */
  list: 'GRANTS#AWAITING_ANSWER',
  toItem: (grant: AwaitingGrant): Item => ({
    ...awaitingAnswerItem.key(grant.tenantId, grant.applicationId),
    GSI1PK: awaitingAnswerItem.list,
    GSI1SK: `${grant.deadline}#${grant.tenantId}#${grant.applicationId}`,
    entity: 'awaiting-answer',
    tenantId: grant.tenantId,
    applicationId: grant.applicationId,
    deadline: grant.deadline,
  }),
  fromItem: (item: Item): AwaitingGrant => ({
    tenantId: item.tenantId as TenantId,
    applicationId: String(item.applicationId),
    deadline: String(item.deadline),
  }),
};
