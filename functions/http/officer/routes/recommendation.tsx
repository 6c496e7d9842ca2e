import { Hono, type Context } from 'hono';
import { applicationIdSchema } from './case-data';
import { ulid } from 'ulid';
import { z } from 'zod';
import type { Application } from '../../../../shared/applications/application';
import { decisionOutcomes, type DecisionOutcome } from '../../../../shared/decisions/decision';
import { prefillReasons, standardTextsOrDefaults } from '../../../../shared/decisions/standard-texts';
import { AssessmentsMissingError, assessmentsOutstanding, recommend, RecommendationNotAllowedError } from '../../../../shared/decisions/use-cases/recommend';
import { parseKroner } from '../../../../shared/kernel/money';
import type { Clock } from '../../../../shared/kernel/ports';
import type { Call } from '../../../../shared/rounds/call';
import { textTranslator } from '../../../../web/i18n';
import { recommendationText } from '../../../../web/messages/recommendation';
import { OfficerRecommendationPage, recommendationPath, type RecommendationFormState } from '../../../../web/pages/officer-recommendation-page';
import { principalOf } from '../../common/authentication';
import { notFound, refusal } from '../../common/error-handling';
import { FormRejection, formRoute, many, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { sharedContext } from '../../common/app-env';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';

/** An application id as the URL carries it. */

const fields = z.object({
  version: z.coerce.number().int().min(0),
  outcome: z.string().max(40),
  amount: z.string().max(100),
  reasons: z.string().max(20_000),
  conditions: z.string().max(10_000),
});

/** The case and its round, or nothing when either is not the tenant's. */
async function caseOf(c: Context<OfficerEnv>): Promise<{ application: Application; round: Call } | undefined> {
  const { tenantId } = principalOf(c);
  const id = applicationIdSchema.safeParse(c.req.param('applicationId'));
  const application = id.success ? await c.var.data.applications.get(tenantId, id.data) : undefined;
  if (!application || application.status === 'draft') return undefined;
  const round = await c.var.data.calls.get(tenantId, application.roundId);
  return round ? { application, round } : undefined;
}

/** Why the form cannot be used now, in the user's language; nothing when it can. */
function blockedReason(c: Context<OfficerEnv>, application: Application, round: Call): string | undefined {
  const lang = c.var.lang;
  if (application.status !== 'under_assessment' || application.decision) return new RecommendationNotAllowedError(application.status).messages[lang];
  const { required, submitted } = assessmentsOutstanding(application, round);
  if (submitted < required) return new AssessmentsMissingError(required, submitted).messages[lang];
  return undefined;
}

async function render(c: Context<OfficerEnv>, found: { application: Application; round: Call }, state: RecommendationFormState, status: 200 | FormStatus, saved = false) {
  const { application, round } = found;
  const { tenantId } = principalOf(c);
  const [page, stored] = await Promise.all([
    signedInPage(c, 'officer', async (id) => (await c.var.data.tenants.getProfile(id))?.name),
    c.var.data.standardTexts.get(tenantId),
  ]);
  const texts = standardTextsOrDefaults(tenantId, stored).texts;
  return c.html(
    <OfficerRecommendationPage page={page} application={application} round={round} texts={texts} blocked={blockedReason(c, application, round)} state={state} saved={saved} />,
    status,
  );
}

/**
 * The recommendation of one case (innstilling): the page, the form post and the standard texts
 * that begin its reasons. Only a user with `cases.recommend` sees or posts it, and a user recused
 * in the case is refused (403) on both.
 */
export function recommendationRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();
  const path = '/officer/applications/:applicationId/recommendation';

  app.get(path, requirePermission('cases.recommend'), async (c) => {
    const found = await caseOf(c);
    if (!found) return notFound(c);
    const { application } = found;
    if (application.recusedUserIds?.includes(principalOf(c).userId)) return refusal(sharedContext(c), 403);
    const query = c.req.queries();
    const one = (name: string) => query[name]?.[0];
    if (one('prefill')) {
      const { tenantId } = principalOf(c);
      const texts = standardTextsOrDefaults(tenantId, await c.var.data.standardTexts.get(tenantId)).texts;
      const chosen = query.text ?? [];
      const version = z.coerce.number().int().min(0).safeParse(one('version'));
      return render(c, found, {
        values: {
          outcome: one('outcome') ?? '',
          amount: one('amount') ?? '',
          reasons: prefillReasons(texts, chosen, application.language, one('reasons') ?? ''),
          conditions: one('conditions') ?? '',
          texts: chosen,
        },
        version: version.success ? version.data : application.version,
      }, 200);
    }
    const current = application.recommendation;
    return render(
      c,
      found,
      {
        values: current ? { outcome: current.outcome, amount: String(current.amount), reasons: current.reasons, conditions: current.conditions } : {},
        version: application.version,
      },
      200,
      one('saved') === '1',
    );
  });

  app.post(
    path,
    requirePermission('cases.recommend'),
    ...formRoute<OfficerEnv, z.infer<typeof fields>>({
      schema: () => fields,
      read: (form) => ({
        version: single(form.values.version),
        outcome: single(form.values.outcome),
        amount: single(form.values.amount),
        reasons: single(form.values.reasons),
        conditions: single(form.values.conditions),
      }),
      render: async (c, state: FormState, status) => {
        const found = await caseOf(c);
        if (!found) return notFound(c);
        const tr = textTranslator(recommendationText, c.var.lang);
        const changed = state.error?.code === 'application.concurrent_change';
        const posted = z.coerce.number().int().min(0).safeParse(single(state.values.version));
        return render(
          c,
          found,
          {
            values: {
              outcome: single(state.values.outcome),
              amount: single(state.values.amount),
              reasons: single(state.values.reasons),
              conditions: single(state.values.conditions),
              texts: many(state.values.text),
            },
            // After someone else's change the form carries the version now stored, so saving again is a deliberate choice.
            version: changed || !posted.success ? found.application.version : posted.data,
            errors: state.errors,
            ...(changed ? { formError: tr('recommend.changedMeanwhile') } : state.formError ? { formError: state.formError } : {}),
          },
          status,
        );
      },
      act: async (c, input) => {
        const tr = textTranslator(recommendationText, c.var.lang);
        const errors: Record<string, string> = {};
        const outcome = decisionOutcomes.find((each) => each === input.outcome);
        if (!outcome) errors.outcome = tr('recommend.outcome.required');
        const amount = parseKroner(input.amount);
        if (!amount.ok) errors.amount = amount.error.messages[c.var.lang];
        if (!outcome || !amount.ok) throw new FormRejection(errors);
        const principal = principalOf(c);
        const applicationId = c.req.param('applicationId') ?? '';
        await recommend(
          { applications: c.var.data.applications, calls: c.var.data.calls },
          {
            tenantId: principal.tenantId,
            applicationId,
            expectedVersion: input.version,
            outcome: outcome as DecisionOutcome,
            amount: amount.value,
            reasons: input.reasons,
            conditions: input.conditions,
            actor: { userId: principal.userId, ...(principal.name ? { name: principal.name } : {}) },
            now: clock(),
            eventId: ulid(),
          },
        );
        return `${recommendationPath(applicationId)}?saved=1`;
      },
    }),
  );

  return app;
}

