import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { NotFoundError } from '../../../../shared/applications/errors';
import { recheckRegistry } from '../../../../shared/applications/use-cases/recheck-registry';
import type { Clock, IdGenerator } from '../../../../shared/kernel/ports';
import { isAssignable } from '../../../../shared/officers/case-assignment';
import { assignAssessors } from '../../../../shared/officers/use-cases/assign-assessors';
import { assignCaseworker } from '../../../../shared/officers/use-cases/assign-caseworker';
import { rulesOfRound } from '../../../../shared/rounds/round-rules';
import type { AssignmentFormState } from '../../../../web/components/case-assignment';
import { OfficerCasePage } from '../../../../web/pages/officer-case-page';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { formRoute, many, single, type FormStatus } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { caseView, casePath, findCase, osloTime, caseEventIds } from './case-data';


/** How long an attachment's download link on the case page works. */
const DOWNLOAD_SECONDS = 300;

const versionField = z.coerce.number().int().min(1);
const caseworkerForm = z.object({ version: versionField, caseworkerId: z.string().min(1).max(128) });
const assessorsForm = z.object({ version: versionField, assessorIds: z.array(z.string().min(1).max(128)).max(20) });

/** The case page, its assignment forms and the registry re-run (pages; the API mirrors them in `case-api.ts`). */
export function casePageRoutes(options: { clock?: Clock; newId?: IdGenerator } = {}) {
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? caseEventIds;
  const app = new Hono<OfficerEnv>();
  const read = requirePermission('cases.read');

  async function render(c: Context<OfficerEnv>, extra: { assignment?: AssignmentFormState; notice?: 'caseworker' | 'assessors' | 'registry' } = {}, status: 200 | FormStatus = 200) {
    const found = await findCase(c);
    if (!found) return notFound(c);
    const view = await caseView(c, found, clock());
    const { application } = view;
    const page = await signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name);
    const attachments = await Promise.all(
      application.attachments.map(async (attachment) => ({
        filename: attachment.filename,
        kind: attachment.kind,
        href: await c.var.data.attachments.getDownloadUrl(attachment.key, attachment.filename, DOWNLOAD_SECONDS),
      })),
    );
    const id = application.applicationId;
    return c.html(
      <OfficerCasePage
        page={page}
        application={application}
        round={view.round}
        findings={view.findings}
        staff={view.staff}
        assessors={view.assessors}
        earlier={view.earlier}
        overdue={view.overdue}
        doubleFunding={view.doubleFunding}
        timeline={view.timeline}
        links={view.links}
        attachments={attachments}
        oslo={osloTime}
        now={clock()}
        caseHref={(applicationId) => casePath(applicationId)}
        actions={{
          ...(view.may.assign && isAssignable(application) ? { assign: { caseworker: casePath(id, 'caseworker'), assessors: casePath(id, 'assessors') } } : {}),
          ...(view.may.screen ? { recheck: casePath(id, 'registry-check') } : {}),
        }}
        {...(extra.assignment ? { assignment: extra.assignment } : {})}
        {...(extra.notice ? { notice: extra.notice } : {})}
      />,
      status,
    );
  }

  const notices = ['caseworker', 'assessors', 'registry'] as const;
  app.get('/officer/applications/:applicationId', read, (c) => {
    const notice = notices.find((each) => each === c.req.query('saved'));
    return render(c, notice ? { notice } : {});
  });

  const assignForm = <T extends { version: number }>(form: 'caseworker' | 'assessors', schema: z.ZodType<T>, readValues: (values: Record<string, string | string[]>) => unknown, act: (c: Context<OfficerEnv>, input: T) => Promise<void>) =>
    formRoute<OfficerEnv, T>({
      schema: () => schema,
      read: (posted) => readValues(posted.values),
      render: (c, state, status) => render(c, { assignment: { form, values: state.values, errors: state.errors, ...(state.formError ? { formError: state.formError } : {}) } }, status),
      act: async (c, input) => {
        await act(c, input);
        return `${casePath(c.req.param('applicationId')!)}?saved=${form}#case-people-heading`;
      },
    });

  app.post(
    '/officer/applications/:applicationId/caseworker',
    requirePermission('cases.assign'),
    ...assignForm('caseworker', caseworkerForm, (values) => ({ version: single(values.version), caseworkerId: single(values.caseworkerId) }), async (c, input) => {
      const found = await findCase(c);
      if (!found) throw new NotFoundError();
      const { tenantId, userId } = principalOf(c);
      await assignCaseworker(
        { applications: c.var.data.applications, clock, newId },
        { application: found.application, expectedVersion: input.version, caseworkerId: input.caseworkerId, staff: await c.var.data.staff.list(tenantId), actor: userId },
      );
    }),
  );

  app.post(
    '/officer/applications/:applicationId/assessors',
    requirePermission('cases.assign'),
    ...assignForm('assessors', assessorsForm, (values) => ({ version: single(values.version), assessorIds: many(values.assessorIds) }), async (c, input) => {
      const found = await findCase(c);
      if (!found) throw new NotFoundError();
      const { tenantId, userId } = principalOf(c);
      await assignAssessors(
        { applications: c.var.data.applications, clock, newId },
        { application: found.application, expectedVersion: input.version, assessorIds: input.assessorIds, staff: await c.var.data.staff.list(tenantId), actor: userId },
      );
    }),
  );

  app.post('/officer/applications/:applicationId/registry-check', requirePermission('cases.screen'), async (c) => {
    const found = await findCase(c);
    if (!found) return notFound(c);
    const rules = await rulesOfRound(c.var.data.roundRules, found.round);
    await recheckRegistry(
      { applications: c.var.data.applications, registry: c.var.data.registry, clock, newId },
      { application: found.application, call: found.round, rules: rules.ruleSet, actor: principalOf(c).userId },
    );
    return c.redirect(`${casePath(found.application.applicationId)}?saved=registry#case-screening-heading`, 303);
  });

  return app;
}
