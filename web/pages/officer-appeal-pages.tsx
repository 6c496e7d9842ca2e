import { MAX_APPEAL_REASONS_LENGTH, type Appeal } from '../../shared/appeals/appeal';
import { allowedAppealActions } from '../../shared/appeals/lifecycle';
import type { AppealRegisterEntry } from '../../shared/appeals/ports';
import type { Application } from '../../shared/applications/application';
import type { Decision } from '../../shared/decisions/decision';
import { formatDate, formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import { AppealSteps } from '../components/appeal-panel';
import { DataTable } from '../components/data-table';
import { Alert, CheckboxGroup, ErrorSummary, TextArea, TextField, type FieldErrors } from '../components/form-fields';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { appealText } from '../messages/appeal';

/** The municipality's appeal register. */
export const appealRegisterPath = '/officer/appeals';

/** The officer's page of one application's appeal. */
export function officerAppealPath(applicationId: string): string {
  return `/officer/applications/${applicationId}/appeal`;
}

/** The municipality's appeals, newest first, each with its state, when it was lodged and whether it was late. */
export function OfficerAppealRegisterPage(props: { page: PageContext; appeals: readonly AppealRegisterEntry[] }) {
  const { page, appeals } = props;
  const tr = textTranslator(appealText, page.lang);
  return (
    <Layout page={page} title={tr('register.title')}>
      <h1 class="ds-heading" data-size="lg">
        {tr('register.title')}
      </h1>
      <p class="ds-paragraph">{tr('register.lead')}</p>
      {appeals.length === 0 ? (
        <p class="ds-paragraph">{tr('register.empty')}</p>
      ) : (
        <DataTable
          caption={tr('register.title')}
          captionHidden
          rows={appeals}
          columns={[
            { header: tr('col.reference'), cell: (row) => <a class="ds-link" href={officerAppealPath(row.applicationId)}>{row.reference}</a> },
            { header: tr('col.organisation'), cell: (row) => row.organisationName },
            { header: tr('col.lodged'), cell: (row) => formatDateTime(row.lodgedAt, page.lang) },
            { header: tr('col.late'), cell: (row) => (row.late ? tr('late.yes') : tr('late.no')) },
            { header: tr('col.state'), cell: (row) => tr(`state.${row.status}`) },
          ]}
        />
      )}
    </Layout>
  );
}

/** What the step form shows: what was typed (or nothing yet), and the errors by field. */
export interface AppealStepFormState {
  readonly action: string;
  readonly reasons: string;
  readonly forwardedOn: string;
  readonly errors: FieldErrors;
  readonly formError?: string;
  readonly notice?: string;
}

function DecisionFacts(props: { lang: PageContext['lang']; decision: Decision | undefined }) {
  const { decision, lang } = props;
  if (!decision) return null;
  return <dd>{`${formatKroner(decision.amount, lang)} · ${formatDateTime(decision.decidedAt, lang)}`}</dd>;
}

/**
 * One appeal: the decision appealed against, the appellant's reasons (and why it is late), the
 * steps taken, and the form for the next step: the actions the appeal's state allows, one chosen,
 * with reasons (and, for a forwarding, the date it was sent). A recused officer sees why not.
 */
export function OfficerAppealPage(props: { page: PageContext; application: Application; appeal: Appeal; form: AppealStepFormState; recused: boolean; mayHandle: boolean }) {
  const { page, application, appeal, form } = props;
  const { lang } = page;
  const tr = textTranslator(appealText, lang);
  const decision = application.decision?.decisionId === appeal.decisionId ? application.decision : application.reversedDecisions?.find((each) => each.decisionId === appeal.decisionId);
  const actions = allowedAppealActions(appeal.status, { hasReasons: true, late: appeal.late, actorIsAppealBody: true });
  const title = tr('officer.title', { organisation: application.organisationName });
  return (
    <Layout page={page} title={`${title} – ${application.reference}`}>
      <p class="ds-paragraph">
        <a class="ds-link" href={appealRegisterPath}>
          {tr('register.title')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="lg">
        {title}
      </h1>
      {form.notice ? <Alert color="success">{form.notice}</Alert> : null}
      {form.formError ? <Alert color="warning">{form.formError}</Alert> : null}
      <ErrorSummary title={tr('officer.next')} errors={form.errors} />
      <dl class="facts">
        <dt>{tr('col.reference')}</dt>
        <dd>{application.reference}</dd>
        <dt>{tr('officer.decision')}</dt>
        <DecisionFacts lang={lang} decision={decision} />
        <dt>{tr('col.state')}</dt>
        <dd>
          <span class="ds-tag" data-color="accent">{tr(`state.${appeal.status}`)}</span>
        </dd>
        <dt>{tr('col.lodged')}</dt>
        <dd>{formatDateTime(appeal.lodgedAt, lang)}</dd>
        <dt>{tr('officer.deadline')}</dt>
        <dd>{`${formatDate(appeal.deadline, lang)}${appeal.late ? ` · ${tr('late.yes')}` : ''}`}</dd>
        <dt>{tr('officer.reasons')}</dt>
        <dd class="preserve-lines">{appeal.reasons}</dd>
        {appeal.latenessReason ? (
          <>
            <dt>{tr('officer.latenessReason')}</dt>
            <dd class="preserve-lines">{appeal.latenessReason}</dd>
          </>
        ) : null}
      </dl>
      <h2 class="ds-heading" data-size="sm">
        {tr('officer.steps')}
      </h2>
      <AppealSteps lang={lang} appeal={appeal} />
      {actions.length === 0 ? (
        <p class="ds-paragraph">{tr('officer.none')}</p>
      ) : props.recused ? (
        <p class="ds-paragraph">{tr('officer.recused')}</p>
      ) : props.mayHandle ? (
        <form method="post" class="stack" novalidate>
          <input type="hidden" name="version" value={String(application.version)} />
          <CheckboxGroup
            type="radio"
            name="action"
            legend={tr('officer.next')}
            options={actions.map((action) => ({ value: action, label: `${tr(`action.${action}`)} – ${tr(`action.${action}.help`)}` }))}
            checked={form.action ? [form.action] : []}
            error={form.errors.action}
          />
          <TextArea name="reasons" label={tr('field.stepReasons')} value={form.reasons} error={form.errors.reasons} maxLength={MAX_APPEAL_REASONS_LENGTH} rows={6} required />
          {actions.includes('uphold_and_forward') ? (
            <TextField name="forwardedOn" label={tr('field.forwardedOn')} help={tr('field.forwardedOn.help')} value={form.forwardedOn} error={form.errors.forwardedOn} maxLength={10} size="sm" />
          ) : null}
          <p class="ds-paragraph">
            <button type="submit" class="ds-button" data-variant="primary">
              {tr('officer.next')}
            </button>
          </p>
        </form>
      ) : null}
    </Layout>
  );
}
