import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetSectionSchema, budgetTotals, contactSectionSchema, projectFormValues, projectSectionSchema, submissionProblems, type Application, type AttachmentKind } from '../../shared/applications/application';
import { isValidAccountNumber } from '../../shared/applications/form-fields';
import { issueMessage } from '../../shared/kernel/i18n';
import { kroner } from '../../shared/kernel/money';
import type { z } from 'zod';

const call = { minAmount: kroner(10_000), maxAmount: kroner(200_000), subGoals: ['A', 'B'] as ('A' | 'B')[], grantYear: 2027, extraQuestions: [] };

function messagesOf(error: z.ZodError | undefined, field: string, lang: 'nb' | 'en' = 'nb') {
  return (error?.issues ?? []).filter((issue) => issue.path.join('.') === field).map((issue) => issueMessage(issue, lang));
}

const budgetInput = (overrides: Record<string, unknown> = {}) => ({
  costs: [{ label: 'Leie', amount: '30 000' }, { label: 'Mat', amount: '20 000' }],
  otherIncome: [],
  ownContribution: '',
  amountApplied: '50 000',
  ...overrides,
});

describe('the budget section', () => {
  it('accepts a budget that adds up and returns whole kroner', () => {
    // Act
    const result = budgetSectionSchema(call).parse(budgetInput());

    // Assess
    expect(result).toEqual({ costs: [{ label: 'Leie', amount: 30_000 }, { label: 'Mat', amount: 20_000 }], otherIncome: [], ownContribution: 0, amountApplied: 50_000 });
  });

  it.each([
    ['-5000', 'negativt'],
    ['femti tusen', 'bare inneholde tall'],
    ['50 000,50', 'hele kroner'],
    ['250 000', 'Du kan søke om fra 10\u00a0000\u00a0kr til 200\u00a0000\u00a0kr'],
    ['40 000', 'kostnadene minus andre inntekter og egenandel: 50\u00a0000\u00a0kr'],
  ])('refuses %s as the amount applied for', (amount, message) => {
    // Act
    const result = budgetSectionSchema(call).safeParse(budgetInput({ amountApplied: amount }));

    // Assess
    expect(result.success).toBe(false);
    expect(messagesOf(result.error, 'amountApplied').join(' ')).toContain(message);
  });

  it('asks for the amount of a line that has a label, next to that line', () => {
    // Act
    const result = budgetSectionSchema(call).safeParse(budgetInput({ costs: [{ label: 'Leie', amount: '' }] }));

    // Assess
    expect(messagesOf(result.error, 'costs.0.amount')).toEqual(['Skriv beløpet for linjen.']);
  });

  it('adds up to the krone for any lines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (costs, income, own) => {
          const totals = budgetTotals({
            costs: costs.map((amount) => ({ label: 'x', amount: kroner(amount) })),
            otherIncome: income.map((amount) => ({ label: 'y', amount: kroner(amount) })),
            ownContribution: kroner(own),
          });
          expect(totals.totalCosts).toBe(costs.reduce((a, b) => a + b, 0));
          expect(totals.needed).toBe(totals.totalCosts - totals.totalIncome - own);
          expect(Number.isInteger(totals.needed)).toBe(true);
        },
      ),
    );
  });
});

describe('the project section', () => {
  const valid = {
    title: 'Leksehjelp',
    description: 'Beskrivelse',
    subGoals: ['A'],
    targetGroup: 'Barn',
    activities: 'Leksehjelp',
    location: 'Biblioteket',
    startDate: '2027-02-01',
    endDate: '2027-11-30',
    expectedParticipants: '40',
    partners: '',
    volunteerHours: '300',
  };

  it('reads the founding date, the counted members and the pot, and gives them back as form values', () => {
    // Prepare
    const withPot = { ...call, subGoals: ['A', 'D'] as ('A' | 'D')[], pots: [{ id: 'small-new-organisations' }] };
    // Act
    const parsed = projectSectionSchema(withPot).parse({
      ...valid, subGoals: ['D'], foundedOn: '2024-05-01', localImmigrantOrganisation: 'yes', countedMembers: '25', potId: 'small-new-organisations',
    });
    // Assess
    expect(parsed).toMatchObject({ foundedOn: '2024-05-01', localImmigrantOrganisation: true, countedMembers: 25, potId: 'small-new-organisations' });
    expect(projectFormValues(parsed)).toMatchObject({ foundedOn: '2024-05-01', localImmigrantOrganisation: 'yes', countedMembers: '25', potId: 'small-new-organisations' });
  });

  it('refuses a pot the call does not offer, a founding date after the grant year, and a missing member count for an operating grant', () => {
    // Prepare
    const operating = { ...call, subGoals: ['A', 'D'] as ('A' | 'D')[] };
    // Act
    const wrongPotAndDate = projectSectionSchema(operating).safeParse({ ...valid, foundedOn: '2028-01-01', potId: 'small-new-organisations' });
    const noMembers = projectSectionSchema(operating).safeParse({ ...valid, subGoals: ['D'], localImmigrantOrganisation: 'yes' });
    const notImmigrantOrganisation = projectSectionSchema(operating).safeParse({ ...valid, subGoals: ['D'] });
    // Assess
    expect(messagesOf(wrongPotAndDate.error, 'potId')).toContain('Velg en av pottene i denne utlysningen, eller ingen.');
    expect(messagesOf(wrongPotAndDate.error, 'foundedOn')).toContain('Datoen kan ikke være senere enn 2027.');
    expect(messagesOf(noMembers.error, 'countedMembers', 'en')).toContain('State how many counted members the organisation has.');
    expect(notImmigrantOrganisation.success).toBe(true);
  });

  it('leaves the organisation questions empty for an ordinary project', () => {
    const parsed = projectSectionSchema(call).parse(valid);
    expect(parsed).toMatchObject({ localImmigrantOrganisation: false });
    expect(parsed.foundedOn ?? parsed.countedMembers ?? parsed.potId).toBeUndefined();
  });

  it('refuses text beyond its limit, dates outside the grant year and a sub-goal the call does not have', () => {
    // Act
    const result = projectSectionSchema(call).safeParse({ ...valid, title: 'x'.repeat(141), startDate: '2026-12-31', subGoals: ['D'] });

    // Assess
    expect(messagesOf(result.error, 'title')).toEqual(['Teksten kan være på høyst 140 tegn.']);
    expect(messagesOf(result.error, 'startDate', 'en')[0]).toContain('grant year 2027');
    expect(messagesOf(result.error, 'subGoals')[0]).toContain('Velg minst ett');
  });

  it('refuses an end date before the start date', () => {
    // Act
    const result = projectSectionSchema(call).safeParse({ ...valid, startDate: '2027-06-01', endDate: '2027-05-01' });

    // Assess
    expect(messagesOf(result.error, 'endDate')).toEqual(['Sluttdatoen kan ikke være før startdatoen.']);
  });
});

describe('the contact section', () => {
  it('refuses a bad email, phone and account number with messages in the chosen language', () => {
    // Act
    const result = contactSectionSchema.safeParse({ contactName: 'Kari', email: 'kari@', phone: '123', accountNumber: '1234.56.78904' });

    // Assess
    expect(messagesOf(result.error, 'email', 'en')[0]).toContain('name@example.com');
    expect(messagesOf(result.error, 'phone', 'en')[0]).toContain('8 digits');
    expect(messagesOf(result.error, 'accountNumber', 'en')[0]).toContain('11 digits');
  });

  it('checks account numbers with their mod-11 check digit', () => {
    expect(isValidAccountNumber('12345678903')).toBe(true);
    expect(isValidAccountNumber('12345678904')).toBe(false);
    expect(isValidAccountNumber('1234567890')).toBe(false);
  });
});

describe('what stops a submission', () => {
  it('lists each missing section and the statutes', () => {
    // Prepare
    const draft = { attachments: [], answers: {} } as unknown as Application;

    // Act
    const problems = submissionProblems(draft, { extraQuestions: [{ id: 'reach', label: { nb: 'x', nn: 'x', en: 'x' }, required: true, maxLength: 10 }] }, { auditThreshold: kroner(100_000) });

    // Assess
    expect(problems.map((problem) => problem.section)).toEqual(['contact', 'project', 'budget', 'attachments', 'questions']);
  });

  const statutes = { kind: 'statutes', key: 'a/vedtekter.pdf', filename: 'vedtekter.pdf', contentType: 'application/pdf', size: 10, uploadedAt: '2027-02-01T10:00:00.000Z' } as const;
  const withBudget = (amountApplied: number, kinds: AttachmentKind[] = []) => ({
    attachments: [statutes, ...kinds.map((kind) => ({ ...statutes, kind, key: `a/${kind}.pdf` }))],
    budget: { costs: [{ label: 'Leie', amount: kroner(amountApplied) }], otherIncome: [], ownContribution: kroner(0), amountApplied: kroner(amountApplied) },
  }) as unknown as Application;
  const auditProblems = (application: Application, auditThreshold = 100_000) =>
    submissionProblems(application, { extraQuestions: [] }, { auditThreshold: kroner(auditThreshold) }).filter((p) => p.section === 'attachments');

  it('requires audited accounts or an auditor’s confirmation at the audit threshold, in nb, nn and en', () => {
    // Act
    const atThreshold = auditProblems(withBudget(100_000));
    // Assess
    expect(atThreshold).toHaveLength(1);
    expect(atThreshold[0]?.messages.nb).toContain('revisor');
    expect(atThreshold[0]?.messages.nn).toContain('revisor');
    expect(atThreshold[0]?.messages.en).toContain('auditor');
    expect(atThreshold[0]?.messages.nb.replaceAll('\u00a0', ' ')).toContain('100 000 kr');
  });

  it('accepts either audited accounts or an auditor’s confirmation, and asks for neither below the threshold', () => {
    expect(auditProblems(withBudget(100_000, ['audited-accounts']))).toEqual([]);
    expect(auditProblems(withBudget(150_000, ['auditor-confirmation']))).toEqual([]);
    expect(auditProblems(withBudget(99_999))).toEqual([]);
    expect(auditProblems(withBudget(100_000, ['accounts']))).toHaveLength(1);
  });

  it('takes the threshold from the rule set', () => {
    expect(auditProblems(withBudget(120_000), 150_000)).toEqual([]);
    expect(auditProblems(withBudget(150_000), 150_000)).toHaveLength(1);
  });
});
