import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import { applicationStatuses } from '../../shared/applications/lifecycle';
import { kroner } from '../../shared/kernel/money';
import type { Orgnr } from '../../shared/kernel/orgnr';
import type { TenantId } from '../../shared/kernel/tenants';
import { emptyPosition, type StoredBudgetPosition } from '../../shared/national/budget-position';
import { subGoalCodes, type SubGoalCode } from '../../shared/rules/sub-goals';
import { yearReportFigures } from '../../shared/year-reports/figures';
import { saveYearReportDraft } from '../../shared/year-reports/use-cases/save-year-report-draft';
import { submitYearReport } from '../../shared/year-reports/use-cases/submit-year-report';
import { MAX_ASSESSMENT_LENGTH, YearReportChangedError, type StoredYearReport, type YearReportRepository } from '../../shared/year-reports/year-report';
import { submittedApplication } from '../support/assessment-cases';

const tenantId = 'oslo' as TenantId;
const orgnrs = ['974760673', '912345678', '987654321', '998877665', '911111111'] as Orgnr[];

/** An application of the year as the arbitraries vary it: decided or not, answered or not, any sub-goals. */
const applicationArb = fc.record({
  status: fc.constantFrom(...applicationStatuses.filter((status) => status !== 'draft')),
  outcome: fc.constantFrom(undefined, 'grant' as const, 'grant_partly' as const, 'reject' as const),
  amount: fc.integer({ min: 0, max: 5_000_000 }),
  answer: fc.constantFrom(undefined, 'accepted' as const, 'declined' as const, 'lapsed' as const),
  orgnr: fc.constantFrom(...orgnrs),
  subGoals: fc.subarray([...subGoalCodes], { minLength: 1 }),
  participants: fc.integer({ min: 1, max: 1_000_000 }),
  hours: fc.integer({ min: 1, max: 1_000_000 }),
});


function buildApplication(shape: {
  status: Application['status']; outcome: 'grant' | 'grant_partly' | 'reject' | undefined; amount: number; answer: 'accepted' | 'declined' | 'lapsed' | undefined;
  orgnr: Orgnr; subGoals: SubGoalCode[]; participants: number; hours: number;
}, index: number): Application {
  const base = submittedApplication(tenantId, '2027-1', `app-${String(index).padStart(4, '0')}`, { status: shape.status, orgnr: shape.orgnr });
  return {
    ...base,
    project: { ...base.project!, subGoals: shape.subGoals, expectedParticipants: shape.participants, volunteerHours: shape.hours },
    ...(shape.outcome ? {
      decision: {
        decisionId: `d-${index}`, outcome: shape.outcome, amount: kroner(shape.outcome === 'reject' ? 0 : shape.amount), reasons: 'r', conditions: '',
        decidedBy: 'approver', decidedAt: '2027-04-01T10:00:00.000Z', language: 'nb', appealDeadlineWeeks: 3, appealBody: 'imdi', ruleSetVersion: 1,
      },
    } : {}),
    ...(shape.answer && shape.outcome && shape.outcome !== 'reject' ? { acceptance: { outcome: shape.answer, at: '2027-04-20T10:00:00.000Z', by: 'applicant' } } : {}),
  } as Application;
}

const positionArb = fc.record({
  frame: fc.integer({ min: 0, max: 50_000_000 }), adminCap: fc.integer({ min: 0, max: 2_000_000 }), adminReserved: fc.integer({ min: 0, max: 2_000_000 }),
  paid: fc.integer({ min: 0, max: 50_000_000 }), returned: fc.integer({ min: 0, max: 5_000_000 }), carriedForward: fc.integer({ min: 0, max: 5_000_000 }),
  returnedToImdi: fc.integer({ min: 0, max: 5_000_000 }),
}).map((figures): StoredBudgetPosition => ({
  ...emptyPosition(tenantId, 2027), ...Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, kroner(value)])), allocationVersion: 1,
}));

describe('the year report’s figures', () => {
  it('equal an independent recomputation from the applications and the position, with exact kroner sums', () => {
    fc.assert(
      fc.property(fc.array(applicationArb, { maxLength: 60 }), positionArb, fc.subarray(orgnrs), (shapes, position, earlier) => {
        const applications = shapes.map((shape, index) => buildApplication(shape, index));
        const { figures, measures } = yearReportFigures({ grantYear: 2027, position, applications, earlierOrganisations: new Set(earlier) });

        // The recomputation walks the raw shapes, not the applications the function reads.
        const granted = shapes.filter((shape) => shape.outcome === 'grant' || shape.outcome === 'grant_partly');
        let awarded = 0n;
        for (const shape of granted) awarded += BigInt(shape.amount);
        expect(BigInt(figures.awarded)).toBe(awarded);
        expect(figures.applicationsReceived).toBe(shapes.length);
        expect(figures.decisions).toBe(shapes.filter((shape) => shape.outcome !== undefined).length);
        expect(figures.grants).toBe(granted.length);
        const grantedOrgs = new Set(granted.map((shape) => shape.orgnr));
        expect(figures.organisationsGranted).toBe(grantedOrgs.size);
        expect(figures.firstTimeOrganisationsGranted).toBe([...grantedOrgs].filter((orgnr) => !earlier.includes(orgnr)).length);
        for (const line of figures.bySubGoal) {
          const naming = granted.filter((shape) => shape.subGoals.includes(line.subGoal));
          expect(line.grants).toBe(naming.length);
          expect(BigInt(line.awarded)).toBe(naming.reduce((total, shape) => total + BigInt(shape.amount), 0n));
        }
        expect(figures.plannedParticipants).toBe(granted.reduce((total, shape) => total + shape.participants, 0));
        expect(figures.plannedVolunteerHours).toBe(granted.reduce((total, shape) => total + shape.hours, 0));
        for (const answer of ['accepted', 'declined', 'lapsed'] as const) {
          const name = { accepted: 'grantsAccepted', declined: 'grantsDeclined', lapsed: 'grantsLapsed' } as const;
          expect(figures[name[answer]]).toBe(granted.filter((shape) => shape.answer === answer).length);
        }
        expect(figures.reports.approved).toBe(granted.filter((shape) => shape.status === 'approved' || shape.status === 'closed').length);
        expect(figures.reports.outstanding).toBe(granted.filter((shape) => ['accepted', 'paid', 'reported'].includes(shape.status)).length);
        expect(figures).toMatchObject({
          frame: position.frame, adminCap: position.adminCap, adminCostUsed: position.adminReserved, adminWithinCap: position.adminReserved <= position.adminCap,
          paid: position.paid, returned: position.returned, carriedForward: position.carriedForward, returnedToImdi: position.returnedToImdi,
        });
        expect(measures).toHaveLength(granted.length);
        expect(measures.every((measure) => Number.isInteger(measure.awarded))).toBe(true);
      }),
    );
  });

  it('counts a measure naming two sub-goals under both, with its whole amount', () => {
    const two = buildApplication({ status: 'accepted', outcome: 'grant', amount: 10_000, answer: 'accepted', orgnr: orgnrs[0]!, subGoals: ['A', 'C'], participants: 10, hours: 5 }, 1);
    const { figures } = yearReportFigures({ grantYear: 2027, position: emptyPosition(tenantId, 2027), applications: [two], earlierOrganisations: new Set() });
    expect(figures.bySubGoal.filter((line) => line.grants === 1).map((line) => [line.subGoal, line.awarded])).toEqual([['A', 10_000], ['C', 10_000]]);
    expect(figures.awarded).toBe(10_000);
  });

  it('sums the results of approved final reports only: participants, volunteer hours, kroner spent and unspent', () => {
    const content = (participants: number, unspent: number) => ({
      whatWasDone: 'Språkkafé', results: 'Godt', participants: [{ subGoal: 'A' as const, participants }, { subGoal: 'C' as const, participants: 3 }],
      firstTimeParticipants: 4, volunteerHours: 50, spending: [], totalSpent: kroner(10_000 - unspent), unspent: kroner(unspent),
    });
    const grant = (index: number, status: Application['status'], report: Application['report']) => ({
      ...buildApplication({ status, outcome: 'grant', amount: 10_000, answer: 'accepted', orgnr: orgnrs[0]!, subGoals: ['A'], participants: 10, hours: 5 }, index), report,
    });
    const approved = grant(1, 'approved', { status: 'approved', submissions: 1, submittedAt: '2028-01-10T10:00:00.000Z', content: content(20, 1_500) });
    const waiting = grant(2, 'reported', { status: 'submitted', submissions: 1, submittedAt: '2028-01-11T10:00:00.000Z', content: content(99, 0) });
    const { figures } = yearReportFigures({ grantYear: 2027, position: emptyPosition(tenantId, 2027), applications: [approved, waiting], earlierOrganisations: new Set() });
    expect(figures.reports).toEqual({ approved: 1, outstanding: 1, participantsReached: 23, firstTimeParticipants: 4, volunteerHours: 50, amountSpent: 8_500, amountUnspent: 1_500 });
  });

  it('lists the measures without personal data', () => {
    const grant = buildApplication({ status: 'paid', outcome: 'grant', amount: 5_000, answer: 'accepted', orgnr: orgnrs[1]!, subGoals: ['B'], participants: 3, hours: 1 }, 2);
    const { measures } = yearReportFigures({ grantYear: 2027, position: emptyPosition(tenantId, 2027), applications: [grant], earlierOrganisations: new Set() });
    const text = JSON.stringify(measures);
    expect(text).not.toContain('kontakt@forening.example');
    expect(text).not.toContain('99999999');
    expect(text).not.toContain('12345678903');
    expect(text).not.toContain('Kontakt Personsen');
    expect(measures[0]).toMatchObject({ title: 'Språkkafé for nye i byen', subGoals: ['B'], awarded: 5_000, status: 'paid' });
  });
});

/** A store that behaves like the table's guarded put. */
function memoryStore(): YearReportRepository & { saved: StoredYearReport[] } {
  let stored: StoredYearReport | undefined;
  const saved: StoredYearReport[] = [];
  return {
    saved,
    get: async () => stored,
    save: async (next) => {
      if ((stored?.version ?? 0) !== next.version - 1 || stored?.status === 'submitted') throw new YearReportChangedError();
      stored = next;
      saved.push(next);
    },
  };
}

describe('the year report’s lifecycle', () => {
  const texts = { experiences: ' Gode erfaringer ', cooperation: 'Godt samarbeid', challenges: 'Lokaler' };
  const base = { tenantId, grantYear: 2027, actor: 'admin', now: new Date('2028-01-20T10:00:00.000Z'), eventId: 'e1' };
  const currentFigures = async () => yearReportFigures({ grantYear: 2027, position: emptyPosition(tenantId, 2027), applications: [], earlierOrganisations: new Set() });

  it('saves a draft with empty texts, refuses a too long one, and submits once with the figures frozen', async () => {
    const yearReports = memoryStore();
    const draft = await saveYearReportDraft({ yearReports }, { ...base, expectedVersion: 0, assessments: { ...texts, challenges: '' } });
    expect(draft).toMatchObject({ status: 'draft', version: 1, assessments: { experiences: 'Gode erfaringer', challenges: '' } });
    await expect(saveYearReportDraft({ yearReports }, { ...base, expectedVersion: 1, assessments: { ...texts, cooperation: 'x'.repeat(MAX_ASSESSMENT_LENGTH + 1) } }))
      .rejects.toMatchObject({ code: 'year_report.invalid_assessment', fields: [{ field: 'assessments.cooperation', code: 'year_report.too_long' }] });
    await expect(submitYearReport({ yearReports, currentFigures }, { ...base, expectedVersion: 1 }))
      .rejects.toMatchObject({ fields: [{ field: 'assessments.challenges', code: 'year_report.required' }] });
    await expect(saveYearReportDraft({ yearReports }, { ...base, expectedVersion: 0, assessments: texts })).rejects.toMatchObject({ code: 'year_report.changed_meanwhile' });
    const sent = await submitYearReport({ yearReports, currentFigures }, { ...base, expectedVersion: 1, assessments: texts });
    expect(sent).toMatchObject({ status: 'submitted', version: 2, submittedAt: '2028-01-20T10:00:00.000Z', figures: { grantYear: 2027, applicationsReceived: 0 }, measures: [] });
    await expect(submitYearReport({ yearReports, currentFigures }, { ...base, expectedVersion: 2 })).rejects.toMatchObject({ code: 'year_report.already_submitted' });
    await expect(saveYearReportDraft({ yearReports }, { ...base, expectedVersion: 2, assessments: texts })).rejects.toMatchObject({ code: 'year_report.already_submitted' });
    expect(yearReports.saved.map((report) => report.status)).toEqual(['draft', 'submitted']);
  });

  it('lets exactly one of two simultaneous submissions through, and tells the other it was already sent', async () => {
    const yearReports = memoryStore();
    await saveYearReportDraft({ yearReports }, { ...base, expectedVersion: 0, assessments: texts });
    const results = await Promise.allSettled([1, 2].map(() => submitYearReport({ yearReports, currentFigures }, { ...base, expectedVersion: 1 })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'year_report.already_submitted' } });
  });
});
