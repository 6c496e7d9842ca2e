import { ulid } from 'ulid';
import type { Application } from '../../shared/applications/application';
import type { DecisionOutcome, Recommendation } from '../../shared/decisions/decision';
import type { Kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Call } from '../../shared/rounds/call';
import { registryRecord } from '../unit/builders';

/** A recommendation as the caseworker would have written it. */
export function recommendation(outcome: DecisionOutcome, amount: number, overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    outcome,
    amount: amount as Kroner,
    reasons: outcome === 'reject' ? 'Tiltaket retter seg ikke mot målgruppen.' : 'Tiltaket treffer målgruppen godt og har realistisk budsjett.',
    conditions: outcome === 'reject' ? '' : 'Kommunens logo skal brukes på plakater.',
    recommendedBy: 'officer-user',
    recommendedByName: 'Ola Saksbehandler',
    recommendedAt: '2027-04-01T08:00:00.000Z',
    ...overrides,
  };
}

/** An application of `call` under assessment with a recommendation, as the case pages leave it. */
export function recommendedApplication(
  call: Call,
  options: { applied?: number; recommend?: Recommendation | undefined; language?: Application['language']; status?: Application['status']; blocking?: boolean; recusedUserIds?: string[] } = {},
): Application {
  const at = '2027-03-01T10:00:00.000Z';
  const applicationId = ulid();
  const applied = options.applied ?? 100_000;
  return {
    tenantId: call.tenantId,
    roundId: call.roundId,
    applicationId,
    reference: `R-${applicationId.slice(-6)}`,
    grantYear: call.grantYear,
    orgnr: '974760673' as Orgnr,
    organisationName: 'EIDSVOLL INTERNASJONALE KVINNEFORENING',
    email: `soker-${applicationId.slice(-6).toLowerCase()}@example.org`,
    status: options.status ?? 'under_assessment',
    version: 3,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    language: options.language ?? 'nb',
    registryCheck: {
      status: 'verified',
      checkedAt: at,
      record: registryRecord(),
      findings: options.blocking
        ? [{ code: 'organisation.bankrupt', severity: 'blocking', rule: 'ruleSet.eligibleOrganisationForms', messages: { nb: 'Konkurs', nn: 'Konkurs', en: 'Bankrupt' } } as never]
        : [],
    },
    contact: { contactName: 'Kari Nordmann', email: 'kari.nordmann@example.org', phone: '+4791234567', accountNumber: '12345678903' },
    project: {
      title: 'Språkkafé',
      description: 'Ukentlig språkkafé.',
      subGoals: ['A'],
      targetGroup: 'Nyankomne',
      activities: 'Samtaler',
      location: 'Biblioteket',
      startDate: `${call.grantYear}-02-01`,
      endDate: `${call.grantYear}-11-30`,
      expectedParticipants: 30,
      volunteerHours: 200,
    } as Application['project'],
    budget: { costs: [{ label: 'Leie', amount: applied as Kroner }], otherIncome: [], ownContribution: 0 as Kroner, amountApplied: applied as Kroner },
    attachments: [],
    ...('recommend' in options ? (options.recommend ? { recommendation: options.recommend } : {}) : { recommendation: recommendation('grant', applied) }),
    ...(options.recusedUserIds ? { recusedUserIds: options.recusedUserIds } : {}),
  };
}
