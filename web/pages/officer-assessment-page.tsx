import type { Application } from '../../shared/applications/application';
import type { VisibleAssessments } from '../../shared/assessments/access';
import type { AssessmentSummary } from '../../shared/assessments/assessment';
import { formatDateTime } from '../../shared/kernel/deadlines';
import type { Call, RoundAssessment } from '../../shared/rounds/call';
import { AssessmentApplication } from '../components/assessment-application';
import { DeclarationForm, Recusals, ScoreForm, SubmittedAssessments, type AssessmentFormState } from '../components/assessment-forms';
import { Alert } from '../components/form-fields';
import { Section } from '../components/section';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { assessmentText } from '../messages/assessment';

/** What the assessment page shows, already cut to what the viewer may see (blind until submitted). */
export interface OfficerAssessmentPageProps {
  page: PageContext;
  application: Application;
  round: Call & { assessment: RoundAssessment };
  visible: VisibleAssessments;
  /** Only once the viewer has submitted: the figures include the others' scores. */
  summary?: AssessmentSummary;
  declaration?: AssessmentFormState;
  scores?: AssessmentFormState;
  saved?: boolean;
}

/**
 * One application's assessment for the signed-in assessor: the declaration of impartiality first,
 * then the score form, then (once submitted) every submitted assessment and the recusals.
 */
export function OfficerAssessmentPage(props: OfficerAssessmentPageProps) {
  const { page, application, round, visible } = props;
  const { lang } = page;
  const tr = textTranslator(assessmentText, lang);
  const own = visible.own;
  const title = tr('page.title', { reference: application.reference });
  const open = application.status === 'under_assessment';
  const declarable = application.status === 'submitted' || application.status === 'under_assessment';
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/officer/assessments">
          {tr('page.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph">{application.project?.title ?? application.organisationName}</p>
      <Section id="declaration" heading={tr('declaration.heading')}>
        {!own ? (
          <>
            <p class="ds-paragraph" data-variant="long">
              {tr('declaration.lead')}
            </p>
            {declarable ? <DeclarationForm lang={lang} applicationId={application.applicationId} state={props.declaration} /> : <Alert color="info">{tr('scores.notOpen')}</Alert>}
          </>
        ) : own.declaration.kind === 'recused' ? (
          <Alert color="warning">{tr('declaration.done.recused', { at: formatDateTime(own.declaration.declaredAt, lang), reason: own.declaration.reason })}</Alert>
        ) : (
          <p class="ds-paragraph">{tr('declaration.done.impartial', { at: formatDateTime(own.declaration.declaredAt, lang) })}</p>
        )}
      </Section>
      {own?.declaration.kind === 'impartial' && !own.submittedAt ? (
        <Section id="scores" heading={tr('scores.heading')}>
          <p class="ds-paragraph">{tr('scores.blind')}</p>
          {open ? (
            <ScoreForm lang={lang} applicationId={application.applicationId} round={round.assessment} own={own} state={props.scores} saved={props.saved} />
          ) : (
            <Alert color="info">{tr('scores.notOpen')}</Alert>
          )}
        </Section>
      ) : null}
      {visible.othersVisible ? (
        <Section id="submitted" heading={tr('submitted.heading')}>
          <p class="ds-paragraph">{tr('submitted.yours', { at: formatDateTime(own!.submittedAt!, lang) })}</p>
          {props.summary ? (
            <p class="ds-paragraph">
              {tr('summary.counts', { submitted: props.summary.submitted, required: props.summary.required, recused: props.summary.recused })}
              {props.summary.score !== undefined ? ` ${tr('summary.score', { score: props.summary.score.toFixed(2).replace('.', lang === 'en' ? '.' : ',') })}` : ''}
            </p>
          ) : null}
          <SubmittedAssessments lang={lang} round={round.assessment} submitted={visible.submitted} viewerId={own!.userId} />
          <Recusals lang={lang} recusals={visible.recusals} />
        </Section>
      ) : visible.recusals.length ? (
        <Section id="recusals" heading={tr('recusals.heading')}>
          <Recusals lang={lang} recusals={visible.recusals} />
        </Section>
      ) : null}
      <AssessmentApplication lang={lang} application={application} round={round} />
    </Layout>
  );
}
