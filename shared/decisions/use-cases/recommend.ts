import { ActorRecusedError, ConcurrentChangeError, NotFoundError } from '../../applications/errors';
import type { Application } from '../../applications/application';
import type { ApplicationRepository } from '../../applications/ports';
import { DomainError, type FieldError } from '../../kernel/errors';
import { formatKroner, type Kroner } from '../../kernel/money';
import type { TenantId } from '../../kernel/tenants';
import type { CallRepository } from '../../rounds/ports';
import type { Call } from '../../rounds/call';
import type { DecisionOutcome, Recommendation } from '../decision';

/** The longest reasons and conditions a recommendation takes. */
export const MAX_REASONS_LENGTH = 10_000;
export const MAX_CONDITIONS_LENGTH = 4_000;

/** What {@link recommend} needs. */
export interface RecommendDeps {
  readonly applications: Pick<ApplicationRepository, 'get' | 'change'>;
  readonly calls: Pick<CallRepository, 'get'>;
}

/** The caseworker's recommendation as entered. */
export interface RecommendInput {
  readonly tenantId: TenantId;
  readonly applicationId: string;
  /** The application's version the caseworker saw; another one means someone changed it since. */
  readonly expectedVersion: number;
  readonly outcome: DecisionOutcome;
  readonly amount: Kroner;
  readonly reasons: string;
  readonly conditions: string;
  /** The token's subject and name. */
  readonly actor: { readonly userId: string; readonly name?: string };
  readonly now: Date;
  readonly eventId: string;
}

/** The application is not being assessed (not yet, returned, or already decided). */
export class RecommendationNotAllowedError extends DomainError {
  constructor(status: Application['status']) {
    super(
      'recommendation.not_under_assessment',
      {
        nb: 'Søknaden kan bare innstilles mens den er til vurdering. Nå har den en annen status.',
        nn: 'Søknaden kan berre innstillast medan han er til vurdering. No har han ein annan status.',
        en: 'An application can be recommended only while it is under assessment. It has another status now.',
      },
      { details: { status } },
    );
  }
}

/** Not all the assessments the round requires are in. */
export class AssessmentsMissingError extends DomainError {
  constructor(readonly required: number, readonly submitted: number) {
    const missing = required - submitted;
    super(
      'recommendation.assessments_missing',
      {
        nb: `Søknaden kan ikke innstilles før alle vurderingene er levert: ${submitted} av ${required} er levert, ${missing} mangler.`,
        nn: `Søknaden kan ikkje innstillast før alle vurderingane er leverte: ${submitted} av ${required} er leverte, ${missing} manglar.`,
        en: `The application cannot be recommended until every assessment is in: ${submitted} of ${required} submitted, ${missing} missing.`,
      },
      { details: { required, submitted, missing } },
    );
  }
}

/** The recommendation breaks a rule of its own (amount, reasons); the fields say which. */
export class InvalidRecommendationError extends DomainError {
  constructor(fields: FieldError[]) {
    super(
      'recommendation.invalid',
      { nb: 'Innstillingen er ikke fullstendig.', nn: 'Innstillinga er ikkje fullstendig.', en: 'The recommendation is not complete.' },
      { fields },
    );
  }
}

/** How many assessments the case still lacks: the summary's requirement, or the round's. */
export function assessmentsOutstanding(application: Application, round: Pick<Call, 'assessment'>): { required: number; submitted: number } {
  const required = application.assessmentSummary?.required ?? round.assessment?.assessorsPerApplication ?? 0;
  const submitted = application.assessmentSummary?.submitted ?? 0;
  return { required, submitted };
}

/** The amount an outcome allows, or the field error that says what it must be. */
export function amountProblem(outcome: DecisionOutcome, amount: number, applied: Kroner, round: Pick<Call, 'minAmount' | 'maxAmount'>): FieldError | undefined {
  const kr = (value: number, lang: 'nb' | 'nn' | 'en') => formatKroner(value as Kroner, lang);
  const error = (messages: FieldError['messages']): FieldError => ({ field: 'amount', code: 'recommendation.amount_invalid', messages });
  if (!Number.isSafeInteger(amount) || amount < 0) {
    return error({ nb: 'Beløpet må være hele kroner.', nn: 'Beløpet må vere heile kroner.', en: 'The amount must be whole kroner.' });
  }
  if (outcome === 'grant' && amount !== applied) {
    return error({
      nb: `Full innvilgelse er beløpet det er søkt om: ${kr(applied, 'nb')}.`,
      nn: `Full innvilging er beløpet det er søkt om: ${kr(applied, 'nn')}.`,
      en: `A full grant is the amount applied for: ${kr(applied, 'en')}.`,
    });
  }
  if (outcome === 'reject' && amount !== 0) {
    return error({ nb: 'Et avslag har beløpet 0 kr.', nn: 'Eit avslag har beløpet 0 kr.', en: 'A rejection has the amount NOK 0.' });
  }
  if (outcome === 'grant_partly') {
    const low = Math.max(1, round.minAmount);
    const high = Math.min(applied - 1, round.maxAmount);
    if (amount < low || amount > high) {
      return high < low
        ? error({
            nb: `Et lavere beløp er ikke mulig her: det må være under ${kr(applied, 'nb')} og minst ${kr(round.minAmount, 'nb')}.`,
            nn: `Eit lågare beløp er ikkje mogleg her: det må vere under ${kr(applied, 'nn')} og minst ${kr(round.minAmount, 'nn')}.`,
            en: `A lower amount is not possible here: it must be below ${kr(applied, 'en')} and at least ${kr(round.minAmount, 'en')}.`,
          })
        : error({
            nb: `Et lavere beløp må være mellom ${kr(low, 'nb')} og ${kr(high, 'nb')}.`,
            nn: `Eit lågare beløp må vere mellom ${kr(low, 'nn')} og ${kr(high, 'nn')}.`,
            en: `A lower amount must be between ${kr(low, 'en')} and ${kr(high, 'en')}.`,
          });
    }
  }
  return undefined;
}

/**
 * The caseworker recommends an outcome (innstilling) with reasons and, where needed, conditions.
 *
 * Primary course: the application is under assessment and every assessment the round requires is
 * in; the amount fits the outcome (a grant is the amount applied for; a lower grant is above 0,
 * below what was applied for and within the round's limits; a rejection is 0); the reasons are
 * written. The recommendation replaces any earlier one, with an audit event `recommend` (machine
 * `decision`; from the earlier outcome to the new one, with the amount) in the same write.
 *
 * Alternatives:
 * - No such application in the municipality: `NotFoundError` (404).
 * - The acting user is recused in the case: `ActorRecusedError` (403).
 * - Not under assessment (returned, decided, withdrawn…): `RecommendationNotAllowedError` (409).
 * - Assessments missing: `AssessmentsMissingError` (409), saying how many.
 * - Amount or reasons wrong: `InvalidRecommendationError` with the field errors (422).
 * - Someone changed the application since it was read (`expectedVersion`), or at the same moment:
 *   `ConcurrentChangeError` (409) and nothing is written.
 */
export async function recommend(deps: RecommendDeps, input: RecommendInput): Promise<Application> {
  const application = await deps.applications.get(input.tenantId, input.applicationId);
  if (!application) throw new NotFoundError();
  if (application.recusedUserIds?.includes(input.actor.userId)) throw new ActorRecusedError('recommend');
  if (application.version !== input.expectedVersion) throw new ConcurrentChangeError();
  if (application.status !== 'under_assessment' || application.decision) throw new RecommendationNotAllowedError(application.status);
  const round = await deps.calls.get(input.tenantId, application.roundId);
  if (!round) throw new NotFoundError();
  const { required, submitted } = assessmentsOutstanding(application, round);
  if (submitted < required) throw new AssessmentsMissingError(required, submitted);

  const reasons = input.reasons.trim();
  const conditions = input.conditions.trim();
  const applied = application.budget?.amountApplied ?? (0 as Kroner);
  const problems: FieldError[] = [];
  const amount = amountProblem(input.outcome, input.amount, applied, round);
  if (amount) problems.push(amount);
  if (reasons === '') {
    problems.push({
      field: 'reasons',
      code: 'recommendation.reasons_required',
      messages: { nb: 'Skriv begrunnelsen.', nn: 'Skriv grunngivinga.', en: 'Write the reasons.' },
    });
  } else if (reasons.length > MAX_REASONS_LENGTH) {
    problems.push({
      field: 'reasons',
      code: 'recommendation.reasons_too_long',
      messages: { nb: `Begrunnelsen kan ha høyst ${MAX_REASONS_LENGTH} tegn.`, nn: `Grunngivinga kan ha høgst ${MAX_REASONS_LENGTH} teikn.`, en: `The reasons can have at most ${MAX_REASONS_LENGTH} characters.` },
    });
  }
  if (conditions.length > MAX_CONDITIONS_LENGTH) {
    problems.push({
      field: 'conditions',
      code: 'recommendation.conditions_too_long',
      messages: { nb: `Vilkårene kan ha høyst ${MAX_CONDITIONS_LENGTH} tegn.`, nn: `Vilkåra kan ha høgst ${MAX_CONDITIONS_LENGTH} teikn.`, en: `The conditions can have at most ${MAX_CONDITIONS_LENGTH} characters.` },
    });
  }
  if (problems.length > 0) throw new InvalidRecommendationError(problems);

  const at = input.now.toISOString();
  const recommendation: Recommendation = {
    outcome: input.outcome,
    amount: input.amount,
    reasons,
    conditions,
    recommendedBy: input.actor.userId,
    ...(input.actor.name ? { recommendedByName: input.actor.name } : {}),
    recommendedAt: at,
  };
  const next: Application = { ...application, recommendation, version: application.version + 1, updatedAt: at };
  await deps.applications.change({
    next,
    expectedStatus: 'under_assessment',
    audit: {
      eventId: input.eventId,
      at,
      actor: `officer:${input.actor.userId}`,
      action: 'recommend',
      machine: 'decision',
      ...(application.recommendation ? { from: application.recommendation.outcome } : {}),
      to: input.outcome,
      amount: input.amount,
    },
  });
  return next;
}
