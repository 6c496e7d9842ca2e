/**
 * Eligibility of an application for one call: the national rule set of the grant year, the
 * call's own settings and what Enhetsregisteret says about the organisation.
 */
import type { Call } from '../rounds/call';
import { assessEligibility, type ApplicationFacts, type EligibilityFinding } from '../rules/eligibility';
import type { Kommunenummer } from '../kernel/kommunenummer';
import type { RegistryRecord } from './registry-record';
import type { Application } from './application';
import { roundSettingsSchema } from '../rounds/round-settings';
import { ruleSetFor } from '../rules/rule-set-for';

/** Findings about the organisation alone, for the first step, before anything else is known. */
export function screenOrganisation(call: Call, record: RegistryRecord, asOf: Date | string): EligibilityFinding[] {
  const facts: ApplicationFacts = { amountAppliedFor: call.minAmount, subGoals: call.subGoals.slice(0, 1), isOperatingGrant: false };
  return screenApplication(call, record, facts, asOf).filter((finding) => finding.code.startsWith('organisation.'));
}

/** Every finding for a complete application; `record` is null when the registry could not be asked. */
export function screenApplication(call: Call, record: RegistryRecord | null, facts: ApplicationFacts, asOf: Date | string): EligibilityFinding[] {
  const round = roundSettingsSchema.parse({
    grantYear: call.grantYear,
    opensAt: call.opensAt,
    deadline: call.deadline,
    subGoals: call.subGoals,
    minAmount: call.minAmount,
    maxAmount: call.maxAmount,
    reportingDeadline: call.reportingDeadline,
    extraQuestions: call.extraQuestions,
  });
  return assessEligibility(
    facts,
    {
      ruleSet: ruleSetFor(call.grantYear),
      round,
      call: call.kommunenummer
        ? { kind: 'municipal', kommune: { kommunenummer: call.kommunenummer as Kommunenummer, validFrom: 2024 } }
        : { kind: 'national' },
      asOf,
    },
    record,
  );
}

/**
 * The facts an application's own answers give the eligibility rules: what it applies for, for
 * which sub-goals, and whether it is an operating grant (sub-goal D is the operating grant).
 * Undefined until the project and the budget are filled in.
 */
export function applicationFacts(application: Pick<Application, 'project' | 'budget'>): ApplicationFacts | undefined {
  const { project, budget } = application;
  if (!project || !budget) return undefined;
  return { amountAppliedFor: budget.amountApplied, subGoals: project.subGoals, isOperatingGrant: project.subGoals.includes('D') };
}

/**
 * Every finding for an application as it stands, for the review before submitting: none until the
 * project and budget are filled in, and the organisation judged only on what the registry said.
 */
export function screenDraft(call: Call, application: Application, asOf: Date | string): EligibilityFinding[] {
  const facts = applicationFacts(application);
  if (!facts) return [];
  const record = application.registryCheck.status === 'verified' ? application.registryCheck.record : null;
  return screenApplication(call, record, facts, asOf);
}
