import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Application, SectionName } from '../../../shared/applications/application';
import {
  attachmentKinds,
  budgetLineSlots,
  MAX_ATTACHMENT_BYTES,
  budgetSectionSchema,
  contactSectionSchema,
  projectFormValues,
  projectSectionSchema,
  questionsSectionSchema,
  submissionProblems,
} from '../../../shared/applications/application';
import { ConcurrentChangeError, NotEligibleError, OrganisationNotFoundError, OrganisationRemovedError } from '../../../shared/applications/errors';
import { orgnrField, emailField } from '../../../shared/applications/form-fields';
import type { ApplicationRepository, LinkEmail, MagicLinkStore } from '../../../shared/applications/ports';
import { applicationFacts, screenApplication } from '../../../shared/applications/screening';
import { validateAttachment } from '../../../shared/applications/attachments';
import type { Call } from '../../../shared/rounds/call';
import { isBeforeDeadline } from '../../../shared/kernel/deadlines';
import { DomainError } from '../../../shared/kernel/errors';
import { issueMessage } from '../../../shared/kernel/i18n';
import { IllegalTransitionError } from '../../../shared/kernel/state-machine';
import type { Orgnr } from '../../../shared/kernel/orgnr';
import type { AttachmentStore, OrganisationRegistry } from '../../../shared/applications/ports';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { Clock, IdGenerator } from '../../../shared/kernel/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import { saveApplicationSection, type SectionChange } from '../../../shared/applications/use-cases/save-application-section';
import { startApplication } from '../../../shared/applications/use-cases/start-application';
import { submitApplication } from '../../../shared/applications/use-cases/submit-application';
import { withdrawApplication } from '../../../shared/applications/use-cases/withdraw-application';
import type { FieldErrors } from '../../../web/components/form-fields';
import { linkEmail, receiptEmail } from '../../../web/emails/application-emails';
import type { PageContext } from '../../../web/layout';
import { applyText, nextStep, stepPath } from '../../../web/pages/apply/application-frame';
import { AccessProblemPage, OpenLinkPage, ReceiptPage, ResumePage, StatusPage } from '../../../web/pages/apply/follow-pages';
import { ReviewPage } from '../../../web/pages/apply/review-page';
import { AttachmentsPage, BudgetPage, ContactPage, ProjectPage, QuestionsPage, type SectionPageProps } from '../../../web/pages/apply/section-pages';
import { StartApplicationPage } from '../../../web/pages/apply/start-application-page';
import type { AppEnv } from '../common/app-env';
import { handleNotFound } from '../common/error-handling';
import {
  LINK_LIFETIME_HOURS,
  SESSION_LIFETIME_HOURS,
  createLinkToken,
  csrfToken,
  isValidCsrfToken,
  randomToken,
  readLinkToken,
  readSession,
  startSession,
  type ApplicantSession,
} from './session';

/** What the application journey needs from the outside world. */
export interface ApplicationJourneyDependencies {
  calls: CallRepository;
  applications: ApplicationRepository;
  magicLinks: MagicLinkStore;
  registry: OrganisationRegistry;
  attachments: AttachmentStore;
  clock: Clock;
  newId: IdGenerator;
  /** Signs links, sessions and CSRF tokens. */
  signingSecret: string;
  baseUrl: string;
}

type FormValues = Record<string, string | string[]>;
type AppContext = Context<AppEnv>;

function pageOf(c: AppContext): PageContext {
  const url = new URL(c.req.url);
  return { lang: c.get('lang'), t: c.get('t'), currentPath: `${url.pathname}${url.search}` };
}

/** The text fields of a posted form (files are read separately). */
async function formValues(c: AppContext): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    const texts = (Array.isArray(value) ? value : [value]).filter((each): each is string => typeof each === 'string');
    if (texts.length === 1 && !Array.isArray(value)) values[name] = texts[0]!;
    else if (texts.length > 0) values[name] = texts;
  }
  return values;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** The first error of each field, in the user's language. */
function fieldErrorsOf(error: z.ZodError, lang: PageContext['lang']): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.');
    errors[field] ??= issueMessage(issue, lang);
  }
  return errors;
}

/** Stored sections as the strings a form shows. */
function valuesOf(application: Application, section: SectionName, call: Call): FormValues {
  switch (section) {
    case 'contact':
      return { ...(application.contact ?? {}), email: application.contact?.email ?? application.email };
    case 'project':
      return application.project ? projectFormValues(application.project) : {};
    case 'budget': {
      const budget = application.budget;
      if (!budget) return {};
      const values: FormValues = { ownContribution: String(budget.ownContribution), amountApplied: String(budget.amountApplied) };
      budget.costs.forEach((line, index) => Object.assign(values, { [`costs.${index}.label`]: line.label, [`costs.${index}.amount`]: String(line.amount) }));
      budget.otherIncome.forEach((line, index) =>
        Object.assign(values, { [`otherIncome.${index}.label`]: line.label, [`otherIncome.${index}.amount`]: String(line.amount) }),
      );
      return values;
    }
    case 'questions':
      return Object.fromEntries(call.extraQuestions.map((question) => [question.id, application.answers?.[question.id] ?? '']));
    default:
      return {};
  }
}

/** Reads one section from a posted form; the result is the section to store, or the field errors. */
function parseSection(section: SectionName, values: FormValues, call: Call, lang: PageContext['lang']): { change: SectionChange } | { errors: FieldErrors } {
  const result = (() => {
    switch (section) {
      case 'contact': {
        const parsed = contactSectionSchema.safeParse({
          contactName: single(values.contactName),
          email: single(values.email),
          phone: single(values.phone),
          accountNumber: single(values.accountNumber),
        });
        return parsed.success ? { change: { contact: parsed.data, email: parsed.data.email } } : parsed.error;
      }
      case 'project': {
        const subGoals = Array.isArray(values.subGoals) ? values.subGoals : values.subGoals ? [values.subGoals] : [];
        const parsed = projectSectionSchema(call).safeParse({ ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, single(v)])), subGoals });
        return parsed.success ? { change: { project: parsed.data } } : parsed.error;
      }
      case 'budget': {
        const lines = (group: string, slots: number) =>
          Array.from({ length: slots }, (_, index) => ({ label: single(values[`${group}.${index}.label`]), amount: single(values[`${group}.${index}.amount`]) }));
        const parsed = budgetSectionSchema(call).safeParse({
          costs: lines('costs', budgetLineSlots.costs),
          otherIncome: lines('otherIncome', budgetLineSlots.income),
          ownContribution: single(values.ownContribution),
          amountApplied: single(values.amountApplied),
        });
        return parsed.success ? { change: { budget: parsed.data } } : parsed.error;
      }
      case 'questions': {
        const parsed = questionsSectionSchema(call).safeParse(Object.fromEntries(call.extraQuestions.map((question) => [question.id, single(values[question.id])])));
        return parsed.success ? { change: { answers: parsed.data } } : parsed.error;
      }
      default:
        return { change: {} };
    }
  })();
  return result instanceof z.ZodError ? { errors: fieldErrorsOf(result, lang) } : result;
}

const sectionPages = { contact: ContactPage, project: ProjectPage, budget: BudgetPage, questions: QuestionsPage } as const;
const formSections = Object.keys(sectionPages) as (keyof typeof sectionPages)[];

/**
 * The applicant's journey: start, the form's steps, review and submit, receipt, status, withdraw,
 * and the emailed links that bring the applicant back. Every page after the start needs the
 * session of that application; anything else answers as if the application did not exist.
 */
export function applicationRoutes(deps: ApplicationJourneyDependencies) {
  const app = new Hono<AppEnv>();
  const secret = deps.signingSecret;
  const journey = { ...deps };

  /** The single-use link email for an application, with its link record. */
  function composeLinkEmail(application: Application, call: Call): LinkEmail {
    const now = deps.clock();
    const tokenId = randomToken();
    const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS * 3_600_000).toISOString();
    const token = createLinkToken(secret, { tenantId: application.tenantId, applicationId: application.applicationId, tokenId, expiresAt });
    const content = linkEmail(application, call, { url: `${deps.baseUrl}/link/${token}`, resumeUrl: `${deps.baseUrl}/resume`, hours: LINK_LIFETIME_HOURS });
    return {
      link: { tenantId: application.tenantId, tokenId, applicationId: application.applicationId, expiresAt },
      message: {
        messageId: deps.newId(),
        tenantId: application.tenantId,
        kind: 'magic-link',
        to: application.email,
        ...content,
        createdAt: now.toISOString(),
        relatedKey: application.applicationId,
      },
    };
  }

  async function openCall(tenantId: string, roundId: string): Promise<Call | undefined> {
    const call = await deps.calls.get(tenantId as TenantId, roundId);
    return call && call.status !== 'draft' ? call : undefined;
  }

  /** The session's application and its call, or a response explaining why not. */
  async function sessionCase(c: AppContext): Promise<{ session: ApplicantSession; application: Application; call: Call } | Response> {
    const session = readSession(c, secret, deps.clock());
    if (!session) return c.html(<AccessProblemPage page={pageOf(c)} kind="session" sessionHours={SESSION_LIFETIME_HOURS} />, 401);
    if (session.applicationId !== c.req.param('applicationId')) return handleNotFound(c);
    const application = await deps.applications.get(session.tenantId, session.applicationId);
    const call = application ? await deps.calls.get(application.tenantId, application.roundId) : undefined;
    if (!application || !call) return handleNotFound(c);
    return { session, application, call };
  }

  /** Refuses a form without this session's CSRF token; the caller re-renders with what was typed. */
  function csrfOk(session: ApplicantSession, values: FormValues): boolean {
    return isValidCsrfToken(secret, session, values.csrf);
  }

  const versionOf = (values: FormValues) => Number(single(values.version)) || 0;

  // ---- Start ---------------------------------------------------------------------------------

  app.get('/calls/:tenantId/:roundId/apply', async (c) => {
    const call = await openCall(c.req.param('tenantId'), c.req.param('roundId'));
    if (!call) return handleNotFound(c);
    return c.html(<StartApplicationPage page={pageOf(c)} call={call} values={{}} errors={{}} />);
  });

  app.post('/calls/:tenantId/:roundId/apply', async (c) => {
    const call = await openCall(c.req.param('tenantId'), c.req.param('roundId'));
    if (!call) return handleNotFound(c);
    const page = pageOf(c);
    const values = await formValues(c);
    const typed = { orgnr: single(values.orgnr), email: single(values.email), prefill: single(values.prefill) === 'yes' };
    const parsed = z.object({ orgnr: orgnrField, email: emailField }).safeParse(typed);
    if (!parsed.success) return c.html(<StartApplicationPage page={page} call={call} values={typed} errors={fieldErrorsOf(parsed.error, page.lang)} />, 422);
    try {
      const application = await startApplication(
        journey,
        { call, orgnr: parsed.data.orgnr as Orgnr, email: parsed.data.email, language: page.lang, prefillFromPrevious: typed.prefill },
        (draft) => composeLinkEmail(draft, call),
      );
      startSession(c, secret, application, deps.clock());
      c.get('logger').log('info', 'application started', { tenantId: call.tenantId, roundId: call.roundId, applicationId: application.applicationId });
      return c.redirect(stepPath(application.applicationId, 'contact'), 303);
    } catch (error) {
      if (error instanceof NotEligibleError) {
        return c.html(<StartApplicationPage page={page} call={call} values={typed} errors={{}} findings={error.findings} />, 422);
      }
      if (error instanceof OrganisationNotFoundError || error instanceof OrganisationRemovedError) {
        return c.html(<StartApplicationPage page={page} call={call} values={typed} errors={{ orgnr: error.messages[page.lang] }} />, 422);
      }
      throw error;
    }
  });

  // ---- The form's sections ---------------------------------------------------------------------

  for (const section of formSections) {
    const Page = sectionPages[section];
    app.get(`/applications/:applicationId/${section}`, async (c) => {
      const found = await sessionCase(c);
      if (found instanceof Response) return found;
      if (found.application.status !== 'draft') return c.redirect(`/applications/${found.application.applicationId}`, 303);
      const props: SectionPageProps = {
        page: pageOf(c),
        call: found.call,
        application: found.application,
        values: valuesOf(found.application, section, found.call),
        errors: {},
        csrf: csrfToken(secret, found.session),
        saved: c.req.query('saved') === '1',
      };
      return c.html(<Page {...props} />);
    });

    app.post(`/applications/:applicationId/${section}`, async (c) => {
      const found = await sessionCase(c);
      if (found instanceof Response) return found;
      const page = pageOf(c);
      const tx = applyText(page);
      const values = await formValues(c);
      const render = (errors: FieldErrors, status: 409 | 422 | 403, formError?: string) =>
        c.html(<Page page={page} call={found.call} application={found.application} values={values} errors={errors} csrf={csrfToken(secret, found.session)} formError={formError} />, status);
      if (!csrfOk(found.session, values)) return render({}, 403, tx('form.csrf'));
      const parsed = parseSection(section, values, found.call, page.lang);
      if ('errors' in parsed) return render(parsed.errors, 422);
      try {
        await saveApplicationSection(journey, { call: found.call, application: found.application, change: parsed.change, expectedVersion: versionOf(values) });
      } catch (error) {
        if (error instanceof DomainError && (error instanceof ConcurrentChangeError || error.code === 'application.not_editable')) {
          return render({}, 409, error.messages[page.lang]);
        }
        throw error;
      }
      const intent = single(values.intent);
      return c.redirect(intent === 'save' ? `${stepPath(found.application.applicationId, section)}?saved=1` : stepPath(found.application.applicationId, nextStep(section)), 303);
    });
  }

  // ---- Attachments -------------------------------------------------------------------------------

  async function renderAttachments(c: AppContext, found: { session: ApplicantSession; application: Application; call: Call }, errors: FieldErrors, status: 200 | 403 | 409 | 422 = 200, formError?: string) {
    const downloadUrls: Record<string, string> = {};
    for (const file of found.application.attachments) downloadUrls[file.key] = await deps.attachments.getDownloadUrl(file.key, file.filename, 300);
    return c.html(
      <AttachmentsPage page={pageOf(c)} call={found.call} application={found.application} values={{}} errors={errors} csrf={csrfToken(secret, found.session)} downloadUrls={downloadUrls} formError={formError} />,
      status,
    );
  }

  app.get('/applications/:applicationId/attachments', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    if (found.application.status !== 'draft') return c.redirect(`/applications/${found.application.applicationId}`, 303);
    return renderAttachments(c, found, {});
  });

  app.post('/applications/:applicationId/attachments', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    const page = pageOf(c);
    const tx = applyText(page);
    const body = await c.req.parseBody();
    const kind = attachmentKinds.find((each) => each === body.kind);
    if (!kind) return renderAttachments(c, found, {}, 422);
    if (!isValidCsrfToken(secret, found.session, body.csrf)) return renderAttachments(c, found, {}, 403, tx('form.csrf'));
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return renderAttachments(c, found, { [`file-${kind}`]: tx('attachments.pickFile') }, 422);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = validateAttachment({ filename: file.name, bytes, declaredType: file.type }, { maxBytes: MAX_ATTACHMENT_BYTES });
    if (!checked.ok) return renderAttachments(c, found, { [`file-${kind}`]: checked.error.messages[page.lang] }, 422);
    const { application } = found;
    const key = `${application.tenantId}/${application.applicationId}/${deps.newId()}-${checked.value.filename}`;
    await deps.attachments.put(key, bytes, checked.value.mediaType, checked.value.filename);
    const attachments = [
      ...application.attachments,
      { kind, key, filename: checked.value.filename, contentType: checked.value.mediaType, size: checked.value.size, uploadedAt: deps.clock().toISOString() },
    ];
    try {
      await saveApplicationSection(journey, { call: found.call, application, change: { attachments }, expectedVersion: Number(body.version) || 0 });
    } catch (error) {
      // The file is not referenced by the application, so it must not stay in the store.
      await deps.attachments.delete(key);
      if (error instanceof ConcurrentChangeError) return renderAttachments(c, found, {}, 409, error.messages[page.lang]);
      throw error;
    }
    return c.redirect(`${stepPath(application.applicationId, 'attachments')}?saved=1`, 303);
  });

  app.post('/applications/:applicationId/attachments/remove', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    const page = pageOf(c);
    const values = await formValues(c);
    if (!csrfOk(found.session, values)) return renderAttachments(c, found, {}, 403, applyText(page)('form.csrf'));
    const key = single(values.key);
    const { application } = found;
    if (!application.attachments.some((file) => file.key === key)) return renderAttachments(c, found, {}, 422);
    try {
      await saveApplicationSection(journey, {
        call: found.call,
        application,
        change: { attachments: application.attachments.filter((file) => file.key !== key) },
        expectedVersion: versionOf(values),
      });
    } catch (error) {
      if (error instanceof ConcurrentChangeError) return renderAttachments(c, found, {}, 409, error.messages[page.lang]);
      throw error;
    }
    await deps.attachments.delete(key);
    return c.redirect(stepPath(application.applicationId, 'attachments'), 303);
  });

  // ---- Review and submit -------------------------------------------------------------------------

  function renderReview(c: AppContext, found: { session: ApplicantSession; application: Application; call: Call }, status: 200 | 403 | 409 | 422 = 200, formError?: string) {
    const { application, call } = found;
    const now = deps.clock();
    const record = application.registryCheck.status === 'verified' ? application.registryCheck.record : null;
    const findings =
      application.budget && application.project
        ? screenApplication(call, record, applicationFacts(application.project, application.budget), now)
        : [];
    return c.html(
      <ReviewPage
        page={pageOf(c)}
        call={call}
        application={application}
        problems={submissionProblems(application, call)}
        findings={findings}
        deadlinePassed={!isBeforeDeadline(now, call.deadline) || call.status !== 'open'}
        csrf={csrfToken(secret, found.session)}
        formError={formError}
      />,
      status,
    );
  }

  app.get('/applications/:applicationId/review', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    if (found.application.status !== 'draft') return c.redirect(`/applications/${found.application.applicationId}`, 303);
    return renderReview(c, found);
  });

  app.post('/applications/:applicationId/submit', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    const page = pageOf(c);
    const values = await formValues(c);
    if (!csrfOk(found.session, values)) return renderReview(c, found, 403, applyText(page)('form.csrf'));
    const receiptPath = `/applications/${found.application.applicationId}/receipt`;
    try {
      await submitApplication(journey, { call: found.call, application: found.application, expectedVersion: versionOf(values) }, (submitted) => ({
        messageId: deps.newId(),
        tenantId: submitted.tenantId,
        kind: 'application-receipt',
        to: submitted.email,
        ...receiptEmail(submitted, found.call, `${deps.baseUrl}/applications/${submitted.applicationId}`),
        createdAt: deps.clock().toISOString(),
        relatedKey: submitted.applicationId,
      }));
      c.get('logger').log('info', 'application submitted', { tenantId: found.call.tenantId, roundId: found.call.roundId, applicationId: found.application.applicationId });
    } catch (error) {
      if (error instanceof ConcurrentChangeError) {
        // A second click or tab raced this one: if the other submitted, show the same receipt.
        const current = await deps.applications.get(found.application.tenantId, found.application.applicationId);
        if (current?.submittedAt) return c.redirect(receiptPath, 303);
        return renderReview(c, { ...found, application: current ?? found.application }, 409, error.messages[page.lang]);
      }
      if (error instanceof IllegalTransitionError || (error instanceof DomainError && error.code === 'application.incomplete')) {
        return renderReview(c, found, 422, error.messages[page.lang]);
      }
      throw error;
    }
    return c.redirect(receiptPath, 303);
  });

  app.get('/applications/:applicationId/receipt', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    if (!found.application.submittedAt) return c.redirect(stepPath(found.application.applicationId, 'review'), 303);
    return c.html(<ReceiptPage page={pageOf(c)} call={found.call} application={found.application} />);
  });

  // ---- Status, withdrawal, links -----------------------------------------------------------------

  app.get('/applications/:applicationId', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    const page = pageOf(c);
    const tx = applyText(page);
    const notice = c.req.query('notice') === 'link' ? tx('status.linkSent', { email: found.application.email }) : c.req.query('notice') === 'withdrawn' ? tx('status.withdrawn.done') : undefined;
    return c.html(<StatusPage page={page} call={found.call} application={found.application} csrf={csrfToken(secret, found.session)} notice={notice} errors={{}} />);
  });

  app.post('/applications/:applicationId/withdraw', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    const page = pageOf(c);
    const tx = applyText(page);
    const values = await formValues(c);
    const render = (errors: FieldErrors, status: 403 | 409 | 422) =>
      c.html(<StatusPage page={page} call={found.call} application={found.application} csrf={csrfToken(secret, found.session)} errors={errors} />, status);
    if (!csrfOk(found.session, values)) return render({ confirm: tx('form.csrf') }, 403);
    if (single(values.confirm) !== 'yes') return render({ confirm: tx('status.withdraw.mustConfirm') }, 422);
    try {
      await withdrawApplication(journey, { application: found.application, expectedVersion: versionOf(values) });
    } catch (error) {
      if (error instanceof ConcurrentChangeError || error instanceof IllegalTransitionError) return render({ confirm: error.messages[page.lang] }, 409);
      throw error;
    }
    return c.redirect(`/applications/${found.application.applicationId}?notice=withdrawn`, 303);
  });

  app.post('/applications/:applicationId/send-link', async (c) => {
    const found = await sessionCase(c);
    if (found instanceof Response) return found;
    const values = await formValues(c);
    if (!csrfOk(found.session, values)) return c.redirect(`/applications/${found.application.applicationId}`, 303);
    await deps.magicLinks.issue(composeLinkEmail(found.application, found.call));
    return c.redirect(`/applications/${found.application.applicationId}?notice=link`, 303);
  });

  app.get('/link/:token', (c) => {
    const link = readLinkToken(secret, c.req.param('token'), deps.clock());
    if (!link) return c.html(<AccessProblemPage page={pageOf(c)} kind="link" sessionHours={SESSION_LIFETIME_HOURS} />, 410);
    return c.html(<OpenLinkPage page={pageOf(c)} token={c.req.param('token')} />);
  });

  app.post('/link/:token', async (c) => {
    const now = deps.clock();
    const link = readLinkToken(secret, c.req.param('token'), now);
    const outcome = link ? await deps.magicLinks.consume(link.tenantId, link.tokenId, now) : 'unknown';
    if (!link || outcome !== 'consumed') return c.html(<AccessProblemPage page={pageOf(c)} kind="link" sessionHours={SESSION_LIFETIME_HOURS} />, 410);
    startSession(c, secret, link, now);
    return c.redirect(`/applications/${link.applicationId}`, 303);
  });

  app.get('/resume', (c) => c.html(<ResumePage page={pageOf(c)} values={{}} errors={{}} sent={false} />));

  app.post('/resume', async (c) => {
    const page = pageOf(c);
    const values = await formValues(c);
    const typed = { orgnr: single(values.orgnr), email: single(values.email) };
    const parsed = z.object({ orgnr: orgnrField, email: emailField }).safeParse(typed);
    if (!parsed.success) return c.html(<ResumePage page={page} values={typed} errors={fieldErrorsOf(parsed.error, page.lang)} sent={false} />, 422);
    const candidates = (await deps.applications.listByOrganisation(parsed.data.orgnr)).filter(
      (application) => application.email === parsed.data.email && application.status !== 'withdrawn',
    );
    for (const application of candidates.slice(0, 3)) {
      const call = await deps.calls.get(application.tenantId, application.roundId);
      if (call) await deps.magicLinks.issue(composeLinkEmail(application, call));
    }
    // The same answer whether or not anything was found, so the form reveals nothing.
    return c.html(<ResumePage page={page} values={{}} errors={{}} sent />);
  });

  return app;
}
