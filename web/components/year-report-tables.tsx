import type { Locale } from '../../shared/kernel/i18n';
import { formatKroner, type Kroner } from '../../shared/kernel/money';
import { subGoalNames2024 } from '../../shared/rules/sub-goals';
import type { MeasureLine, YearReportFigures } from '../../shared/year-reports/figures';
import { assessmentTopics, type YearReportAssessments } from '../../shared/year-reports/year-report';
import { textTranslator } from '../i18n';
import { caseText } from '../messages/case';
import { yearReportText, type YearReportTextKey } from '../messages/year-reports';

/** A table of named figures: one row each, the value right-aligned. */
function FigureTable(props: { lang: Locale; caption: string; rows: readonly [YearReportTextKey, string][] }) {
  const tr = textTranslator(yearReportText, props.lang);
  return (
    <table class="ds-table" data-size="sm" data-border>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('col.figure')}</th>
          <th scope="col" class="numeric">{tr('col.value')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(([key, value]) => (
          <tr>
            <th scope="row">{tr(key)}</th>
            <td class="numeric">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A year report's figures and its list of measures, the same for the municipality reviewing its
 * report and for IMDi reading it: three tables of figures, the grants by sub-goal and the measures.
 */
export function YearReportTables(props: { lang: Locale; figures: YearReportFigures; measures: readonly MeasureLine[] }) {
  const { lang, figures, measures } = props;
  const tr = textTranslator(yearReportText, lang);
  const status = textTranslator(caseText, lang);
  const kr = (amount: Kroner) => formatKroner(amount, lang);
  const count = (value: number) => value.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO');
  return (
    <div class="stack">
      <FigureTable
        lang={lang}
        caption={tr('budget.caption')}
        rows={[
          ['figure.frame', kr(figures.frame)],
          ['figure.carriedOver', kr(figures.carriedOver)],
          ['figure.adminCap', kr(figures.adminCap)],
          ['figure.adminCostUsed', kr(figures.adminCostUsed)],
          ['figure.adminWithinCap', figures.adminWithinCap ? tr('yes') : tr('no')],
          ['figure.awarded', kr(figures.awarded)],
          ['figure.paid', kr(figures.paid)],
          ['figure.returned', kr(figures.returned)],
          ['figure.carriedForward', kr(figures.carriedForward)],
          ['figure.returnedToImdi', kr(figures.returnedToImdi)],
        ]}
      />
      <FigureTable
        lang={lang}
        caption={tr('activity.caption')}
        rows={[
          ['figure.applicationsReceived', count(figures.applicationsReceived)],
          ['figure.decisions', count(figures.decisions)],
          ['figure.grants', count(figures.grants)],
          ['figure.organisationsGranted', count(figures.organisationsGranted)],
          ['figure.firstTimeOrganisationsGranted', count(figures.firstTimeOrganisationsGranted)],
          ['figure.plannedParticipants', count(figures.plannedParticipants)],
          ['figure.plannedVolunteerHours', count(figures.plannedVolunteerHours)],
          ['figure.grantsAccepted', count(figures.grantsAccepted)],
          ['figure.grantsDeclined', count(figures.grantsDeclined)],
          ['figure.grantsLapsed', count(figures.grantsLapsed)],
          ['figure.reportsApproved', count(figures.reports.approved)],
          ['figure.reportsOutstanding', count(figures.reports.outstanding)],
          ['figure.participantsReached', count(figures.reports.participantsReached)],
          ['figure.firstTimeParticipants', count(figures.reports.firstTimeParticipants)],
          ['figure.volunteerHours', count(figures.reports.volunteerHours)],
          ['figure.amountSpent', kr(figures.reports.amountSpent)],
          ['figure.amountUnspent', kr(figures.reports.amountUnspent)],
        ]}
      />
      <table class="ds-table" data-size="sm" data-border>
        <caption>{tr('subGoals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('col.subGoal')}</th>
            <th scope="col" class="numeric">{tr('col.grants')}</th>
            <th scope="col" class="numeric">{tr('col.kroner')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.bySubGoal.map((line) => (
            <tr>
              <th scope="row">{`${line.subGoal}: ${subGoalNames2024[line.subGoal][lang]}`}</th>
              <td class="numeric">{count(line.grants)}</td>
              <td class="numeric">{kr(line.awarded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {measures.length === 0 ? (
        <p class="ds-paragraph">{tr('measures.none')}</p>
      ) : (
        <table class="ds-table" data-size="sm" data-border>
          <caption>{tr('measures.caption', { count: measures.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('col.reference')}</th>
              <th scope="col">{tr('col.organisation')}</th>
              <th scope="col">{tr('col.measure')}</th>
              <th scope="col">{tr('col.subGoals')}</th>
              <th scope="col" class="numeric">{tr('col.awarded')}</th>
              <th scope="col">{tr('col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((measure) => (
              <tr>
                <th scope="row">{measure.reference}</th>
                <td>{`${measure.organisationName} (${measure.orgnr})`}</td>
                <td>{measure.title}</td>
                <td>{measure.subGoals.join(', ')}</td>
                <td class="numeric">{kr(measure.awarded)}</td>
                <td>{status(`status.${measure.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The assessments as written, read only (a submitted report, or a reader without the right to write). */
export function YearReportAssessmentsView(props: { lang: Locale; assessments: YearReportAssessments }) {
  const tr = textTranslator(yearReportText, props.lang);
  return (
    <dl class="stack">
      {assessmentTopics.map((topic) => (
        <div>
          <dt class="ds-label">{tr(`assessments.${topic}`)}</dt>
          <dd class="ds-paragraph preserve-lines">{props.assessments[topic] || tr('form.empty')}</dd>
        </div>
      ))}
    </dl>
  );
}
