/**
 * An appeal (klage) against a municipality's decision, as kept on the application it concerns.
 * An application has at most one current appeal: the one against its current decision. When an
 * appeal is reversed and a new decision is signed, a later appeal against that new decision moves
 * the old one to `earlierAppeals`, so the case keeps its history.
 */
import { z } from 'zod';
import { addLocalizedIssue } from '../kernel/i18n';
import type { DecisionOutcome } from '../decisions/decision';
import type { AppealAction, AppealStatus } from './lifecycle';

/** The longest reasons an organisation or an officer may give for an appeal or a step. */
export const MAX_APPEAL_REASONS_LENGTH = 4000;

/** The longest explanation of why an appeal comes after the deadline. */
export const MAX_LATENESS_REASON_LENGTH = 2000;

/** One step the municipality (or, recorded by it, the appeal body) took on an appeal. */
export interface AppealStep {
  readonly action: AppealAction;
  readonly at: string;
  /** `officer:<userId>`. Never a name. */
  readonly by: string;
  readonly reasons: string;
  /** For a forwarded appeal: the Oslo date it was sent to the appeal body (`YYYY-MM-DD`). */
  readonly forwardedOn?: string;
}

/** An appeal as stored on its application. */
export interface Appeal {
  readonly appealId: string;
  /** The decision appealed against (`Decision.decisionId`): one appeal per decision. */
  readonly decisionId: string;
  readonly decisionOutcome: DecisionOutcome;
  readonly status: AppealStatus;
  readonly lodgedAt: string;
  /** The appeal deadline the decision's letter stated (end of an Oslo day, ISO-8601 UTC). */
  readonly deadline: string;
  /** Lodged after {@link deadline} (fvl. § 31): the municipality may still consider it, or dismiss it. */
  readonly late: boolean;
  /** Why the organisation did not appeal in time; required for a late appeal. */
  readonly latenessReason?: string;
  /** The organisation's reasons: what it wants changed and why. */
  readonly reasons: string;
  readonly steps: readonly AppealStep[];
}

/** Appeals that are still being handled by the municipality or the appeal body. */
export function isOpenAppeal(appeal: Pick<Appeal, 'status'>): boolean {
  return appeal.status === 'lodged' || appeal.status === 'upheld_and_forwarded';
}

function reasonsIssue(ctx: z.RefinementCtx, field: string, value: string, max: number, missing: { nb: string; nn: string; en: string }) {
  if (value.length === 0) addLocalizedIssue(ctx, { code: `appeal.${field}_missing`, messages: missing }, [field]);
  if (value.length > max) {
    addLocalizedIssue(ctx, { code: `appeal.${field}_too_long`, messages: {
      nb: `Teksten kan ha høyst ${max} tegn; den har ${value.length}.`,
      nn: `Teksten kan ha høgst ${max} teikn; han har ${value.length}.`,
      en: `The text can have at most ${max} characters; it has ${value.length}.`,
    } }, [field]);
  }
}

/**
 * What the organisation fills in. A late appeal (`late`, known from the deadline before the form is
 * read) must also say why it is late, so the municipality can judge it under fvl. § 31.
 */
export function appealInputSchema(late: boolean) {
  return z
    .object({ reasons: z.string().trim(), latenessReason: z.string().trim().optional() })
    .superRefine(({ reasons, latenessReason }, ctx) => {
      reasonsIssue(ctx, 'reasons', reasons, MAX_APPEAL_REASONS_LENGTH, {
        nb: 'Skriv hva dere klager på, og hvorfor vedtaket bør endres.',
        nn: 'Skriv kva de klagar på, og kvifor vedtaket bør endrast.',
        en: 'Write what you are appealing against and why the decision should be changed.',
      });
      if (late) {
        reasonsIssue(ctx, 'latenessReason', latenessReason ?? '', MAX_LATENESS_REASON_LENGTH, {
          nb: 'Klagefristen er ute. Skriv hvorfor dere ikke klaget innen fristen.',
          nn: 'Klagefristen er ute. Skriv kvifor de ikkje klaga innan fristen.',
          en: 'The appeal deadline has passed. Write why you did not appeal in time.',
        });
      }
    })
    .transform(({ reasons, latenessReason }) => ({ reasons, ...(late && latenessReason ? { latenessReason } : {}) }));
}

/** The organisation's appeal, as parsed. */
export type AppealInput = z.infer<ReturnType<typeof appealInputSchema>>;

/** What an officer fills in for a step; a forwarding also gives the date it was sent. */
export const appealStepInputSchema = z
  .object({ reasons: z.string().trim(), forwardedOn: z.string().trim().optional() })
  .superRefine(({ reasons }, ctx) => {
    reasonsIssue(ctx, 'reasons', reasons, MAX_APPEAL_REASONS_LENGTH, {
      nb: 'Skriv en begrunnelse.', nn: 'Skriv ei grunngiving.', en: 'Write the reasons.',
    });
  });

/** An officer's step, as parsed. */
export type AppealStepInput = z.infer<typeof appealStepInputSchema>;
