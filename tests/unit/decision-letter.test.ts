import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConcurrentChangeError } from '../../shared/applications/errors';
import type { Decision, DecisionOutcome } from '../../shared/decisions/decision';
import { ActorRecusedError } from '../../shared/applications/errors';
import { AlreadyDecidedError, NoRecommendationError, NotEnoughFundsError, RecommendationChangedError } from '../../shared/decisions/errors';
import type { DecisionCommitment } from '../../shared/decisions/ports';
import { signRecommendation } from '../../shared/decisions/signing';
import { acceptanceDeadlineOf } from '../../shared/decisions/acceptance';
import { signDecisions } from '../../shared/decisions/use-cases/sign-decisions';
import { codeDefaultVersion } from '../../shared/rules/rule-set-version';
import { IllegalTransitionError } from '../../shared/kernel/state-machine';
import type { Kroner } from '../../shared/kernel/money';
import type { TenantId } from '../../shared/kernel/tenants';
import { decisionLetter, decisionLetterEmail, letterText } from '../../web/emails/decision-letter';
import { openCall } from '../support/calls';
import { recommendation, recommendedApplication } from '../support/decisions';

const call = openCall('k3240' as TenantId, { appealBodyName: { nb: 'Klagenemnda i Eidsvoll', nn: 'Klagenemnda i Eidsvoll', en: 'Eidsvoll appeals committee' } });
const rules = codeDefaultVersion(call.grantYear)!;
const languages = ['nb', 'nn', 'en'] as const;
const outcomes: { outcome: DecisionOutcome; amount: number }[] = [
  { outcome: 'grant', amount: 100_000 },
  { outcome: 'grant_partly', amount: 60_000 },
  { outcome: 'reject', amount: 0 },
];

function signed(outcome: DecisionOutcome, amount: number, language: 'nb' | 'nn' | 'en') {
  const application = recommendedApplication(call, { applied: 100_000, language, recommend: recommendation(outcome, amount) });
  return signRecommendation({
    application, call, rules, signer: { userId: 'approver-1', name: 'Per Godkjenner' }, now: new Date('2027-04-10T09:00:00Z'),
    newId: ulid, composeLetter: (input) => decisionLetterEmail(input),
  });
}

/** What each language says for each required part, so a missing part fails in the language it is missing in. */
const required = {
  nb: { accept: /ta imot tilskuddet og vilkårene innen 1\. mai 2027/, lapse: /faller tilskuddet bort/, appealWeeks: /klagefristen er 3 uker fra den dagen dere mottok/i, count: /neste virkedag/, contents: /Klagen skal/, access: /§§ 18 og 19/, law: /§§ 24–27/, third: /§ 27 tredje ledd/, rules: /Regler:.*forskrift|Regler:/, facts: /Faktum:/, considerations: /Hovedhensyn:/, report: /Rapporten skal være sendt innen/, activities: /aktiviteter/, participants: /deltakere/, results: /resultater/, accounts: /regnskap for bruken/, auditor: /revisor/, use: /i tilskuddsåret/, unused: /betales tilbake/, changes: /melde fra/, where: /Send klagen til/ },
  nn: { accept: /ta imot tilskotet og vilkåra innan 1\. mai 2027/, lapse: /fell tilskotet bort/, appealWeeks: /klagefristen er 3 veker frå den dagen de fekk/i, count: /neste yrkedag/, contents: /Klaga skal/, access: /§§ 18 og 19/, law: /§§ 24–27/, third: /§ 27 tredje ledd/, rules: /Reglar:/, facts: /Faktum:/, considerations: /Hovudomsyn:/, report: /Rapporten skal vere send innan/, activities: /aktivitetar/, participants: /deltakarar/, results: /resultat/, accounts: /rekneskap for bruken/, auditor: /revisor/, use: /i tilskotsåret/, unused: /betalast tilbake/, changes: /melde frå/, where: /Send klaga til/ },
  en: { accept: /accept the grant and its conditions by 1 May 2027/, lapse: /the grant lapses/, appealWeeks: /deadline for appeal is 3 weeks from the day you received/i, count: /next working day/, contents: /Your appeal must/, access: /sections 18 and 19/, law: /sections 24–27/, third: /section 27, third paragraph/, rules: /Rules:/, facts: /Facts:/, considerations: /Main considerations:/, report: /The report must be sent by/, activities: /activities/, participants: /participants/, results: /results/, accounts: /accounts of how the grant was used/, auditor: /auditor/, use: /within the grant year/, unused: /paid back/, changes: /tell .* at once/, where: /Send your appeal to/ },
} as const;

describe('the decision letter', () => {
  for (const lang of languages) {
    for (const { outcome, amount } of outcomes) {
      it(`states every required part in ${lang} for ${outcome}`, () => {
        const commitment = signed(outcome, amount, lang);
        const decision = commitment.next.decision!;
        const letter = decisionLetter({ decision, application: commitment.next, call });
        const text = letterText(letter);
        const r = required[lang];
        // The decision, with the amount (or the amount applied for, for a rejection).
        expect(letter.sections[0]!.id).toBe('decision');
        expect(text).toContain(outcome === 'reject' ? (lang === 'en' ? 'NOK 100,000' : '100\u00a0000\u00a0kr') : lang === 'en' ? `NOK ${amount.toLocaleString('en')}` : `${amount.toLocaleString('nb-NO').replace(/\s/g, '\u00a0')}\u00a0kr`);
        // Reasons: the rules applied (regulation and rule-set version), the facts, the main considerations.
        for (const part of [r.rules, r.facts, r.considerations]) expect(text).toMatch(part);
        expect(text).toContain(rules.ruleSet.regulation.reference);
        expect(text).toContain(recommendation(outcome, amount).reasons);
        // Appeal: right, deadline and how to count it, body (kind and the round's name), where, contents.
        for (const part of [r.appealWeeks, r.count, r.contents, r.where]) expect(text).toMatch(part);
        expect(text).toContain(call.appealBodyName![lang]);
        expect(text).toContain(call.administratorName);
        // Right to see the documents, and the sections that require the letter's parts.
        for (const part of [r.access, r.law, r.third]) expect(text).toMatch(part);
        const ids = letter.sections.map((section) => section.id);
        if (outcome === 'reject') {
          expect(ids).toEqual(['decision', 'reasons', 'appeal', 'access']);
          expect(text).not.toMatch(r.report);
          expect(text).not.toMatch(r.accept);
          expect(decision.acceptanceDeadline).toBeUndefined();
        } else {
          expect(ids).toEqual(['decision', 'conditions', 'reasons', 'reporting', 'appeal', 'access']);
          // Conditions: use within the year, report by the deadline, return unused money, report changes, the extra ones.
          for (const part of [r.use, r.unused, r.changes]) expect(text).toMatch(part);
          expect(text).toContain('Kommunens logo skal brukes på plakater.');
          // Reporting: the deadline and what the report must contain, auditor above the threshold.
          for (const part of [r.report, r.activities, r.participants, r.results, r.accounts, r.auditor]) expect(text).toMatch(part);
          expect(decision.reportingDeadline).toBe(call.reportingDeadline);
          // Acceptance: by the end of the Oslo day three weeks (the rule set's default) after signing.
          for (const part of [r.accept, r.lapse]) expect(text).toMatch(part);
          expect(decision.acceptanceDeadline).toBe('2027-05-01T21:59:59.000Z');
        }
      });
    }
  }

  it('asks for accounts confirmed by an auditor exactly at or above the threshold', () => {
    const threshold = rules.ruleSet.auditThreshold;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), (amount) => {
        const commitment = signed('grant', 100_000, 'en');
        const decision: Decision = { ...commitment.next.decision!, amount: amount as Kroner };
        const text = letterText(decisionLetter({ decision, application: commitment.next, call }));
        expect(text.includes('the accounts must be confirmed by an auditor')).toBe(amount >= threshold);
      }),
      { numRuns: 200 },
    );
  });

  it('names the appeal body by its kind when the round gives no name', () => {
    const bare = { ...call, appealBodyName: undefined };
    const application = recommendedApplication(bare, { language: 'en' });
    const commitment = signRecommendation({ application, call: bare, rules, signer: { userId: 'a' }, now: new Date(), newId: ulid, composeLetter: decisionLetterEmail });
    expect(commitment.letter.text).toContain(rules.ruleSet.appealBody === 'imdi' ? 'IMDi' : "the municipality's appeals committee");
  });
});

describe('the acceptance deadline', () => {
  it('ends the Oslo day the rule set\'s weeks after the Oslo day of signing, whatever the host zone', () => {
    // Prepare: just after midnight in Oslo is still the day before in UTC, in summer and in winter.
    const cases = [
      { decidedAt: '2027-04-10T22:30:00Z', weeks: 3, deadline: '2027-05-02T21:59:59.000Z' },
      { decidedAt: '2027-01-05T23:30:00Z', weeks: 3, deadline: '2027-01-27T22:59:59.000Z' },
      // Across the change to summer time (28 March 2027): the deadline keeps the Oslo end of day.
      { decidedAt: '2027-03-20T10:00:00Z', weeks: 2, deadline: '2027-04-03T21:59:59.000Z' },
    ];
    for (const { decidedAt, weeks, deadline } of cases) {
      // Act, Assess
      expect(acceptanceDeadlineOf(decidedAt, weeks)).toBe(deadline);
    }
  });

  it('follows the weeks of the rule set the round was created under', () => {
    const fourWeeks = { ...rules, ruleSet: { ...rules.ruleSet, acceptanceWeeks: 4 } };
    const application = recommendedApplication(call, { applied: 100_000, recommend: recommendation('grant', 100_000) });
    const { next } = signRecommendation({ application, call, rules: fourWeeks, signer: { userId: 'a' }, now: new Date('2027-04-10T09:00:00Z'), newId: ulid, composeLetter: decisionLetterEmail });
    expect(next.decision?.acceptanceDeadline).toBe('2027-05-08T21:59:59.000Z');
  });
});

describe('signing a recommendation', () => {
  const base = { call, rules, now: new Date('2027-04-10T09:00:00Z'), newId: ulid, composeLetter: decisionLetterEmail };

  it('fixes outcome, amount, reasons, signer, language, appeal weeks and body, and the rule-set version', () => {
    const application = recommendedApplication(call, { applied: 100_000, language: 'nn', recommend: recommendation('grant_partly', 40_000) });
    const { next, award, letter, audit } = signRecommendation({ ...base, application, signer: { userId: 'u1', name: 'Per' } });
    expect(next.status).toBe('partly_granted');
    expect(next.version).toBe(application.version + 1);
    expect(award).toBe(40_000);
    expect(next.decision).toMatchObject({
      outcome: 'grant_partly', amount: 40_000, decidedBy: 'u1', decidedByName: 'Per', language: 'nn',
      appealDeadlineWeeks: rules.ruleSet.appealDeadlineWeeks, appealBody: rules.ruleSet.appealBody, appealBodyName: call.appealBodyName,
      ruleSetVersion: rules.version, reportingDeadline: call.reportingDeadline,
    });
    expect(letter).toMatchObject({ kind: 'decision-notice', to: application.email, tenantId: call.tenantId });
    expect(audit).toMatchObject({ actor: 'officer:u1', action: 'grant_partly', from: 'under_assessment', to: 'partly_granted' });
  });

  it('leaves the budget alone for a rejection', () => {
    const application = recommendedApplication(call, { recommend: recommendation('reject', 0) });
    const { next, award } = signRecommendation({ ...base, application, signer: { userId: 'u1' } });
    expect(next.status).toBe('rejected');
    expect(award).toBe(0);
    expect(next.decision?.reportingDeadline).toBeUndefined();
  });

  it('refuses a recused approver, a missing or changed recommendation, and a decided case', () => {
    const recused = recommendedApplication(call, { recusedUserIds: ['u1'] });
    expect(() => signRecommendation({ ...base, application: recused, signer: { userId: 'u1' } })).toThrow(ActorRecusedError);
    const none = recommendedApplication(call, { recommend: undefined });
    expect(() => signRecommendation({ ...base, application: none, signer: { userId: 'u2' } })).toThrow(NoRecommendationError);
    const fresh = recommendedApplication(call);
    expect(() => signRecommendation({ ...base, application: fresh, signer: { userId: 'u2' }, recommendationSeen: '2027-01-01T00:00:00.000Z' })).toThrow(RecommendationChangedError);
    const decided = signRecommendation({ ...base, application: fresh, signer: { userId: 'u2' } }).next;
    expect(() => signRecommendation({ ...base, application: decided, signer: { userId: 'u2' } })).toThrow(AlreadyDecidedError);
  });

  it('cannot grant an application with blocking findings, but can reject it', () => {
    const blocked = recommendedApplication(call, { blocking: true });
    expect(() => signRecommendation({ ...base, application: blocked, signer: { userId: 'u1' } })).toThrow(IllegalTransitionError);
    const rejected = recommendedApplication(call, { blocking: true, recommend: recommendation('reject', 0) });
    expect(signRecommendation({ ...base, application: rejected, signer: { userId: 'u1' } }).next.status).toBe('rejected');
  });

  it('keeps full and partial grants apart by the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 500_000 }), (applied, awarded) => {
        const application = recommendedApplication(call, { applied, recommend: recommendation(awarded === applied ? 'grant' : 'grant_partly', awarded) });
        if (awarded > applied) {
          expect(() => signRecommendation({ ...base, application, signer: { userId: 'u1' } })).toThrow(IllegalTransitionError);
        } else {
          const { award, next } = signRecommendation({ ...base, application, signer: { userId: 'u1' } });
          expect(award).toBe(awarded);
          expect(Number.isInteger(award)).toBe(true);
          expect(next.status).toBe(awarded === applied ? 'granted' : 'partly_granted');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('signing a batch', () => {
  it('reports each application: decided, refused for funds, refused because someone decided it meanwhile', async () => {
    const apps = [recommendedApplication(call), recommendedApplication(call), recommendedApplication(call)];
    const store = new Map(apps.map((a) => [a.applicationId, a]));
    let left = 150_000;
    const decisions = {
      get: async (_t: string, id: string) => store.get(id),
      async commit(commitment: DecisionCommitment) {
        const id = commitment.next.applicationId;
        if (id === apps[2]!.applicationId) {
          store.set(id, { ...commitment.next, decision: { ...commitment.next.decision!, decidedBy: 'someone-else' } });
          throw new ConcurrentChangeError();
        }
        if (commitment.award > left) throw new NotEnoughFundsError(commitment.award, left as Kroner);
        left -= commitment.award;
        store.set(id, commitment.next);
      },
    };
    const results = await signDecisions(
      { decisions, clock: () => new Date('2027-04-10T09:00:00Z'), newId: ulid, composeLetter: decisionLetterEmail },
      { tenantId: call.tenantId, call, rules, signer: { userId: 'u1' }, selected: [...apps.map((a) => ({ applicationId: a.applicationId })), { applicationId: 'nope' }] },
    );
    expect(results.map((r) => (r.result === 'decided' ? 'decided' : r.code))).toEqual([
      'decided', 'decision.insufficient_funds', 'decision.already_decided', 'application.not_found',
    ]);
    const refusal = results[1]!;
    expect(refusal.result === 'refused' && refusal.messages.en).toBe('Not enough available funds: NOK 50,000 left.');
  });
});
