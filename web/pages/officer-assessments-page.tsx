import type { AssessmentState } from '../../shared/assessments/assessment';
import { assessmentPath } from '../components/assessment-forms';
import { DataTable } from '../components/data-table';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { assessmentText } from '../messages/assessment';

/** One assigned application in the assessor's list. */
export interface AssignedAssessment {
  readonly applicationId: string;
  readonly reference: string;
  readonly projectTitle: string;
  readonly roundId: string;
  readonly roundTitle: string;
  readonly state: AssessmentState;
}

const stateColour: Record<AssessmentState, string> = { to_declare: 'warning', draft: 'info', submitted: 'success', recused: 'neutral' };

/** The signed-in user's assigned applications across the municipality's rounds, with where each stands. */
export function OfficerAssessmentsPage(props: { page: PageContext; assigned: readonly AssignedAssessment[] }) {
  const { page, assigned } = props;
  const tr = textTranslator(assessmentText, page.lang);
  return (
    <Layout page={page} title={tr('list.title')}>
      <h1 class="ds-heading" data-size="xl">
        {tr('list.title')}
      </h1>
      <p class="ds-paragraph">{tr('list.lead')}</p>
      {assigned.length === 0 ? (
        <p class="ds-paragraph">{tr('list.none')}</p>
      ) : (
        <DataTable
          caption={tr('list.caption')}
          rows={assigned}
          columns={[
            {
              header: tr('list.reference'),
              cell: (row) => (
                <a class="ds-link" href={assessmentPath(row.applicationId)}>
                  {row.reference}
                </a>
              ),
            },
            { header: tr('list.project'), cell: (row) => row.projectTitle },
            { header: tr('list.round'), cell: (row) => row.roundTitle },
            {
              header: tr('list.state'),
              cell: (row) => (
                <span class="ds-tag" data-color={stateColour[row.state]}>
                  {tr(`state.${row.state}`)}
                </span>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}
