import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '../../../../shared/kernel/ports';
import { can } from '../../../../shared/officers/permissions';
import { assessmentTopics, emptyAssessments, reportYearSchema, type YearReportAssessments } from '../../../../shared/year-reports/year-report';
import { textTranslator } from '../../../../web/i18n';
import { yearReportText } from '../../../../web/messages/year-reports';
import { OfficerYearReportPage, officerYearReportPath, type YearReportFormState } from '../../../../web/pages/officer-year-report-page';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { FormRejection, formRoute, single, versionField, type FormStatus, type FormValues } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { saveDraft, submit, yearReportView } from './year-reports-data';

const path = '/officer/year-reports/:year';

/** The form as posted; the texts' lengths and presence are the domain's to judge (`checkAssessments`). */
const yearReportForm = z.object({
  action: z.enum(['save', 'submit']),
  confirmed: z.boolean(),
  assessments: z.object({ experiences: z.string(), cooperation: z.string(), challenges: z.string() }),
});

/** The texts as posted, each field by its name (`assessments.experiences`). */
function postedAssessments(values: FormValues): YearReportAssessments {
  return Object.fromEntries(assessmentTopics.map((topic) => [topic, single(values[`assessments.${topic}`])])) as unknown as YearReportAssessments;
}

/**
 * The year report to IMDi as a page: everyone who reads cases sees it; the municipality's admin
 * (`year_report.manage`) saves the assessments as a draft and sends the report once, confirmed.
 * What was typed is kept on every refusal (422, 409).
 */
export function yearReportRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();

  async function render(c: Context<OfficerEnv>, form: Omit<YearReportFormState, 'version'> & { version?: number }, status: 200 | FormStatus = 200, notice?: string) {
    const year = reportYearSchema.safeParse(c.req.param('year'));
    if (!year.success) return notFound(c);
    const [view, page] = await Promise.all([
      yearReportView(c, year.data),
      signedInPage(c, 'officer', async (tenantId) => (await c.var.data.tenants.getProfile(tenantId))?.name),
    ]);
    // A refused form keeps the version it was posted with, so a save after reloading is still guarded.
    const version = form.version ?? view.report?.version ?? 0;
    return c.html(
      <OfficerYearReportPage
        page={page}
        grantYear={year.data}
        report={view.report}
        figures={view.figures}
        measures={view.measures}
        mayWrite={can(principalOf(c).roles, 'year_report.manage')}
        form={{ ...form, version }}
        {...(notice ? { notice } : {})}
      />,
      status,
    );
  }

  app.get(path, requirePermission('cases.read'), async (c) => {
    const tr = textTranslator(yearReportText, c.var.lang);
    const year = reportYearSchema.safeParse(c.req.param('year'));
    if (!year.success) return notFound(c);
    const stored = await c.var.data.yearReports.get(principalOf(c).tenantId, year.data);
    const done = c.req.query('done');
    const notice = done === 'saved' ? tr('notice.saved') : done === 'submitted' ? tr('notice.submitted') : undefined;
    return render(c, { assessments: stored?.assessments ?? emptyAssessments }, 200, notice);
  });

  app.post(
    path,
    requirePermission('year_report.manage'),
    ...formRoute<OfficerEnv, z.infer<typeof yearReportForm>>({
      schema: () => yearReportForm,
      read: ({ values }) => ({ action: single(values.action) || 'save', confirmed: single(values.confirm) === 'yes', assessments: postedAssessments(values) }),
      render: (c, state, status) => {
        const version = versionField(state.values.version);
        const withFields = (state.error?.fields.length ?? 0) > 0;
        return render(
          c,
          {
            assessments: postedAssessments(state.values),
            confirmed: single(state.values.confirm) === 'yes',
            errors: state.errors,
            ...(state.formError && !withFields ? { formError: state.formError } : {}),
            ...(version === undefined ? {} : { version }),
          },
          status,
        );
      },
      act: async (c, input, { values }) => {
        const year = reportYearSchema.safeParse(c.req.param('year'));
        if (!year.success) return notFound(c);
        const expectedVersion = versionField(values.version) ?? 0;
        if (input.action === 'save') {
          await saveDraft(c, clock, { grantYear: year.data, expectedVersion, assessments: input.assessments });
          return `${officerYearReportPath(year.data)}?done=saved`;
        }
        if (!input.confirmed) throw new FormRejection({ confirm: textTranslator(yearReportText, c.var.lang)('form.confirmMissing') });
        const sent = await submit(c, clock, { grantYear: year.data, expectedVersion, assessments: input.assessments });
        c.var.logger.log('info', 'year report submitted', { tenantId: sent.tenantId, grantYear: sent.grantYear });
        return `${officerYearReportPath(year.data)}?done=submitted`;
      },
    }),
  );

  return app;
}
