import type { Context, MiddlewareHandler } from 'hono';
import type { Application, SectionName } from '../../../shared/applications/application';
import { isReturnedSection } from '../../../shared/applications/return-request';
import type { LinkRequestQueue } from '../../../shared/applications/link-requests';
import type { ApplicationRepository, AttachmentStore, MagicLinkStore, OrganisationRegistry } from '../../../shared/applications/ports';
import type { GrantAnswerRepository } from '../../../shared/decisions/ports';
import type { Clock, IdGenerator, RateCounter } from '../../../shared/kernel/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import type { Call } from '../../../shared/rounds/call';
import type { CallRepository } from '../../../shared/rounds/ports';
import { rulesOfRound } from '../../../shared/rounds/round-rules';
import type { RuleSet } from '../../../shared/rules/rule-set';
import type { RuleSets } from '../../../shared/rules/ports';
import { applicationText } from '../../../web/messages/application-form';
import { textTranslator } from '../../../web/i18n';
import type { AppVariables } from '../common/app-env';
import { notFound } from '../common/error-handling';
import { versionField, type FormCycle, type FormValues } from '../common/form-cycle';
import { csrfToken, isValidCsrfToken, type ApplicantSession } from './session';
import type { AppealRepository } from '../../../shared/appeals/ports';
import type { SigningKeys } from '../../common/signed-tokens';

/** The repositories of one application, as its signed session may reach them. */
export interface ApplicationData {
  readonly calls: Pick<CallRepository, 'get'>;
  readonly applications: ApplicationRepository;
  readonly magicLinks: Pick<MagicLinkStore, 'issue'>;
  readonly attachments: AttachmentStore;
  /** Answering the grant (accept or decline), for the status page and the API. */
  readonly grants: GrantAnswerRepository;
  /** Lodging an appeal against the decision, for the status page and the API. */
  readonly appeals: Pick<AppealRepository, 'get' | 'record'>;
}

/** The drafts the container has just written or read (`functions/adapters/recent-drafts.ts`). */
export interface RecentDrafts {
  /** The draft as the container last wrote or read it, if that was a moment ago. */
  recall(tenantId: TenantId, applicationId: string): Application | undefined;
}

/**
 * What the application journey needs from the outside world. Before a session names the
 * application, only the public reads and the link records are reached directly; the narrowed
 * types keep the rest of the journey on `forApplication`, whose credentials (in AWS) reach that
 * one application's items and files.
 */
export interface ApplicationJourneyDependencies {
  /** The calls, as the app's own role reads them; the composition root gives one that keeps them briefly. */
  calls: Pick<CallRepository, 'get'>;
  /**
   * The drafts this container has just written or read: a page shown right after a change (or
   * another page of the same draft a moment later) is answered without reading it again.
   */
  recentDrafts?: RecentDrafts;
  /** Finding an organisation's applications, by the index the app's own role may query. */
  applications: Pick<ApplicationRepository, 'listByOrganisation'>;
  /** Consuming a single-use link, whose signed token names the record. */
  magicLinks: Pick<MagicLinkStore, 'consume'>;
  /** Recording a request for new links, which the send-outbox job resolves. */
  linkRequests: Pick<LinkRequestQueue, 'record'>;
  forApplication: (tenantId: TenantId, applicationId: string) => ApplicationData;
  /**
   * The stored rule-set versions, read with the app's own role (national data no session role
   * reaches). The composition root gives one that keeps each version it has read.
   */
  ruleSets: Pick<RuleSets, 'version'>;
  /** Counts starts and link requests against the limits in `common/rate-limits`. */
  rateCounter: RateCounter;
  registry: OrganisationRegistry;
  clock: Clock;
  newId: IdGenerator;
  /** Signs links, sessions and CSRF tokens. */
  signingSecret: SigningKeys;
  baseUrl: string;
}

/** The journey's request context: the call a page is about and, inside a session, its application. */
export interface JourneyEnv {
  Variables: AppVariables & {
    call: Call;
    /** The call's rules: the rule-set version the round was created under, set with the call. */
    rules: RuleSet;
    /** Set by the session middleware on every page of an application. */
    session: ApplicantSession;
    application: Application;
    /** The session's application's repositories; the only ones the pages inside a session use. */
    data: ApplicationData;
  };
}

/** The journey's dependencies with the session's repositories, for the use cases inside a session. */
export function sessionDeps(deps: ApplicationJourneyDependencies, c: JourneyContext) {
  return { ...deps, ...c.var.data };
}

/** A journey request's context. */
export type JourneyContext = Context<JourneyEnv>;

/** The applicant form texts in the request's language. */
export function journeyText(c: JourneyContext) {
  return textTranslator(applicationText, c.var.lang);
}

/** The CSRF token the session's forms carry. */
export function sessionCsrf(deps: ApplicationJourneyDependencies, c: JourneyContext): string {
  return csrfToken(deps.signingSecret, c.var.session);
}

/** The form cycle's token check for forms inside a session. */
export function sessionTokenCheck(deps: ApplicationJourneyDependencies): Pick<FormCycle<JourneyEnv, unknown>, 'tokenIsValid' | 'refusedToken'> {
  return {
    tokenIsValid: (c, values: FormValues) => isValidCsrfToken(deps.signingSecret, c.var.session, values.csrf),
    refusedToken: (c) => journeyText(c)('form.csrf'),
  };
}

/** The version the form was loaded at, for optimistic concurrency. */
export const versionOf = (values: FormValues): number => versionField(values.version) ?? 0;

/** Puts the call of `/calls/:tenantId/:roundId/…` on the request; a draft call does not exist for applicants. */
export function publishedCall(deps: ApplicationJourneyDependencies): MiddlewareHandler<JourneyEnv> {
  return async (c, next) => {
    const call = await deps.calls.get(c.req.param('tenantId') as TenantId, c.req.param('roundId') ?? '');
    if (!call || call.status === 'draft') return notFound(c);
    c.set('call', call);
    c.set('rules', (await rulesOfRound(deps.ruleSets, call)).ruleSet);
    await next();
  };
}

/** Pages that only a draft has; a submitted application goes to its status page instead. */
export const draftsOnly: MiddlewareHandler<JourneyEnv> = async (c, next) => {
  if (c.var.application.status !== 'draft') return c.redirect(`/applications/${c.var.application.applicationId}`, 303);
  await next();
};

/**
 * A step of the form, open to change: any step of a draft, and of an application returned for more
 * information only the sections the request names. The other steps of a returned application are
 * shown read-only on its review page; a submitted one goes to its status page.
 */
export function openSection(section: SectionName): MiddlewareHandler<JourneyEnv> {
  return async (c, next) => {
    const { application } = c.var;
    if (application.status === 'returned' && !isReturnedSection(application, section)) {
      return c.redirect(`/applications/${application.applicationId}/review`, 303);
    }
    if (application.status !== 'draft' && application.status !== 'returned') return c.redirect(`/applications/${application.applicationId}`, 303);
    await next();
  };
}

/** The review page: of a draft before it is submitted, and of a returned application before it is sent back. */
export const reviewable: MiddlewareHandler<JourneyEnv> = async (c, next) => {
  const { status, applicationId } = c.var.application;
  if (status !== 'draft' && status !== 'returned') return c.redirect(`/applications/${applicationId}`, 303);
  await next();
};
