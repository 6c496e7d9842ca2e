import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import { declareImpartiality } from '../../../../shared/assessments/use-cases/declare-impartiality';
import { recuse } from '../../../../shared/assessments/use-cases/recuse';
import { saveScores } from '../../../../shared/assessments/use-cases/save-scores';
import { submitScores } from '../../../../shared/assessments/use-cases/submit-scores';
import { assessmentPath, type AssessmentFormState } from '../../../../web/components/assessment-forms';
import { textTranslator } from '../../../../web/i18n';
import { assessmentText } from '../../../../web/messages/assessment';
import { OfficerAssessmentPage } from '../../../../web/pages/officer-assessment-page';
import { OfficerAssessmentsPage } from '../../../../web/pages/officer-assessments-page';
import { FormRejection, formRoute, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { assessmentDeps, assessmentPorts, assessmentView, assignedAssessments, scoresFromForm, targetOf, type AssessmentRouteOptions } from './assessment-data';

const mayScore = requirePermission('assessment.score');

const declarationFields = z.object({ declaration: z.string().max(20), reason: z.string().max(5000) });
const scoreFields = z.object({ version: z.coerce.number().int().min(1), values: z.record(z.string(), z.string()) });

/** A form's state as the page shows it again: single values, the field errors, one message. */
function formStateOf(state: FormState, formError?: string): AssessmentFormState {
  const values = Object.fromEntries(Object.entries(state.values).map(([name, value]) => [name, single(value)]));
  const message = formError ?? state.formError;
  return { values, errors: state.errors, ...(message ? { formError: message } : {}) };
}

/**
 * The assessment pages: the signed-in user's assigned applications, and one application's
 * assessment (declaration, scores, the submitted view) with its forms. Every route needs
 * `assessment.score`; an external assessor reaches only the applications assigned to them.
 */
export function assessmentPageRoutes(options: AssessmentRouteOptions = {}) {
  const deps = assessmentDeps(options);
  const app = new Hono<OfficerEnv>();
  const pageFor = (c: Context<OfficerEnv>) => signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);

  async function render(c: Context<OfficerEnv>, forms: { declaration?: AssessmentFormState; scores?: AssessmentFormState } = {}, status: 200 | FormStatus = 200) {
    const [view, page] = await Promise.all([assessmentView(c, c.req.param('applicationId') ?? ''), pageFor(c)]);
    return c.html(<OfficerAssessmentPage page={page} {...view} {...forms} saved={c.req.query('saved') === '1'} />, status);
  }

  app.get('/officer/assessments', mayScore, async (c) => {
    const [page, assigned] = await Promise.all([pageFor(c), assignedAssessments(c)]);
    return c.html(<OfficerAssessmentsPage page={page} assigned={assigned} />);
  });

  app.get('/officer/applications/:applicationId/assessment', mayScore, (c) => render(c));

  app.post(
    '/officer/applications/:applicationId/assessment/declaration',
    mayScore,
    ...formRoute<OfficerEnv, z.infer<typeof declarationFields>>({
      schema: () => declarationFields,
      read: (form) => ({ declaration: single(form.values.declaration), reason: single(form.values.reason) }),
      render: (c, state, status) => render(c, { declaration: formStateOf(state) }, status),
      act: async (c, input) => {
        const target = targetOf(c, c.req.param('applicationId') ?? '');
        await assessmentView(c, target.applicationId);
        if (input.declaration === 'impartial') {
          await declareImpartiality(assessmentPorts(c), deps, target);
          return `${assessmentPath(target.applicationId)}#scores-heading`;
        }
        if (input.declaration === 'recused') {
          await recuse(assessmentPorts(c), deps, { ...target, reason: input.reason });
          return `${assessmentPath(target.applicationId)}#declaration-heading`;
        }
        throw new FormRejection({ declaration: textTranslator(assessmentText, c.var.lang)('declaration.choose') });
      },
    }),
  );

  /** Save (draft) and submit share the form; a concurrent save is said in the assessment's own words. */
  const scoreRoute = (step: 'save' | 'submit') =>
    formRoute<OfficerEnv, z.infer<typeof scoreFields>>({
      schema: () => scoreFields,
      read: (form) => ({
        version: single(form.values.version),
        values: Object.fromEntries(Object.entries(form.values).map(([name, value]) => [name, single(value)])),
      }),
      render: (c, state, status) => {
        const changed = state.error instanceof ConcurrentChangeError || state.error?.code === 'application.concurrent_change';
        return render(c, { scores: formStateOf(state, changed ? textTranslator(assessmentText, c.var.lang)('scores.changedMeanwhile') : undefined) }, status);
      },
      act: async (c, input) => {
        const target = { ...targetOf(c, c.req.param('applicationId') ?? ''), scores: scoresFromForm(input.values), expectedVersion: input.version };
        await assessmentView(c, target.applicationId);
        if (step === 'save') {
          await saveScores(assessmentPorts(c), deps, target);
          return `${assessmentPath(target.applicationId)}?saved=1#scores-heading`;
        }
        await submitScores(assessmentPorts(c), deps, target);
        return `${assessmentPath(target.applicationId)}#submitted-heading`;
      },
    });

  app.post('/officer/applications/:applicationId/assessment', mayScore, ...scoreRoute('save'));
  app.post('/officer/applications/:applicationId/assessment/submission', mayScore, ...scoreRoute('submit'));

  return app;
}
