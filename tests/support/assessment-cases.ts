import type { Application } from '../../shared/applications/application';
import type { Assessment } from '../../shared/assessments/assessment';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { Kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import type { RoundAssessment } from '../../shared/rounds/call';

/** Scoring settings for tests: 1–6, two assessors, two criteria weighted 2 and 1. */
export const testAssessment: RoundAssessment = {
  scale: { min: 1, max: 6 },
  assessorsPerApplication: 2,
  criteria: [
    { id: 'fit', label: { nb: 'Treffer målgruppen', nn: 'Treffer målgruppa', en: 'Reaches the target group' }, weight: 2 },
    { id: 'plan', label: { nb: 'Realistisk plan og budsjett', nn: 'Realistisk plan og budsjett', en: 'Realistic plan and budget' }, weight: 1 },
  ],
};

/** A submitted application of a round, as the officer sees it; override what the test is about. */
export function submittedApplication(tenantId: TenantId, roundId: string, applicationId: string, overrides: Partial<Application> = {}): Application {
  const at = '2027-03-01T10:00:00.000Z';
  return {
    tenantId,
    roundId,
    applicationId,
    reference: `K-${applicationId.slice(-6).toUpperCase()}`,
    grantYear: 2027,
    orgnr: '974760673' as Orgnr,
    organisationName: 'Frivillig Forening',
    email: 'kontakt@forening.example',
    status: 'submitted',
    version: 3,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    language: 'nb',
    registryCheck: { status: 'not_verified', checkedAt: at, reason: 'timeout' },
    contact: { contactName: 'Kontakt Personsen', email: 'kontakt@forening.example', phone: '99999999', accountNumber: '12345678903' } as unknown as Application['contact'],
    project: {
      title: 'Språkkafé for nye i byen',
      description: 'Ukentlige møter der nye og gamle innbyggere snakker sammen.',
      subGoals: ['A'],
      targetGroup: 'Nyankomne',
      activities: 'Språkkafé hver tirsdag',
      location: 'Biblioteket',
      startDate: '2027-04-01',
      endDate: '2027-12-01',
      expectedParticipants: 40,
      partners: '',
      volunteerHours: 300,
      localImmigrantOrganisation: false,
    } as unknown as Application['project'],
    budget: {
      costs: [{ label: 'Leie av lokale', amount: 20_000 as Kroner }],
      otherIncome: [],
      ownContribution: 0 as Kroner,
      amountApplied: 20_000 as Kroner,
    },
    attachments: [{ kind: 'statutes', key: 'k/statutes.pdf', filename: 'vedtekter.pdf', contentType: 'application/pdf', size: 1000, uploadedAt: at }],
    ...overrides,
  };
}

/** An impartial draft assessment, for tests that start from one. */
export function draftAssessment(application: Application, userId: string, overrides: Partial<Assessment> = {}): Assessment {
  const at = '2027-03-02T10:00:00.000Z';
  return {
    tenantId: application.tenantId,
    applicationId: application.applicationId,
    roundId: application.roundId,
    userId,
    declaration: { kind: 'impartial', declaredAt: at },
    scores: testAssessment.criteria.map((criterion) => ({ criterionId: criterion.id, note: '' })),
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}
