/**
 * The screening rules that come from what the applicant declares about the organisation and its
 * activities, rather than from the registry or the round: another state operating grant, the
 * activities the scheme does not fund, and IMDi's regional-organisation rule. `assessEligibility`
 * (eligibility.ts) runs them in its order of findings.
 */
import { countyOf, type Kommunenummer } from '../kernel/kommunenummer.js';
import type { Add, ApplicationFacts } from './eligibility.js';

/** The applicant's yes/no answers about the activities the scheme does not fund. */
export interface ExcludedActivities {
  /** Norwegian language training (norskopplæring), which other schemes fund. */
  readonly norwegianLanguageTraining?: boolean;
  /** Activities aimed at the public sector (e.g. courses for public employees). */
  readonly aimedAtPublicSector?: boolean;
  /** Activities outside Norway. */
  readonly outsideNorway?: boolean;
}

/**
 * IMDi's operating grant goes to regional organisations: active in at least this many neighbouring
 * municipalities. Without adjacency data, "neighbouring" is approximated as "in the same county"
 * (the first two digits of the kommunenummer valid in the grant year); see docs/decisions.md.
 */
export const REGIONAL_MIN_MUNICIPALITIES = 3;

/**
 * Whether the municipalities make the organisation regional: at least
 * {@link REGIONAL_MIN_MUNICIPALITIES} distinct municipalities in one county (the stand-in for
 * neighbouring municipalities).
 */
export function isRegionalOrganisation(municipalities: readonly Kommunenummer[]): boolean {
  const byCounty = new Map<string, Set<string>>();
  for (const kommunenummer of municipalities) {
    const county = countyOf(kommunenummer);
    byCounty.set(county, (byCounty.get(county) ?? new Set()).add(kommunenummer));
  }
  return [...byCounty.values()].some((set) => set.size >= REGIONAL_MIN_MUNICIPALITIES);
}

/** An operating grant (sub-goal D) is not given to an organisation with one from another state scheme. */
export function checkOtherStateOperatingGrant(facts: ApplicationFacts, add: Add): void {
  if (!facts.isOperatingGrant || facts.hasOtherStateOperatingGrant !== true) return;
  add('blocking', 'organisation.other_state_operating_grant', 'regulation.operatingGrant.otherStateScheme', {
    nb: 'Organisasjonen har driftstilskudd fra en annen statlig ordning og kan ikke få driftstilskudd fra denne ordningen i tillegg.',
    nn: 'Organisasjonen har driftstilskot frå ei anna statleg ordning og kan ikkje få driftstilskot frå denne ordninga i tillegg.',
    en: 'The organisation has an operating grant from another state scheme and cannot also receive an operating grant from this scheme.',
  });
}

/** Activities the scheme does not fund: Norwegian language training, the public sector, abroad. */
export function checkExcludedActivities(facts: ApplicationFacts, add: Add): void {
  const excluded = facts.excludedActivities ?? {};
  if (excluded.norwegianLanguageTraining === true) {
    add('blocking', 'activity.norwegian_language_training', 'regulation.excludedActivities.norwegianLanguageTraining', {
      nb: 'Ordningen gir ikke tilskudd til norskopplæring.',
      nn: 'Ordninga gir ikkje tilskot til norskopplæring.',
      en: 'The scheme does not fund Norwegian language training.',
    });
  }
  if (excluded.aimedAtPublicSector === true) {
    add('blocking', 'activity.aimed_at_public_sector', 'regulation.excludedActivities.publicSector', {
      nb: 'Ordningen gir ikke tilskudd til aktiviteter rettet mot offentlig sektor.',
      nn: 'Ordninga gir ikkje tilskot til aktivitetar retta mot offentleg sektor.',
      en: 'The scheme does not fund activities aimed at the public sector.',
    });
  }
  if (excluded.outsideNorway === true) {
    add('blocking', 'activity.outside_norway', 'regulation.excludedActivities.outsideNorway', {
      nb: 'Ordningen gir ikke tilskudd til aktiviteter utenfor Norge.',
      nn: 'Ordninga gir ikkje tilskot til aktivitetar utanfor Noreg.',
      en: 'The scheme does not fund activities outside Norway.',
    });
  }
}

/** IMDi's operating grant: a regional organisation, active in enough neighbouring municipalities. */
export function checkRegionalOrganisation(facts: ApplicationFacts, add: Add): void {
  const rule = 'regulation.operatingGrant.regionalOrganisation';
  if (facts.activeMunicipalities === undefined || facts.activeMunicipalities.length === 0) {
    add('blocking', 'organisation.active_municipalities_missing', rule, {
      nb: 'Oppgi hvilke kommuner organisasjonen har aktivitet i.',
      nn: 'Oppgi kva kommunar organisasjonen har aktivitet i.',
      en: 'State which municipalities the organisation is active in.',
    });
  } else if (!isRegionalOrganisation(facts.activeMunicipalities)) {
    add('blocking', 'organisation.not_regional', rule, {
      nb: `Driftstilskudd fra IMDi er for regionale organisasjoner med aktivitet i minst ${REGIONAL_MIN_MUNICIPALITIES} nabokommuner (kommuner i samme fylke).`,
      nn: `Driftstilskot frå IMDi er for regionale organisasjonar med aktivitet i minst ${REGIONAL_MIN_MUNICIPALITIES} nabokommunar (kommunar i same fylke).`,
      en: `IMDi's operating grant is for regional organisations active in at least ${REGIONAL_MIN_MUNICIPALITIES} neighbouring municipalities (municipalities in the same county).`,
    });
  }
}
