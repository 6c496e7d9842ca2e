/**
 * Eligibility of an application for one call: the national rules of the round (the rule-set version
 * the call was created under, `rulesOfRound`, passed in by the caller), the call's own settings and
 * what Enhetsregisteret says about the organisation.
 */
import { roundSettingsOf, type Call } from '../rounds/call';
import { assessEligibility, type ApplicationFacts, type EligibilityFinding } from '../rules/eligibility';
import type { Kommunenummer } from '../kernel/kommunenummer';
import type { RegistryRecord } from './registry-record';
import type { Application } from './application';
import type { RuleSet } from '../rules/rule-set';
import { OPERATING_GRANT_SUB_GOAL } from '../rules/sub-goals';
import type { BudgetSection, ProjectSection } from './section-schemas';

/** Findings about the organisation alone, for the first step, before anything else is known. */
export function screenOrganisation(call: Call, rules: RuleSet, record: RegistryRecord, asOf: Date | string): EligibilityFinding[] {
  const facts: ApplicationFacts = { amountAppliedFor: call.minAmount, subGoals: call.subGoals.slice(0, 1), isOperatingGrant: false };
  return screenApplication(call, rules, record, facts, asOf).filter((finding) => finding.code.startsWith('organisation.'));
}

/** What an application states, as the eligibility rules read it. */
export function applicationFacts(project: ProjectSection, budget: BudgetSection): ApplicationFacts {
  return {
    amountAppliedFor: budget.amountApplied,
    subGoals: project.subGoals,
    isOperatingGrant: project.subGoals.includes(OPERATING_GRANT_SUB_GOAL),
    isLocalImmigrantOrganisation: project.localImmigrantOrganisation === true,
    ...(project.countedMembers === undefined ? {} : { countedMembers: project.countedMembers }),
    ...(project.potId === undefined ? {} : { potId: project.potId }),
    ...(project.foundedOn === undefined ? {} : { foundedOn: project.foundedOn }),
    ...(project.otherStateOperatingGrant === undefined ? {} : { hasOtherStateOperatingGrant: project.otherStateOperatingGrant }),
    excludedActivities: {
      ...(project.norwegianLanguageTraining === undefined ? {} : { norwegianLanguageTraining: project.norwegianLanguageTraining }),
      ...(project.aimedAtPublicSector === undefined ? {} : { aimedAtPublicSector: project.aimedAtPublicSector }),
      ...(project.outsideNorway === undefined ? {} : { outsideNorway: project.outsideNorway }),
    },
    ...(project.activeMunicipalities === undefined ? {} : { activeMunicipalities: project.activeMunicipalities }),
  };
}

/** Every finding for a complete application; `record` is null when the registry could not be asked. */
export function screenApplication(call: Call, rules: RuleSet, record: RegistryRecord | null, facts: ApplicationFacts, asOf: Date | string): EligibilityFinding[] {
  const round = roundSettingsOf(call);
  return assessEligibility(
    facts,
    {
      ruleSet: rules,
      round,
      // A call's kommunenummer is the administrator's number in the call's grant year (Eidsvoll's 2023
      // call says 3035), so it is compared in that year's numbering, not as if it were a 2024 number.
      call: call.kommunenummer
        ? { kind: 'municipal', kommune: { kommunenummer: call.kommunenummer as Kommunenummer, validFrom: call.grantYear } }
        : { kind: 'national' },
      asOf,
    },
    record,
  );
}

/**
 * Every finding for an application as it stands, for the review before submitting: none until the
 * project and budget are filled in, and the organisation judged only on what the registry said.
 */
export function screenDraft(call: Call, rules: RuleSet, application: Application, asOf: Date | string): EligibilityFinding[] {
  const { project, budget } = application;
  if (!project || !budget) return [];
  const facts = applicationFacts(project, budget);
  const record = application.registryCheck.status === 'verified' ? application.registryCheck.record : null;
  return screenApplication(call, rules, record, facts, asOf);
}
