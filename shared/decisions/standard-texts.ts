/**
 * The municipality's standard reason texts (standardtekster for begrunnelse): for each outcome a
 * few paragraphs in bokmål, nynorsk and English that the caseworker picks from to begin the
 * reasons of a recommendation, then adapts to the case (fvl. §§ 24–25 require reasons that speak
 * of the case itself, so a text only starts them). Every municipality starts from the product's
 * defaults below and keeps its own list, stored in its own partition and changed only with the
 * version it was read at.
 */
import { z } from 'zod';
import { DomainError } from '../kernel/errors';
import type { LocalizedText } from '../kernel/i18n';
import type { TenantId } from '../kernel/tenants';
import { decisionOutcomes, type DecisionOutcome } from './decision';

/** The most texts one outcome may have, and the longest text. */
export const MAX_TEXTS_PER_OUTCOME = 20;
export const MAX_TEXT_LENGTH = 2000;

const textField = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

/** One standard text. */
export const standardTextSchema = z.object({
  /** Stable within the municipality's list: lower-case letters, digits and dashes. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  outcome: z.enum(decisionOutcomes),
  text: z.object({ nb: textField, nn: textField, en: textField }),
});

/** One of the municipality's reason texts. */
export type StandardText = z.infer<typeof standardTextSchema>;

/** A whole list as saved: ids unique, at least one text per outcome, at most {@link MAX_TEXTS_PER_OUTCOME}. */
export const standardTextListSchema = z.array(standardTextSchema).superRefine((texts, ctx) => {
  const seen = new Set<string>();
  texts.forEach((text, index) => {
    if (seen.has(text.id)) ctx.addIssue({ code: 'custom', message: `Duplicate id ${text.id}`, path: [index, 'id'] });
    seen.add(text.id);
  });
  for (const outcome of decisionOutcomes) {
    const count = texts.filter((text) => text.outcome === outcome).length;
    if (count === 0) ctx.addIssue({ code: 'custom', message: `No text for ${outcome}`, path: ['outcome', outcome], params: { code: 'standard_texts.outcome_empty', outcome } });
    if (count > MAX_TEXTS_PER_OUTCOME) ctx.addIssue({ code: 'custom', message: `Too many texts for ${outcome}`, path: ['outcome', outcome], params: { code: 'standard_texts.too_many', outcome } });
  }
});

/** The municipality's list as stored; version 0 is the product's defaults, never saved. */
export interface StoredStandardTexts {
  readonly tenantId: TenantId;
  readonly texts: StandardText[];
  readonly version: number;
  readonly updatedAt?: string;
  /** The user id of whoever saved it last. */
  readonly updatedBy?: string;
}

/** What the standard-text use cases need from the store. */
export interface StandardTextRepository {
  /** The list as stored; `undefined` until the municipality first saves it. */
  get(tenantId: TenantId): Promise<StoredStandardTexts | undefined>;
  /**
   * Stores `next` (whose version is the one read + 1) with its audit event in one transaction, if
   * the stored list still has the version before; otherwise throws `ConcurrentChangeError`.
   */
  save(next: StoredStandardTexts, audit: { readonly eventId: string; readonly at: string; readonly actor: string }): Promise<void>;
}

/** The municipality's list, or the product's defaults before it has saved one. */
export function standardTextsOrDefaults(tenantId: TenantId, stored: StoredStandardTexts | undefined): StoredStandardTexts {
  return stored ?? { tenantId, texts: defaultStandardTexts.map((text) => ({ ...text, text: { ...text.text } })), version: 0 };
}

/** The texts of one outcome, in the list's order. */
export function textsFor(texts: readonly StandardText[], outcome: DecisionOutcome): StandardText[] {
  return texts.filter((text) => text.outcome === outcome);
}

/**
 * The reasons the chosen texts begin, in `language`, one paragraph each and in the list's order,
 * after whatever was already written (kept as it is, so choosing texts never loses typing).
 */
export function prefillReasons(texts: readonly StandardText[], chosenIds: readonly string[], language: keyof LocalizedText, written = ''): string {
  const chosen = texts.filter((text) => chosenIds.includes(text.id)).map((text) => text.text[language]);
  const already = written.trim();
  return [already, ...chosen.filter((paragraph) => !already.includes(paragraph))].filter(Boolean).join('\n\n');
}

/** Someone else saved the list first. */
export class StandardTextsChangedError extends DomainError {
  constructor() {
    super('standard_texts.changed_meanwhile', {
      nb: 'Standardtekstene ble endret av noen andre samtidig. Det du skrev, står under; last siden på nytt for å se endringene.',
      nn: 'Standardtekstane vart endra av nokon andre samstundes. Det du skreiv, står under; last sida på nytt for å sjå endringane.',
      en: 'Someone else changed the standard texts at the same time. What you wrote is below; reload the page to see their changes.',
    });
  }
}

/**
 * The product's defaults: plain, lawful reason texts for a grant scheme for voluntary
 * organisations, to be completed with what is particular to the case.
 */
export const defaultStandardTexts: readonly StandardText[] = [
  {
    id: 'grant-purpose',
    outcome: 'grant',
    text: {
      nb: 'Søknaden er innenfor formålet med tilskuddsordningen og oppfyller vilkårene i forskriften og utlysningen. Tiltaket er vurdert som godt egnet til å nå målene for ordningen.',
      nn: 'Søknaden er innanfor føremålet med tilskotsordninga og oppfyller vilkåra i forskrifta og utlysinga. Tiltaket er vurdert som godt eigna til å nå måla for ordninga.',
      en: 'The application is within the purpose of the grant scheme and meets the conditions of the regulation and the call. The project is considered well suited to reach the aims of the scheme.',
    },
  },
  {
    id: 'grant-assessment',
    outcome: 'grant',
    text: {
      nb: 'Søknaden er vurdert etter kriteriene i utlysningen og fikk en samlet vurdering som gjør at den når opp i konkurransen om midlene. Det er rom for å innvilge hele beløpet det er søkt om innenfor årets ramme.',
      nn: 'Søknaden er vurdert etter kriteria i utlysinga og fekk ei samla vurdering som gjer at han når opp i konkurransen om midlane. Det er rom for å løyve heile beløpet det er søkt om innanfor ramma for året.',
      en: 'The application was assessed against the criteria of the call and scored high enough to succeed in the competition for the funds. There is room to grant the full amount applied for within this year’s budget.',
    },
  },
  {
    id: 'partly-budget',
    outcome: 'grant_partly',
    text: {
      nb: 'Søknaden oppfyller vilkårene for tilskudd, men det er søkt om mer enn det er midler til i ordningen. For å kunne gi tilskudd til flere gode tiltak er det innvilget et lavere beløp enn det er søkt om.',
      nn: 'Søknaden oppfyller vilkåra for tilskot, men det er søkt om meir enn det er midlar til i ordninga. For å kunne gi tilskot til fleire gode tiltak er det løyvt eit lågare beløp enn det er søkt om.',
      en: 'The application meets the conditions for a grant, but more has been applied for than the scheme has funds for. To support more good projects, a lower amount than applied for has been granted.',
    },
  },
  {
    id: 'partly-costs',
    outcome: 'grant_partly',
    text: {
      nb: 'Deler av budsjettet gjelder kostnader som ikke kan dekkes av ordningen, eller som er vurdert som høyere enn tiltaket krever. Tilskuddet er satt ned med disse kostnadene.',
      nn: 'Delar av budsjettet gjeld kostnader som ikkje kan dekkjast av ordninga, eller som er vurderte som høgare enn tiltaket krev. Tilskotet er sett ned med desse kostnadene.',
      en: 'Part of the budget covers costs the scheme cannot cover, or costs considered higher than the project requires. The grant has been reduced by these costs.',
    },
  },
  {
    id: 'reject-purpose',
    outcome: 'reject',
    text: {
      nb: 'Søknaden er ikke innenfor formålet med ordningen. Tilskuddet skal gå til tiltak som bidrar til målene i forskriften og utlysningen, og tiltaket det er søkt om, faller utenfor disse.',
      nn: 'Søknaden er ikkje innanfor føremålet med ordninga. Tilskotet skal gå til tiltak som bidreg til måla i forskrifta og utlysinga, og tiltaket det er søkt om, fell utanfor desse.',
      en: 'The application is not within the purpose of the scheme. The grant is for projects that contribute to the aims of the regulation and the call, and the project applied for falls outside them.',
    },
  },
  {
    id: 'reject-competition',
    outcome: 'reject',
    text: {
      nb: 'Søknaden nådde ikke opp i konkurransen om midlene. Det kom inn flere søknader enn det er midler til, og andre søknader ble vurdert høyere etter kriteriene i utlysningen.',
      nn: 'Søknaden nådde ikkje opp i konkurransen om midlane. Det kom inn fleire søknader enn det er midlar til, og andre søknader vart vurderte høgare etter kriteria i utlysinga.',
      en: 'The application did not succeed in the competition for the funds. More applications were received than there are funds for, and other applications were assessed higher against the criteria of the call.',
    },
  },
  {
    id: 'reject-conditions',
    outcome: 'reject',
    text: {
      nb: 'Organisasjonen oppfyller ikke vilkårene for å få tilskudd etter forskriften. Hvilket vilkår som ikke er oppfylt, går fram av vurderingen under.',
      nn: 'Organisasjonen oppfyller ikkje vilkåra for å få tilskot etter forskrifta. Kva vilkår som ikkje er oppfylt, går fram av vurderinga under.',
      en: 'The organisation does not meet the conditions for a grant under the regulation. Which condition is not met is set out in the assessment below.',
    },
  },
  {
    id: 'reject-incomplete',
    outcome: 'reject',
    text: {
      nb: 'Søknaden manglet opplysninger eller vedlegg som er nødvendige for å vurdere den, og dette ble ikke ettersendt innen fristen vi ga.',
      nn: 'Søknaden mangla opplysningar eller vedlegg som er naudsynte for å vurdere han, og dette vart ikkje ettersendt innan fristen vi gav.',
      en: 'The application lacked information or attachments needed to assess it, and these were not sent within the deadline we gave.',
    },
  },
];
