/**
 * The scheme's sub-goals. Codes A, B, C are stable across years although the wording changes; D is
 * the operating grant (driftstilskudd), a different kind of grant that shares the sub-goal slot.
 */
import { z } from 'zod';
import type { LocalizedText } from '../kernel/i18n.js';

/** Stable sub-goal codes. */
export const subGoalCodes = ['A', 'B', 'C', 'D'] as const;

/** One of {@link subGoalCodes}. */
export type SubGoalCode = (typeof subGoalCodes)[number];

/** Schema for a sub-goal code. */
export const subGoalCodeSchema = z.enum(subGoalCodes);

/** The operating-grant sub-goal. */
export const OPERATING_GRANT_SUB_GOAL: SubGoalCode = 'D';

/** Short names in the 2024 wording, used by the default rule sets. */
export const subGoalNames2024: Readonly<Record<SubGoalCode, LocalizedText>> = {
  A: {
    nb: 'Mangfold, deltakelse og fellesskap',
    nn: 'Mangfald, deltaking og fellesskap',
    en: 'Diversity, participation and community',
  },
  B: {
    nb: 'Kunnskap om det norske samfunnet og kvalifisering',
    nn: 'Kunnskap om det norske samfunnet og kvalifisering',
    en: 'Knowledge of Norwegian society and qualification',
  },
  C: {
    nb: 'Forebygge negativ sosial kontroll og æresrelatert vold',
    nn: 'Førebyggje negativ sosial kontroll og æresrelatert vald',
    en: 'Preventing negative social control and honour-related violence',
  },
  D: {
    nb: 'Driftstilskudd til innvandrerorganisasjoner',
    nn: 'Driftstilskot til innvandrarorganisasjonar',
    en: 'Operating grants to immigrant organisations',
  },
};
