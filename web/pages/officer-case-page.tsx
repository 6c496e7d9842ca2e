import { CaseAppeal } from '../components/case-appeal';
import type { Application } from '../../shared/applications/application';
import type { FundingEntry } from '../../shared/applications/funding-index';
import type { StaffMember } from '../../shared/officers/staff';
import type { Call } from '../../shared/rounds/call';
import type { EligibilityFinding } from '../../shared/rules/eligibility';
import { CaseAssignment, type AssignmentFormState } from '../components/case-assignment';
import { CaseActions, CaseOutcome } from '../components/case-decision';
import { CaseScreening } from '../components/case-findings';
import { CaseDoubleFunding, CaseOrganisationHistory } from '../components/case-history';
import { CaseAnswers, CaseAttachments, CaseProject, CaseSummary } from '../components/case-summary';
import { CaseTimeline, type TimelineRow } from '../components/case-timeline';
import { textTranslator } from '../i18n';
import { caseText } from '../messages/case';
import { Layout, type PageContext } from '../layout';

/** Everything the case page shows, read by the route. */
export interface OfficerCasePageProps {
  page: PageContext;
  application: Application;
  round: Call;
  findings: readonly EligibilityFinding[];
  staff: readonly StaffMember[];
  assessors: readonly { userId: string; name: string }[];
  earlier: readonly Application[];
  overdue: readonly Application[];
  doubleFunding: readonly FundingEntry[];
  timeline: readonly TimelineRow[];
  links: readonly { kind: string; href: string }[];
  attachments: { filename: string; kind: string; href: string }[];
  oslo: (instant: string) => string;
  /** When the page is shown: whether a grant still awaits its answer or is overdue. */
  now: Date;
  caseHref: (applicationId: string) => string;
  /** Where the forms post, for those who may use them now. */
  actions: { assign?: { caseworker: string; assessors: string }; recheck?: string };
  assignment?: AssignmentFormState;
  notice?: 'caseworker' | 'assessors' | 'registry';
}

/**
 * One case of the municipality (saksbehandling): built from one component per panel, so the
 * assessment, return and decision panels can be added beside these.
 */
export function OfficerCasePage(props: OfficerCasePageProps) {
  const { page, application, round, oslo } = props;
  const { lang } = page;
  const tr = textTranslator(caseText, lang);
  return (
    <Layout page={page} title={tr('case.title', { reference: application.reference })}>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/officer/rounds/${round.roundId}`}>
          {tr('case.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {tr('case.title', { reference: application.reference })}
      </h1>
      <p class="ds-paragraph" data-size="lg">
        {application.organisationName}
      </p>
      <CaseActions lang={lang} links={props.links} />
      <CaseSummary lang={lang} application={application} round={round} {...(application.submittedAt ? { submittedAtOslo: oslo(application.submittedAt) } : {})} />
      <CaseAssignment
        lang={lang}
        application={application}
        staff={props.staff}
        assessors={props.assessors}
        {...(application.caseworker ? { caseworkerAtOslo: oslo(application.caseworker.assignedAt) } : {})}
        {...(props.actions.assign ? { actions: props.actions.assign } : {})}
        {...(props.assignment ? { state: props.assignment } : {})}
        {...(props.notice === 'caseworker' || props.notice === 'assessors' ? { saved: props.notice } : {})}
      />
      <CaseScreening
        lang={lang}
        application={application}
        findings={props.findings}
        checkedAtOslo={oslo(application.registryCheck.checkedAt)}
        {...(props.actions.recheck ? { recheckAction: props.actions.recheck } : {})}
        rechecked={props.notice === 'registry'}
      />
      <CaseDoubleFunding lang={lang} grantYear={application.grantYear} entries={props.doubleFunding} />
      <CaseOrganisationHistory lang={lang} earlier={props.earlier} overdue={props.overdue} caseHref={props.caseHref} />
      <CaseProject lang={lang} application={application} />
      <CaseAnswers lang={lang} application={application} round={round} />
      <CaseAttachments lang={lang} attachments={props.attachments} />
      <CaseOutcome lang={lang} application={application} oslo={oslo} now={props.now} />
      <CaseAppeal lang={lang} application={application} />
      <CaseTimeline lang={lang} entries={props.timeline} />
    </Layout>
  );
}
