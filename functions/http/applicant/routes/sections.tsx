import { Hono } from 'hono';
import { ConcurrentChangeError } from '../../../../shared/applications/errors';
import { saveApplicationSection } from '../../../../shared/applications/use-cases/save-application-section';
import { nextStep, stepPath } from '../../../../web/pages/apply/application-frame';
import { BudgetPage, ContactPage, ProjectPage, QuestionsPage, type SectionPageProps } from '../../../../web/pages/apply/section-pages';
import { formRoute, single, type FormState, type FormStatus } from '../../common/form-cycle';
import { pageContextOf } from '../../common/page-context';
import { openSection, sessionCsrf, sessionDeps, sessionTokenCheck, versionOf, type ApplicationJourneyDependencies, type JourneyContext, type JourneyEnv } from '../journey';
import { sectionForms, type FormSection } from '../section-forms';

const sectionPages = { contact: ContactPage, project: ProjectPage, budget: BudgetPage, questions: QuestionsPage } as const;

/** The form's steps with fields: each shown with what is stored, saved by "save" or "continue". */
export function sectionRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<JourneyEnv>();

  for (const section of Object.keys(sectionForms) as FormSection[]) {
    const Page = sectionPages[section];
    const form = sectionForms[section];
    const path = `/applications/:applicationId/${section}`;
    const render = (c: JourneyContext, { values, errors, formError }: FormState, status: 200 | FormStatus = 200, saved = false) => {
      const props: SectionPageProps = { page: pageContextOf(c), call: c.var.call, rules: c.var.rules, application: c.var.application, csrf: sessionCsrf(deps, c), saved, values, errors, formError };
      return c.html(<Page {...props} />, status);
    };

    app.get(path, openSection(section), (c) => render(c, { values: form.values(c.var.application, c.var.call), errors: {} }, 200, c.req.query('saved') === '1'));

    app.post(
      path,
      ...formRoute<JourneyEnv, unknown>({
        ...sessionTokenCheck(deps),
        schema: (c) => form.schema(c.var.call),
        read: ({ values }, c) => form.read(values, c.var.call),
        render,
        // A stale page or a submitted application: shown with what was typed; other rules are faults here.
        // A section the municipality did not return is refused the same way, with the reason in the applicant's language.
        shows: (error) =>
          error instanceof ConcurrentChangeError || error.code === 'application.not_editable' || error.code === 'application.section_not_returned' ? 409 : undefined,
        act: async (c, data, { values }) => {
          const { call, rules, application } = c.var;
          await saveApplicationSection(sessionDeps(deps, c), { call, rules, application, change: form.change(data), expectedVersion: versionOf(values), section });
          const { applicationId } = application;
          return single(values.intent) === 'save' ? `${stepPath(applicationId, section)}?saved=1` : stepPath(applicationId, nextStep(section));
        },
      }),
    );
  }

  return app;
}
