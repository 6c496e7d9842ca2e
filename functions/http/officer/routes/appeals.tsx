import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { appealStepInputSchema } from '../../../../shared/appeals/appeal';
import { addLocalizedIssue } from '../../../../shared/kernel/i18n';
import type { Clock } from '../../../../shared/kernel/ports';
import { can } from '../../../../shared/officers/permissions';
import { textTranslator } from '../../../../web/i18n';
import { appealText } from '../../../../web/messages/appeal';
import { OfficerAppealPage, OfficerAppealRegisterPage, appealRegisterPath, officerAppealPath, type AppealStepFormState } from '../../../../web/pages/officer-appeal-pages';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { formRoute, single, versionField, type FormState, type FormStatus } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { appealActionOf, appealedApplicationOf, takeStep } from './appeal-step';

/** The step form: which step (one the appeal's state allows, checked by the machine), its reasons, a forwarding's date. */
const stepFormSchema = z
  .object({ action: z.string(), reasons: z.string(), forwardedOn: z.string() })
  .superRefine(({ action, reasons, forwardedOn }, ctx) => {
    if (!appealActionOf(action)) addLocalizedIssue(ctx, { code: 'appeal.action_missing', messages: {
      nb: 'Velg hva som skal skje med klagen.', nn: 'Vel kva som skal skje med klaga.', en: 'Choose what is to happen with the appeal.',
    } }, ['action']);
    const checked = appealStepInputSchema.safeParse({ reasons, forwardedOn });
    for (const issue of checked.error?.issues ?? []) ctx.addIssue({ ...issue, code: 'custom' } as never);
  });

/** Whether the signed-in officer declared a conflict of interest in the case. */
const isRecused = (c: Context<OfficerEnv>, recusedUserIds: readonly string[] | undefined) => recusedUserIds?.includes(principalOf(c).userId) ?? false;

/**
 * The appeal register (`cases.read`) and one appeal's page with the form for its next step
 * (`appeals.handle`; a recused officer is refused 403 by the app's recusal guard before the form is
 * read). The JSON API is `appeals-api.ts`.
 */
export function appealPageRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new OpenAPIHono<OfficerEnv>({ defaultHook: validationProblem() });
  const read = requirePermission('cases.read');
  const path = '/officer/applications/:applicationId/appeal';

  app.get(appealRegisterPath, read, async (c) => {
    const appeals = await c.var.data.appeals.listByTenant(principalOf(c).tenantId);
    const page = await signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);
    return c.html(<OfficerAppealRegisterPage page={page} appeals={appeals} />);
  });

  async function render(c: Context<OfficerEnv>, form: AppealStepFormState, status: 200 | FormStatus = 200) {
    const application = await appealedApplicationOf(c);
    if (!application) return notFound(c);
    const page = await signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);
    const mayHandle = can(principalOf(c).roles, 'appeals.handle');
    return c.html(
      <OfficerAppealPage page={page} application={application} appeal={application.appeal!} form={form} recused={isRecused(c, application.recusedUserIds)} mayHandle={mayHandle} />,
      status,
    );
  }

  app.get(path, read, (c) => {
    const notice = c.req.query('done') === '1' ? textTranslator(appealText, c.var.lang)('officer.done') : undefined;
    return render(c, { action: '', reasons: '', forwardedOn: '', errors: {}, ...(notice ? { notice } : {}) });
  });

  app.post(
    path,
    requirePermission('appeals.handle'),
    async (c, next) => ((await appealedApplicationOf(c)) ? next() : notFound(c)),
    ...formRoute<OfficerEnv, z.infer<typeof stepFormSchema>>({
      schema: () => stepFormSchema,
      read: ({ values }) => ({ action: single(values.action), reasons: single(values.reasons), forwardedOn: single(values.forwardedOn) }),
      render: (c, state: FormState, status) =>
        render(c, {
          action: single(state.values.action), reasons: single(state.values.reasons), forwardedOn: single(state.values.forwardedOn),
          errors: state.errors, ...(state.formError ? { formError: state.formError } : {}),
        }, status),
      act: async (c, input, { values }) => {
        const application = (await appealedApplicationOf(c))!;
        const expectedVersion = versionField(values.version) ?? application.version;
        await takeStep(c, clock, application, { action: appealActionOf(input.action)!, reasons: input.reasons, forwardedOn: input.forwardedOn, expectedVersion });
        c.var.logger.log('info', 'appeal step', { tenantId: application.tenantId, applicationId: application.applicationId, action: input.action });
        return `${officerAppealPath(application.applicationId)}?done=1`;
      },
    }),
  );

  return app;
}
