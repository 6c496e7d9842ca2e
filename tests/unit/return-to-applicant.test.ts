import { describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import type { ApplicationChange, ApplicationRepository, LinkEmail } from '../../shared/applications/ports';
import { resubmitApplication } from '../../shared/applications/use-cases/resubmit-application';
import { returnRequestInputSchema, returnToApplicant } from '../../shared/applications/use-cases/return-to-applicant';
import { saveApplicationSection } from '../../shared/applications/use-cases/save-application-section';
import { withdrawApplication } from '../../shared/applications/use-cases/withdraw-application';
import { defaultRuleSets } from '../../shared/rules/default-rule-sets';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { TenantId } from '../../shared/kernel/tenants';
import { IllegalTransitionError } from '../../shared/kernel/state-machine';
import { openCall } from '../support/calls';

const NOW = new Date('2027-04-02T09:00:00.000Z'); // after the call's deadline
const tenantId = 'k3240' as TenantId;
const call = openCall(tenantId, { deadline: '2027-03-01T11:00:00.000Z' });
const rules = defaultRuleSets.find((each) => each.grantYear === 2027)!;

function application(overrides: Partial<Application> = {}): Application {
  const at = '2027-01-15T10:00:00.000Z';
  return {
    tenantId, roundId: call.roundId, applicationId: 'A1', reference: 'K3240-2027-A1', grantYear: 2027, orgnr: '311100386' as Orgnr,
    organisationName: 'Lag', email: 'lag@example.org', status: 'submitted', version: 4, createdAt: at, updatedAt: at, submittedAt: at, language: 'nb',
    registryCheck: { status: 'not_verified', checkedAt: at, reason: 'timeout' },
    contact: { contactName: 'Kari', email: 'lag@example.org', phone: '91234567', accountNumber: '12345678903' },
    project: { title: 'P', description: 'D', subGoals: ['A'], targetGroup: 'T', activities: 'A', location: 'L', startDate: '2027-02-01', endDate: '2027-11-30', expectedParticipants: 10, partners: '', volunteerHours: 5 },
    budget: { costs: [{ label: 'Leie', amount: 50_000 }], otherIncome: [], ownContribution: 0, amountApplied: 50_000 },
    answers: Object.fromEntries(call.extraQuestions.map((question) => [question.id, 'Svar'])),
    attachments: [{ kind: 'statutes', key: 'k', filename: 'v.pdf', contentType: 'application/pdf', size: 10, uploadedAt: at }],
    ...overrides,
  } as Application;
}

function store() {
  const changes: ApplicationChange[] = [];
  const unused = () => Promise.reject(new Error('not used by these use cases'));
  const applications: ApplicationRepository = {
    change: async (change) => void changes.push(change),
    create: unused, get: unused, listSubmittedByRound: unused, listByOrganisation: unused, listOrganisationsByRound: unused, listOfOrganisationInTenant: unused,
  };
  return { changes, applications };
}

const deps = (applications: ReturnType<typeof store>['applications']) => ({
  applications,
  registry: { lookup: async () => ({ status: 'unavailable' as const, reason: 'timeout' as const }) },
  clock: () => NOW,
  newId: () => '01JTESTEVENT0000000000000',
});

const email = (returned: Application): LinkEmail => ({
  message: { messageId: '01JTESTMESSAGE00000000000', tenantId, kind: 'application-returned', to: returned.email, subject: 's', text: 't', createdAt: NOW.toISOString() },
  link: { tenantId, tokenId: 'token', applicationId: returned.applicationId, expiresAt: '2027-04-05T09:00:00.000Z' },
});

const request = returnRequestInputSchema.parse({ message: ' Rett budsjettet. ', sections: ['attachments', 'budget'] });

describe('returning an application to the applicant', () => {
  it('moves a received application to returned with the request, the audit event, the email and its link in one change', async () => {
    const { changes, applications } = store();

    const returned = await returnToApplicant(deps(applications), { application: application(), actor: 'kari', request, expectedVersion: 4 }, email);

    expect(returned).toMatchObject({ status: 'returned', version: 5, returnRequest: { requestedBy: 'kari', message: 'Rett budsjettet.', sections: ['budget', 'attachments'] } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ expectedStatus: 'submitted', audit: { actor: 'officer:kari', action: 'return_to_applicant', from: 'submitted', to: 'returned' } });
    expect(changes[0]!.outbox).toHaveLength(1);
    expect(changes[0]!.links).toHaveLength(1);
  });

  it('refuses a recused officer, and an application that is not received or being assessed', async () => {
    const { changes, applications } = store();

    const recused = returnToApplicant(deps(applications), { application: application({ recusedUserIds: ['kari'] }), actor: 'kari', request, expectedVersion: 4 }, email);
    const draft = returnToApplicant(deps(applications), { application: application({ status: 'draft' }), actor: 'kari', request, expectedVersion: 4 }, email);
    const again = returnToApplicant(deps(applications), { application: application({ status: 'returned' }), actor: 'kari', request, expectedVersion: 4 }, email);

    await expect(recused).rejects.toMatchObject({ code: 'application.actor_recused' });
    await expect(draft).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(again).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(changes).toEqual([]);
  });

  it('requires a message of at most 4 000 characters and at least one section', () => {
    const codes = (input: unknown) => returnRequestInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

    expect(codes({ message: '   ', sections: [] })).toEqual(['message', 'sections']);
    expect(codes({ message: 'x'.repeat(4001), sections: ['budget'] })).toEqual(['message']);
    expect(codes({ message: 'x'.repeat(4000), sections: ['budget'] })).toEqual([]);
    expect(codes({ message: 'ok', sections: ['nonsense'] })).toEqual(['sections.0']);
  });
});

describe('answering a request', () => {
  const returnedApplication = () =>
    application({ status: 'returned', returnRequest: { requestedAt: '2027-03-20T10:00:00.000Z', requestedBy: 'kari', message: 'Rett budsjettet.', sections: ['budget'] } });

  it('saves a returned section, moving the amount applied counter by the difference, and refuses any other section', async () => {
    const { changes, applications } = store();
    const budget = { costs: [{ label: 'Leie', amount: 60_000 }], otherIncome: [], ownContribution: 0, amountApplied: 60_000 } as unknown as NonNullable<Application['budget']>;

    await saveApplicationSection(deps(applications), { call, rules, application: returnedApplication(), change: { budget }, expectedVersion: 4, section: 'budget' });
    const other = saveApplicationSection(deps(applications), { call, rules, application: returnedApplication(), change: { project: application().project! }, expectedVersion: 4, section: 'project' });
    const unnamed = saveApplicationSection(deps(applications), { call, rules, application: returnedApplication(), change: { budget }, expectedVersion: 4 });

    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ expectedStatus: 'returned', aggregate: { amountApplied: 10_000 } });
    await expect(other).rejects.toMatchObject({ code: 'application.section_not_returned' });
    await expect(unnamed).rejects.toMatchObject({ code: 'application.section_not_returned' });
  });

  it('sends it back after the deadline: under assessment, the request in the history, one receipt', async () => {
    const { changes, applications } = store();

    const resubmitted = await resubmitApplication(deps(applications), { call, rules, application: returnedApplication(), expectedVersion: 4 }, (sent) => email(sent).message);

    expect(resubmitted.status).toBe('under_assessment');
    expect(resubmitted.returnRequest).toBeUndefined();
    expect(resubmitted.returnHistory).toEqual([expect.objectContaining({ message: 'Rett budsjettet.', resubmittedAt: NOW.toISOString() })]);
    expect(changes[0]).toMatchObject({ expectedStatus: 'returned', audit: { actor: 'applicant:A1', action: 'resubmit', from: 'returned', to: 'under_assessment' } });
    expect(changes[0]!.outbox).toHaveLength(1);
  });

  it('refuses a second send, an application never returned, and one missing what a submission needs', async () => {
    const { changes, applications } = store();
    const receipt = (sent: Application) => email(sent).message;

    const second = resubmitApplication(deps(applications), { call, rules, application: application({ status: 'under_assessment' }), expectedVersion: 4 }, receipt);
    const incomplete = resubmitApplication(deps(applications), { call, rules, application: { ...returnedApplication(), attachments: [] }, expectedVersion: 4 }, receipt);

    await expect(second).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(incomplete).rejects.toMatchObject({ code: 'application.incomplete' });
    expect(changes).toEqual([]);
  });

  it('lets a returned application be withdrawn, guarded by its own status', async () => {
    const { changes, applications } = store();

    const withdrawn = await withdrawApplication(deps(applications), { application: returnedApplication(), expectedVersion: 4, call: { administratorName: 'Testby kommune' } });

    expect(withdrawn.status).toBe('withdrawn');
    expect(changes[0]).toMatchObject({ expectedStatus: 'returned', audit: { from: 'returned', to: 'withdrawn' } });
  });
});
