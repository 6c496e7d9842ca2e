import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Application } from '../../shared/applications/application';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { AuditEntry } from '../../shared/applications/ports';
import { NotEnoughFundsError } from '../../shared/decisions/errors';
import type { GrantAnswerCommitment } from '../../shared/decisions/acceptance';
import type { DecisionCommitment, DecisionRepository, LapseRepository, PreliminaryReplyRepository } from '../../shared/decisions/ports';
import { grantAnswerCounters } from '../../shared/national/aggregates';
import type { Kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { BudgetNotOpenError, type StoredBudgetPosition } from '../../shared/national/budget-position';
import { available } from '../../shared/rules/budget';
import { YearClosedError } from '../../shared/rules/budget-close';
import { applyGuard, awardGuard, returnGuard } from '../../shared/rules/budget-guards';
import { indexNames } from '../../shared/table';
import { budgetAuditChange } from './budget-audit';
import { BudgetChangedMeanwhileError, commitOnFreshBudget, guardedBudgetChange } from './budget-repository';
import { aggregateItem } from './entities/aggregate-item';
import { querySubmittedByRound } from './application-repository';
import { applicationItem } from './entities/application-item';
import { awaitingAnswerItem } from './entities/awaiting-answer-item';
import { budgetPositionItem } from './entities/budget-position-item';
import { fundingEntryItem } from './entities/funding-entry-item';
import { roundItem } from './entities/round-item';
import { queueMessage } from './outbox-repository';
import { queryAll } from './query-all';
import { createUnitOfWork, putNew, TransactionConflictError, type Change } from './unit-of-work';
import { applicationAudit, guardedApplication } from './application-changes';

/** The tenant-year counters a decision adds to: one decision, one grant, the amount awarded. */
function decisionCounters(commitment: DecisionCommitment): Change {
  const { next, award } = commitment;
  const granted = next.decision?.outcome !== 'reject';
  const counters = Object.fromEntries(
    Object.entries({ decisionsMade: 1, applicationsGranted: granted ? 1 : 0, amountAwarded: award }).filter(([, value]) => value !== 0),
  );
  return { type: 'add', key: aggregateItem.key(next.tenantId, next.grantYear), set: aggregateItem.identity(next.tenantId, next.grantYear), counters };
}

/** The tenant-year counters an answer adds to: one answer of its kind, and the money that went back. */
function answerCounters(commitment: GrantAnswerCommitment): Change {
  const { next, outcome, returned } = commitment;
  const counters: Record<string, number> = { [grantAnswerCounters[outcome]]: 1, ...(returned > 0 ? { amountReturnedUnaccepted: returned } : {}) };
  return { type: 'add', key: aggregateItem.key(next.tenantId, next.grantYear), set: aggregateItem.identity(next.tenantId, next.grantYear), counters };
}

/** Where the repository gets its budget audit event ids; tests may fix them. */
export interface DecisionRepositoryOptions {
  readonly newId?: () => string;
}

/**
 * Decisions in the single table. Signing is one transaction: the application (status and version
 * guarded), its audit event, the letter in the outbox, the tenant-year counters and, for an award,
 * the budget position's guarded `ADD` with the budget's own audit event. The budget update is pinned
 * to the position as read, so a concurrent award makes this one fail; it is then tried again on a
 * fresh reading, where the rules either let it through or refuse it with what is left now.
 */
export function createDecisionRepository(db: DynamoDBDocumentClient, tableName: string, options: DecisionRepositoryOptions = {}): DecisionRepository & PreliminaryReplyRepository & LapseRepository {
  const unitOfWork = createUnitOfWork(db, tableName);
  const newId = options.newId ?? ulid;

  async function get(tenantId: TenantId, applicationId: string) {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: applicationItem.key(tenantId, applicationId), ConsistentRead: true }));
    return result.Item ? applicationItem.fromItem(result.Item) : undefined;
  }

  async function budget(tenantId: TenantId, grantYear: number) {
    const result = await db.send(new GetCommand({ TableName: tableName, Key: budgetPositionItem.key(tenantId, grantYear), ConsistentRead: true }));
    return result.Item ? budgetPositionItem.fromItem(result.Item) : undefined;
  }

  const listByRound = (tenantId: TenantId, roundId: string) => querySubmittedByRound(db, tableName, tenantId, roundId);

  /**
   * The budget's part of an award, or of a declined or lapsed grant's money coming back (into
   * `returned`, so `awarded` keeps what was decided): its guarded update and its audit event, from
   * the position as read.
   */
  function budgetChanges(
    read: StoredBudgetPosition | undefined,
    movement: { readonly grantYear: number; readonly operation: 'award' | 'return_funds'; readonly amount: Kroner; readonly audit: AuditEntry },
  ): Change[] {
    const { grantYear, operation, amount } = movement;
    if (read?.closed) throw new YearClosedError(grantYear);
    if (!read || read.allocationVersion === 0) throw new BudgetNotOpenError(grantYear);
    const guard = operation === 'award' ? awardGuard(read, amount) : returnGuard(read, amount);
    if (!guard.ok) {
      if (guard.error.code === 'budget.insufficient_funds') throw new NotEnoughFundsError(amount, available(read));
      throw guard.error;
    }
    const after: StoredBudgetPosition = { ...read, ...applyGuard(read, guard.value)!, version: read.version + 1 };
    return [
      guardedBudgetChange(read, guard.value, () => new BudgetChangedMeanwhileError(), { pinVersion: true }),
      budgetAuditChange(read, after, operation, amount, { actor: movement.audit.actor, at: movement.audit.at, eventId: newId() }),
    ];
  }

  /** Commits the changes built from a fresh reading of the budget (when `withBudget`), as the budget's own changes are. */
  const commitOnBudget = (tenantId: TenantId, grantYear: number, withBudget: boolean, changesOf: (read: StoredBudgetPosition | undefined) => Change[]) =>
    commitOnFreshBudget(unitOfWork, withBudget ? () => budget(tenantId, grantYear) : undefined, changesOf);

  return {
    get,
    listByRound,
    budget,

    async commit(commitment) {
      const { next, award } = commitment;
      const deadline = next.decision?.acceptanceDeadline;
      await commitOnBudget(next.tenantId, next.grantYear, award > 0, (read) => [
        // The application goes first: when it moved on, that is what is reported, not the budget.
        guardedApplication(next, commitment.expectedStatus),
        applicationAudit(next, commitment.audit, 'decision'),
        ...(award > 0 ? budgetChanges(read, { grantYear: next.grantYear, operation: 'award', amount: award, audit: commitment.audit }) : []),
        // A grant waits for its answer: the lapse job's index entry, removed by the answer.
        ...(next.decision && next.decision.amount > 0 && deadline ? [putNew(awaitingAnswerItem.toItem({ tenantId: next.tenantId, applicationId: next.applicationId, deadline }))] : []),
        queueMessage(commitment.letter),
        decisionCounters(commitment),
        // The other municipalities' double-funding warning shows the outcome from now on.
        { type: 'put', item: fundingEntryItem.toItem(commitment.funding) },
      ]);
    },

    async answer(commitment) {
      const { next, returned } = commitment;
      await commitOnBudget(next.tenantId, next.grantYear, returned > 0, (read) => [
        // Answered once: a second answer, or the lapse job at the same moment, fails here first.
        guardedApplication(next, commitment.expectedStatus, 'attribute_not_exists(acceptance)'),
        applicationAudit(next, commitment.audit, 'decision'),
        { type: 'delete', key: awaitingAnswerItem.key(next.tenantId, next.applicationId) },
        ...(returned > 0 ? budgetChanges(read, { grantYear: next.grantYear, operation: 'return_funds', amount: returned, audit: commitment.audit }) : []),
        queueMessage(commitment.message),
        answerCounters(commitment),
        ...(commitment.funding ? [{ type: 'put', item: fundingEntryItem.toItem(commitment.funding) } satisfies Change] : []),
      ]);
    },

    async listAwaitingAnswerBefore(before) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list AND GSI1SK < :before',
        ExpressionAttributeValues: { ':list': awaitingAnswerItem.list, ':before': before },
      });
      return items.map(awaitingAnswerItem.fromItem);
    },

    async listClosedRoundsWithDeadlineBefore(before) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: indexNames.byList,
        KeyConditionExpression: 'GSI1PK = :list AND GSI1SK < :before',
        ExpressionAttributeValues: { ':list': roundItem.closedRoundsList, ':before': before },
      });
      // The index lags the table a little: a round that moved on since is left out by its status.
      return items.map(roundItem.fromItem).filter((call) => call.status === 'closed');
    },

    async recordPreliminaryReply(record) {
      try {
        await unitOfWork.commit([
          guardedApplication(record.next, record.expectedStatus, 'attribute_not_exists(preliminaryReplyAt)'),
          applicationAudit(record.next, record.audit, 'application'),
          queueMessage(record.message),
        ]);
        return 'recorded';
      } catch (error) {
        if (error instanceof ConcurrentChangeError || error instanceof TransactionConflictError) return 'stale';
        throw error;
      }
    },
  };
}
