import { ulid } from 'ulid';
import type { Application } from '../../shared/applications/application';
import type { Orgnr } from '../../shared/kernel/orgnr';
import { kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import type { Call } from '../../shared/rounds/call';

/** A complete draft of `call`, ready to submit: contact, project, budget, statutes and every answer. */
export function completeDraft(tenantId: TenantId, call: Call, overrides: Partial<Application> = {}): Application {
  const applicationId = ulid();
  const at = '2026-11-20T10:00:00.000Z';
  return {
    tenantId,
    roundId: call.roundId,
    applicationId,
    reference: `K-${applicationId.slice(-6)}`,
    grantYear: call.grantYear,
    orgnr: '311100386' as Orgnr,
    organisationName: 'Eidsvoll Leksehjelp',
    email: 'kontakt@example.org',
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    language: 'nb',
    registryCheck: { status: 'not_verified', checkedAt: at, reason: 'timeout' },
    contact: { contactName: 'Kari Nordmann', email: 'kari@example.org', phone: '91234567', accountNumber: '12345678903' } as Application['contact'],
    project: {
      title: 'Leksehjelp og fotball', description: 'Vi samler barn og foreldre hver uke.', subGoals: ['A'], targetGroup: 'Barn', activities: 'Leksehjelp',
      location: 'Eidsvoll', startDate: `${call.grantYear}-02-01`, endDate: `${call.grantYear}-11-30`, expectedParticipants: 40, partners: '', volunteerHours: 300,
    } as unknown as Application['project'],
    budget: { costs: [{ label: 'Leie', amount: kroner(50_000) }], otherIncome: [], ownContribution: kroner(0), amountApplied: kroner(50_000) },
    answers: Object.fromEntries(call.extraQuestions.map((question) => [question.id, 'Svar'])),
    attachments: [{ kind: 'statutes', key: `${tenantId}/${applicationId}/vedtekter.pdf`, filename: 'vedtekter.pdf', contentType: 'application/pdf', size: 100, uploadedAt: at }],
    ...overrides,
  };
}
