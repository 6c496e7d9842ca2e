/**
 * The batch decision of a whole round: 500 recommended applications in one round of one tenant,
 * signed together through the use case and the decision repository against DynamoDB Local, with
 * the DynamoDB requests counted. Each decision is its own transaction (application, audit events,
 * award against the budget, letter, counters), so the figures show what a batch costs per decision.
 * Figures only: DynamoDB Local on one machine is not DynamoDB.
 */
import { performance } from 'node:perf_hooks';
import { ulid } from 'ulid';
import { createDecisionRepository } from '../../functions/adapters/decision-repository';
import { createAdapters } from '../../functions/composition/adapters';
import type { Config } from '../../functions/composition/config';
import { signDecisions } from '../../shared/decisions/use-cases/sign-decisions';
import { kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { decisionLetterEmail } from '../../web/emails/decision-letter';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';

const APPLICATIONS = 500;

export async function measureBatchDecisions(config: Config, count = APPLICATIONS) {
  const adapters = createAdapters(config);
  const tenantId = `k${Date.now().toString().slice(-6)}` as TenantId;
  const call = openCall(tenantId, { roundId: 'bench-1' });
  await adapters.calls.create(call);
  await adapters.budget.setFrame({ tenantId, name: 'Benchby', grantYear: call.grantYear, frame: kroner(1_000_000_000), adminCap: kroner(0), allocationVersion: 1 }, undefined);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = i % 10 === 0 ? 'reject' : i % 3 === 0 ? 'grant_partly' : 'grant';
    const application = recommendedApplication(call, { applied: 100_000, recommend: recommendation(outcome, outcome === 'reject' ? 0 : outcome === 'grant_partly' ? 60_000 : 100_000) });
    await adapters.applications.create(application, { eventId: ulid(), at: application.createdAt, actor: 'bench', action: 'start' }, [], []);
    ids.push(application.applicationId);
  }

  // Count every request the decision repository's client sends.
  const requests: Record<string, number> = {};
  adapters.db.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown');
      requests[name] = (requests[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  const decisions = createDecisionRepository(adapters.db, config.TABLE_NAME);
  const rules = codeDefaultVersion(call.grantYear)!;

  const started = performance.now();
  const results = await signDecisions(
    { decisions, clock: () => new Date(), newId: ulid, composeLetter: decisionLetterEmail },
    { tenantId, call, rules, signer: { userId: 'bench-approver', name: 'Bench' }, selected: ids.map((applicationId) => ({ applicationId })) },
  );
  const totalMs = performance.now() - started;
  const total = Object.values(requests).reduce((sum, n) => sum + n, 0);
  adapters.db.destroy();
  return {
    applications: count,
    decided: results.filter((result) => result.result === 'decided').length,
    refused: results.filter((result) => result.result === 'refused').length,
    totalMs: Math.round(totalMs),
    perDecisionMs: Number((totalMs / count).toFixed(1)),
    dynamoDbRequests: total,
    requestsPerDecision: Number((total / count).toFixed(2)),
    byCommand: requests,
  };
}
