/**
 * The ranking of a 500-application round, measured through the officer app against DynamoDB
 * Local: the page (`/officer/rounds/:roundId/ranking`) and the API
 * (`/officer/api/rounds/{roundId}/ranking`), without a filter and with each kind of filter, as
 * the server's time to answer (the app called in process, no network) and the DynamoDB requests
 * each answer makes. The round's applications carry assessment summaries and recommendations as
 * the assessment and recommendation steps leave them; an earlier year's round gives the
 * first-time filter organisations to compare with. Figures only.
 */
import { createLogger } from '../../functions/common/logger';
import { authSettingsFrom, createAuthentication } from '../../functions/http/common/authentication';
import { createCompositionRoot, officerApp, type Config } from '../../functions/composition';
import type { LocalIdentityProvider } from '../../infra/local/identity-provider';
import type { Application } from '../../shared/applications/application';
import type { DecisionOutcome } from '../../shared/decisions/decision';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { TenantId } from '../../shared/kernel/tenants';
import { adminCostCap } from '../../shared/rules/budget';
import { ruleSetFor } from '../../shared/rules/rule-set-for';
import type { SubGoalCode } from '../../shared/rules/sub-goals';
import { openCall } from '../support/calls';

const APPLICATIONS = 500;
const EARLIER_APPLICATIONS = 200;
const RUNS = 30;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** A deterministic spread of scores, amounts, findings and recommendations, the same in every run. */
function benchApplication(tenantId: TenantId, roundId: string, grantYear: number, index: number): Application {
  const applied = 10_000 + ((index * 7_919) % 190_000);
  const outcome: DecisionOutcome | undefined = index % 4 === 0 ? undefined : (['grant', 'grant_partly', 'reject'] as const)[index % 3];
  const amount = outcome === 'grant' ? applied : outcome === 'grant_partly' ? Math.floor(applied / 2) : 0;
  const subGoals: SubGoalCode[] = [(['A', 'B', 'C'] as const)[index % 3]!];
  return {
    tenantId, roundId, applicationId: `bench-${roundId}-${String(index).padStart(4, '0')}`, reference: `B-${grantYear}-${String(index).padStart(4, '0')}`,
    grantYear, orgnr: String(900_000_000 + index) as Orgnr, organisationName: `Benchlaget ${index}`, email: 'bench@example.org', status: 'under_assessment',
    version: 3, createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z', submittedAt: '2026-11-20T10:00:00.000Z', language: 'nb',
    registryCheck: {
      status: 'verified', checkedAt: '2026-11-02T10:00:00.000Z', record: { orgnr: String(900_000_000 + index), name: `Benchlaget ${index}` } as never,
      findings: index % 10 === 0 ? [{ code: 'accounts.audit_required', severity: index % 20 === 0 ? 'blocking' : 'warning', rule: 'ruleSet.auditThreshold', legalBasis: '§ 6', messages: { nb: 'x', nn: 'x', en: 'x' } }] : [],
    },
    attachments: [],
    project: { subGoals, summary: 'Aktiviteter for nye innbyggere gjennom hele året.' } as never,
    budget: { costs: [{ label: 'Aktiviteter', amount: kroner(applied) }], otherIncome: [], amountApplied: kroner(applied) } as never,
    assessmentSummary: { required: 2, submitted: 2, recused: 0, score: Math.round((1 + ((index * 37) % 500) / 100) * 100) / 100 },
    ...(outcome
      ? { recommendation: { outcome, amount: kroner(amount), reasons: 'Søknaden er vurdert etter kriteriene i utlysningen.', conditions: '', recommendedBy: 'officer-bench', recommendedAt: '2026-11-25T10:00:00.000Z' } }
      : {}),
  };
}

/** Creates `count` items, a few at a time. */
async function createAll(count: number, create: (index: number) => Promise<void>) {
  const lanes = 8;
  await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    for (let index = lane; index < count; index += lanes) await create(index);
  }));
}

/** Ranking page and API with and without filters: server time (median, p95) and DynamoDB requests per answer. */
export async function measureRanking(config: Config, identityProvider: LocalIdentityProvider) {
  const tenantId = `benchrank${Date.now().toString(36)}` as TenantId;
  const root = createCompositionRoot(config, { logger: createLogger('error') });
  const requests: string[] = [];
  root.adapters.db.middlewareStack.add(
    (next, context) => async (args) => {
      requests.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  const auth = createAuthentication(authSettingsFrom(config), root.adapters.revokedTokens);
  const app = officerApp(root, auth);

  const round = openCall(tenantId, { roundId: 'rank-2027', grantYear: 2027, minAmount: kroner(5_000), maxAmount: kroner(200_000) });
  const earlier = openCall(tenantId, { roundId: 'rank-2026', grantYear: 2026 });
  await root.adapters.tenants.put({ tenantId, kind: 'municipality', name: 'Benchby', kommunenummer: '3201', managingYears: [2026, 2027] });
  await root.adapters.calls.create(round);
  await root.adapters.calls.create(earlier);
  await root.adapters.budget.setFrame({ tenantId, name: 'Benchby', grantYear: 2027, frame: kroner(20_000_000), adminCap: adminCostCap(ruleSetFor(2027), kroner(20_000_000)), allocationVersion: 1 }, undefined);
  const seed = (application: Application) => root.adapters.applications.create(application, { eventId: `seed-${application.applicationId}`, at: application.createdAt, actor: 'system:bench', action: 'seed' }, [], []);
  // The earlier round's organisations are every other one of this round's, so half are first-timers.
  await createAll(EARLIER_APPLICATIONS, (index) => seed({ ...benchApplication(tenantId, earlier.roundId, 2026, index * 2), status: 'submitted' }));
  await createAll(APPLICATIONS, (index) => seed(benchApplication(tenantId, round.roundId, 2027, index)));

  const user = { sub: `officer-${tenantId}`, tenantId, groups: ['officer'] as const, kind: 'officer' as const, tenantName: 'Benchby' };
  const token = (await identityProvider.issueTokens(user, { audience: config.AUTH_CLIENT_ID })).id_token;
  const variants: { filter: string; query: string }[] = [
    { filter: 'none', query: '' },
    { filter: 'findings=none', query: 'findings=none' },
    { filter: 'subGoal=A & recommendation=grant', query: 'subGoal=A&recommendation=grant' },
    { filter: 'firstTime=yes (reads earlier rounds)', query: 'firstTime=yes' },
  ];
  const rows: { answer: string; filter: string; runs: number; rows: number; medianMs: number; p95Ms: number; dynamoRequests: string }[] = [];
  for (const variant of variants) {
    for (const kind of ['page', 'API'] as const) {
      const path = kind === 'page' ? `/officer/rounds/${round.roundId}/ranking` : `/officer/api/rounds/${round.roundId}/ranking`;
      const url = `${config.APP_BASE_URL}${path}${variant.query ? `?${variant.query}` : ''}`;
      const times: number[] = [];
      let perAnswer: string[] = [];
      let shown = 0;
      for (let run = 0; run <= RUNS; run++) {
        requests.length = 0;
        const started = performance.now();
        const response = await app.request(url, { headers: { authorization: `Bearer ${token}`, ...(kind === 'API' ? { accept: 'application/json' } : {}) } });
        const body = await response.text();
        const elapsed = performance.now() - started;
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        // The first answer warms the JWKS and the connection; it is left out of the figures.
        if (run === 0) continue;
        times.push(elapsed);
        perAnswer = [...requests];
        shown = kind === 'API' ? (JSON.parse(body) as { applications: unknown[] }).applications.length : (body.match(/data-reference=/g) ?? []).length;
      }
      times.sort((a, b) => a - b);
      const counted = Object.entries(perAnswer.reduce<Record<string, number>>((all, name) => ({ ...all, [name]: (all[name] ?? 0) + 1 }), {}))
        .map(([name, count]) => `${count} ${name.replace('Command', '')}`)
        .join(', ');
      rows.push({ answer: kind, filter: variant.filter, runs: times.length, rows: shown, medianMs: Number(percentile(times, 50).toFixed(1)), p95Ms: Number(percentile(times, 95).toFixed(1)), dynamoRequests: counted });
    }
  }
  root.adapters.db.middlewareStack.remove('benchRequestCounter');
  return { applications: APPLICATIONS, earlierApplications: EARLIER_APPLICATIONS, rows };
}
