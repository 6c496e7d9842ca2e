/**
 * The final report's rules without storage: the form's checks (each with its message in nb, nn and
 * en), the sums exact to the krone (property-based: the rows add up to the total, and the grant
 * used plus the unspent amount is always the grant), the submit and review use cases against an
 * in-memory store (one submit of two wins; the application moves on from `accepted` or `paid`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../shared/applications/application';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { ApplicationChange } from '../../shared/applications/ports';
import { transitionApplication } from '../../shared/applications/lifecycle';
import { issueMessage } from '../../shared/kernel/i18n';
import { kroner, type Kroner } from '../../shared/kernel/money';
import { recomputeCounters } from '../../shared/national/aggregates';
import { approvedReportCounters, mayWriteReport, reportOf, unspentOf } from '../../shared/reports/report';
import { reportFieldNames, reportFormSchema, type ReportFrame } from '../../shared/reports/report-form';
import { saveReportDraft } from '../../shared/reports/use-cases/save-report-draft';
import { submitReport } from '../../shared/reports/use-cases/submit-report';
import { approveReport, returnReport } from '../../shared/reports/use-cases/review-report';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';

const frame: ReportFrame = { subGoals: ['A', 'C'], costs: [{ label: 'Husleie', amount: kroner(30_000) }, { label: 'Mat', amount: kroner(20_000) }], awarded: kroner(50_000) };

const filled = (overrides: Record<string, string> = {}) => ({
  whatWasDone: 'Vi holdt 30 språkkafeer.', results: 'Deltakerne snakker mer norsk.',
  'participants.A': '40', 'participants.C': '12', firstTimeParticipants: '20', volunteerHours: '300',
  'spent.0': '30 000', 'spent.1': '15 000', totalSpent: '45 000', unspent: '5 000', ...overrides,
});

function errorsOf(input: Record<string, string>, lang: 'nb' | 'nn' | 'en' = 'nb') {
  const parsed = reportFormSchema(frame).safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issueMessage(issue, lang)]));
}

describe('the report form', () => {
  it('reads a complete report with exact sums', () => {
    const parsed = reportFormSchema(frame).parse(filled());
    expect(parsed).toMatchObject({ totalSpent: 45_000, unspent: 5_000, firstTimeParticipants: 20 });
    expect(parsed.spending).toEqual([{ label: 'Husleie', budgeted: 30_000, spent: 30_000 }, { label: 'Mat', budgeted: 20_000, spent: 15_000 }]);
    expect(parsed.participants).toEqual([{ subGoal: 'A', participants: 40 }, { subGoal: 'C', participants: 12 }]);
    expect(reportFieldNames(frame)).toContain('participants.C');
  });

  it('names each bad field with a message in the user language', () => {
    expect(errorsOf(filled({ whatWasDone: ' ', 'spent.1': '15 000,50', volunteerHours: 'mange' }))).toMatchObject({
      whatWasDone: expect.any(String), 'spent.1': expect.stringContaining('kroner'), volunteerHours: 'Skriv et helt tall fra 0 til 1000000.',
    });
    expect(errorsOf(filled({ totalSpent: '46 000', unspent: '4 000' }), 'en').totalSpent).toMatch(/^The rows add up to .*45,000, not .*46,000\. Correct the rows or the total\.$/);
    expect(errorsOf(filled({ unspent: '0' }), 'nn').unspent).toContain('Ubrukte midlar');
    expect(errorsOf(filled({ firstTimeParticipants: '60' }), 'en').firstTimeParticipants).toContain('(52)');
  });

  it('takes no negative unspent amount: spending above the grant leaves 0 unspent', () => {
    expect(errorsOf(filled({ 'spent.0': '40 000', 'spent.1': '20 000', totalSpent: '60 000', unspent: '0' }))).toEqual({});
    expect(Object.keys(errorsOf(filled({ 'spent.0': '40 000', 'spent.1': '20 000', totalSpent: '60 000', unspent: '-10 000' })))).toEqual(['unspent']);
  });

  it('accepts exactly the reports whose rows add up to the total and whose unspent amount is the grant minus what was used', () => {
    const amount = fc.integer({ min: 0, max: 2_000_000 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.array(amount, { minLength: 1, maxLength: 8 }), fc.integer({ min: -3, max: 3 }), (awarded, rows, slip) => {
        const costs = rows.map((_, index) => ({ label: `Rad ${index}`, amount: kroner(1) }));
        const shape: ReportFrame = { subGoals: ['A'], costs, awarded: kroner(awarded) };
        const total = rows.reduce((sum, row) => sum + row, 0);
        const unspent = unspentOf(kroner(awarded), kroner(total));
        const input = {
          whatWasDone: 'x', results: 'y', 'participants.A': '1', firstTimeParticipants: '0', volunteerHours: '0',
          ...Object.fromEntries(rows.map((row, index) => [`spent.${index}`, String(row)])),
          totalSpent: String(Math.max(0, total + slip)), unspent: String(unspent),
        };
        const parsed = reportFormSchema(shape).safeParse(input);
        expect(parsed.success).toBe(total + slip === total || total + slip < 0 && total === 0);
        if (parsed.success) {
          const used = Math.min(parsed.data.totalSpent, awarded);
          expect(parsed.data.spending.reduce((sum, line) => sum + line.spent, 0)).toBe(parsed.data.totalSpent);
          expect(used + parsed.data.unspent).toBe(awarded);
          expect(parsed.data.unspent).toBeGreaterThanOrEqual(0);
          const counters = approvedReportCounters(parsed.data, awarded);
          expect((counters.amountSpent ?? 0) + (counters.amountUnspent ?? 0)).toBe(awarded);
        }
      }),
    );
  });
});

/** An application store that behaves as the table does: a change only over the version it was read at. */
function memoryStore(application: Application) {
  let stored = application;
  const changes: ApplicationChange[] = [];
  return {
    changes,
    current: () => stored,
    applications: {
      get: async () => stored,
      change: async (change: ApplicationChange) => {
        if (stored.version !== change.next.version - 1 || stored.status !== change.expectedStatus) throw new ConcurrentChangeError();
        stored = change.next;
        changes.push(change);
      },
    },
  };
}

function grant(status: Application['status'], awarded = 50_000): Application {
  const call = openCall('K3240' as never, { roundId: '2027-1' });
  const base = recommendedApplication(call, { applied: awarded, recommend: recommendation('grant', awarded) });
  return { ...base, status, decision: { ...base.recommendation!, amount: awarded as Kroner, decidedAt: '2027-04-10T09:00:00.000Z', decidedBy: 'approver' } as never };
}

const compose = () => ({ subject: 'Kvittering', text: 'Takk for rapporten.' });
const clock = () => new Date('2028-01-15T10:00:00Z');
let id = 0;
const newId = () => `id-${(id += 1)}`;
const content = reportFormSchema(frame).parse(filled());

describe('submitting and reviewing a report', () => {
  it('lets the application report from accepted and from paid, and keeps accepted → paid', () => {
    expect(transitionApplication('accepted', 'report', { now: clock() })).toBe('reported');
    expect(transitionApplication('paid', 'report', { now: clock() })).toBe('reported');
    expect(transitionApplication('accepted', 'pay', { now: clock() })).toBe('paid');
  });

  it('saves a draft, submits once with a receipt, and refuses the second click', async () => {
    const store = memoryStore({ ...grant('paid'), payout: { paid: 50_000 } as never });
    const deps = { applications: store.applications, clock, newId, composeReportMessage: compose };
    expect(reportOf(store.current())?.status).toBe('due');
    await saveReportDraft(deps, { application: store.current(), values: { whatWasDone: 'Halvveis' }, expectedVersion: store.current().version });
    const shown = store.current();
    const submitted = await submitReport(deps, { application: shown, content, auditThreshold: 100_000, expectedVersion: shown.version });
    const again = submitReport(deps, { application: store.current(), content, auditThreshold: 100_000, expectedVersion: shown.version });
    await expect(again).rejects.toMatchObject({ code: 'report.already_submitted' });
    expect(submitted).toMatchObject({ status: 'reported', payout: { paid: 50_000 }, report: { status: 'submitted', submissions: 1 } });
    expect(submitted.report?.draft).toBeUndefined();
    expect(store.changes.map((change) => [change.audit.machine, change.audit.action, change.outbox?.[0]?.kind])).toEqual([['report', 'report_save', undefined], ['report', 'report_submit', 'report-receipt']]);
    expect(mayWriteReport(submitted)).toBe(false);
  });

  it('of two submits at once, exactly one is stored', async () => {
    const store = memoryStore(grant('accepted'));
    const deps = { applications: store.applications, clock, newId, composeReportMessage: compose };
    const shown = store.current();
    const results = await Promise.allSettled([1, 2].map(() => submitReport(deps, { application: shown, content, auditThreshold: 100_000, expectedVersion: shown.version })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'report.already_submitted' } });
  });

  it('asks for the auditor at the threshold, returns with a message, approves and counts the results once', async () => {
    const store = memoryStore(grant('paid', 100_000));
    const deps = { applications: store.applications, clock, newId, composeReportMessage: compose };
    const big = { ...content, unspent: kroner(55_000) };
    await expect(submitReport(deps, { application: store.current(), content: big, auditThreshold: 100_000, expectedVersion: store.current().version }))
      .rejects.toMatchObject({ code: 'report.auditor_confirmation_missing', fields: [{ field: 'auditorConfirmation' }] });
    const file = { kind: 'auditor-confirmation' as const, key: 'k', filename: 'revisor.pdf', contentType: 'application/pdf', size: 10, uploadedAt: clock().toISOString() };
    const withFile = { ...store.current(), report: { status: 'due' as const, submissions: 0, auditorConfirmation: file } };
    const sub = memoryStore(withFile);
    const subDeps = { ...deps, applications: sub.applications };
    await submitReport(subDeps, { application: sub.current(), content: big, auditThreshold: 100_000, expectedVersion: sub.current().version });
    const review = { actor: 'officer-user', auditThreshold: 100_000 };
    await expect(returnReport(subDeps, { ...review, application: sub.current(), message: '  ', expectedVersion: sub.current().version })).rejects.toMatchObject({ details: { reason: 'report.reasons_missing' } });
    const returned = await returnReport(subDeps, { ...review, application: sub.current(), message: 'Legg ved kvitteringene.', expectedVersion: sub.current().version });
    expect(returned).toMatchObject({ status: 'reported', report: { status: 'returned_for_changes', returned: { message: 'Legg ved kvitteringene.' } } });
    await submitReport(subDeps, { application: sub.current(), content: big, auditThreshold: 100_000, expectedVersion: sub.current().version });
    const approved = await approveReport(subDeps, { ...review, application: sub.current(), expectedVersion: sub.current().version });
    await expect(approveReport(subDeps, { ...review, application: sub.current(), expectedVersion: sub.current().version - 1 })).rejects.toMatchObject({ code: 'report.not_awaiting_review' });
    expect(approved).toMatchObject({ status: 'approved', report: { status: 'approved', submissions: 2, approvedBy: 'officer-user' } });
    expect(sub.changes.at(-1)?.aggregate).toEqual({ reportsApproved: 1, participantsReached: 52, firstTimeParticipants: 20, volunteerHours: 300, amountSpent: 45_000, amountUnspent: 55_000 });
    expect(recomputeCounters([approved])).toMatchObject({ reportsApproved: 1, participantsReached: 52, amountSpent: 45_000, amountUnspent: 55_000 });
  });
});
