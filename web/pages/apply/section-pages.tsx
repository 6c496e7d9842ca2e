import type { Application } from '../../../shared/applications/application';
import { budgetLineSlots, budgetTotals, textLimits } from '../../../shared/applications/application';
import type { Call } from '../../../shared/rounds/call';
import { formatKroner, min, type Kroner } from '../../../shared/kernel/money';
import type { RuleSet } from '../../../shared/rules/rule-set';
import { Alert, Checkbox, CheckboxGroup, ErrorSummary, FormGuards, TextArea, TextField, type FieldErrors } from '../../components/form-fields';
import type { PageContext } from '../../layout';
import { ApplicationFrame, applyText, SectionButtons } from './application-frame';

/** What every section page gets: the case, what the user typed (or what is stored), the errors. */
export interface SectionPageProps {
  page: PageContext;
  call: Call;
  /** The round's rules (the version the call was created under): its pots and audit threshold. */
  rules: RuleSet;
  application: Application;
  values: Record<string, string | string[] | undefined>;
  errors: FieldErrors;
  csrf: string;
  saved?: boolean;
  /** A problem with the whole form (a stale page, a concurrent change). */
  formError?: string;
}

/** The top of every section form: the saved notice, a whole-form problem, the error summary. */
export function FormTop(props: SectionPageProps) {
  const tx = applyText(props.page);
  return (
    <>
      {props.saved ? <Alert color="success">{tx('form.saved')}</Alert> : null}
      {props.formError ? <Alert color="danger">{props.formError}</Alert> : null}
      <ErrorSummary title={tx('form.errors.title')} errors={props.errors} />
    </>
  );
}

const str = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

/** Step 1: contact person and bank account. */
export function ContactPage(props: SectionPageProps) {
  const { page, values, errors } = props;
  const tx = applyText(page);
  return (
    <ApplicationFrame page={page} call={props.call} application={props.application} step="contact" title={tx('contact.title')}>
      <FormTop {...props} />
      <form method="post" class="stack" novalidate>
        <FormGuards csrf={props.csrf} version={props.application.version} />
        <TextField name="contactName" label={tx('field.contactName')} help={tx('field.contactName.help')} value={str(values.contactName)} error={errors.contactName} autocomplete="name" maxLength={textLimits.name} required />
        <TextField name="email" type="email" label={tx('field.email')} help={tx('field.email.help')} value={str(values.email)} error={errors.email} autocomplete="email" maxLength={254} required />
        <TextField name="phone" type="tel" label={tx('field.phone')} help={tx('field.phone.help')} value={str(values.phone)} error={errors.phone} autocomplete="tel" inputmode="tel" maxLength={20} size="md" required />
        <TextField name="accountNumber" label={tx('field.accountNumber')} help={tx('field.accountNumber.help')} value={str(values.accountNumber)} error={errors.accountNumber} inputmode="numeric" maxLength={20} size="md" required />
        <SectionButtons page={page} />
      </form>
    </ApplicationFrame>
  );
}

/** Step 2: the project. */
export function ProjectPage(props: SectionPageProps) {
  const { page, values, errors, call } = props;
  const tx = applyText(page);
  const subGoals = Array.isArray(values.subGoals) ? values.subGoals : values.subGoals ? [values.subGoals] : [];
  const limitHelp = (help: string, max: number) => `${help} ${tx('form.maxChars', { max })}`;
  return (
    <ApplicationFrame page={page} call={call} application={props.application} step="project" title={tx('project.title')}>
      <FormTop {...props} />
      <form method="post" class="stack" novalidate>
        <FormGuards csrf={props.csrf} version={props.application.version} />
        <TextField name="title" label={tx('field.title')} help={limitHelp(tx('field.title.help'), textLimits.title)} value={str(values.title)} error={errors.title} maxLength={textLimits.title} required />
        <TextArea name="description" label={tx('field.description')} help={limitHelp(tx('field.description.help'), textLimits.description)} value={str(values.description)} error={errors.description} maxLength={textLimits.description} rows={8} required />
        <CheckboxGroup
          name="subGoals"
          legend={tx('field.subGoals')}
          help={tx('field.subGoals.help')}
          options={call.subGoals.map((code) => ({ value: code, label: `${code}: ${page.t(`subGoal.${code}`)}` }))}
          checked={subGoals}
          error={errors.subGoals}
        />
        <TextArea name="targetGroup" label={tx('field.targetGroup')} help={limitHelp(tx('field.targetGroup.help'), textLimits.targetGroup)} value={str(values.targetGroup)} error={errors.targetGroup} maxLength={textLimits.targetGroup} rows={3} required />
        <TextArea name="activities" label={tx('field.activities')} help={limitHelp(tx('field.activities.help'), textLimits.activities)} value={str(values.activities)} error={errors.activities} maxLength={textLimits.activities} rows={6} required />
        <TextField name="location" label={tx('field.location')} help={tx('field.location.help')} value={str(values.location)} error={errors.location} maxLength={textLimits.location} required />
        <div class="field-row">
          <TextField name="startDate" type="date" label={tx('field.startDate')} help={tx('field.dates.help', { year: call.grantYear })} value={str(values.startDate)} error={errors.startDate} size="sm" required />
          <TextField name="endDate" type="date" label={tx('field.endDate')} help={tx('field.dates.help', { year: call.grantYear })} value={str(values.endDate)} error={errors.endDate} size="sm" required />
        </div>
        <TextField name="expectedParticipants" label={tx('field.expectedParticipants')} help={tx('field.expectedParticipants.help')} value={str(values.expectedParticipants)} error={errors.expectedParticipants} inputmode="numeric" maxLength={9} size="sm" required />
        <TextArea name="partners" label={`${tx('field.partners')} ${tx('form.optional')}`} help={limitHelp(tx('field.partners.help'), textLimits.partners)} value={str(values.partners)} error={errors.partners} maxLength={textLimits.partners} rows={3} />
        <TextField name="volunteerHours" label={tx('field.volunteerHours')} help={tx('field.volunteerHours.help')} value={str(values.volunteerHours)} error={errors.volunteerHours} inputmode="numeric" maxLength={9} size="sm" required />
        <OrganisationFields {...props} />
        <ScreeningQuestions {...props} />
        <SectionButtons page={page} />
      </form>
    </ApplicationFrame>
  );
}

/**
 * Yes/no questions the screening rules need (another state operating grant, activities the scheme
 * does not fund), and for IMDi's national call the municipalities the organisation is active in.
 */
function ScreeningQuestions(props: SectionPageProps) {
  const { page, values, errors, call } = props;
  const tx = applyText(page);
  const yesNo = (name: 'otherStateOperatingGrant' | 'norwegianLanguageTraining' | 'aimedAtPublicSector' | 'outsideNorway') => (
    <CheckboxGroup
      type="radio"
      name={name}
      legend={tx(`field.${name}`)}
      help={tx(`field.${name}.help`)}
      options={[{ value: 'yes', label: tx('field.yes') }, { value: 'no', label: tx('field.no') }]}
      checked={[str(values[name])]}
      error={errors[name]}
    />
  );
  return (
    <fieldset class="ds-fieldset stack">
      <legend class="ds-label">{tx('field.screening')}</legend>
      {yesNo('norwegianLanguageTraining')}
      {yesNo('aimedAtPublicSector')}
      {yesNo('outsideNorway')}
      {call.subGoals.includes('D') ? yesNo('otherStateOperatingGrant') : null}
      {call.kommunenummer === undefined && call.subGoals.includes('D') ? (
        <TextField name="activeMunicipalities" label={tx('field.activeMunicipalities')} help={tx('field.activeMunicipalities.help')} value={str(values.activeMunicipalities)} error={errors.activeMunicipalities} maxLength={400} />
      ) : null}
    </fieldset>
  );
}

/** What the eligibility rules need to know about the organisation and the pot, on the project step. */
function OrganisationFields(props: SectionPageProps) {
  const { page, values, errors, call, rules } = props;
  const tx = applyText(page);
  const pots = rules.pots.filter((pot) => (call.pots ?? []).some((offered) => offered.id === pot.id));
  return (
    <fieldset class="ds-fieldset stack">
      <legend class="ds-label">{tx('field.organisation')}</legend>
      <TextField name="foundedOn" type="date" label={`${tx('field.foundedOn')} ${tx('form.optional')}`} help={tx('field.foundedOn.help')} value={str(values.foundedOn)} error={errors.foundedOn} size="sm" />
      <Checkbox name="localImmigrantOrganisation" value="yes" label={tx('field.localImmigrantOrganisation')} checked={str(values.localImmigrantOrganisation) === 'yes'} error={errors.localImmigrantOrganisation} />
      <TextField name="countedMembers" label={tx('field.countedMembers')} help={tx('field.countedMembers.help')} value={str(values.countedMembers)} error={errors.countedMembers} inputmode="numeric" maxLength={9} size="sm" />
      {pots.length > 0 ? (
        <CheckboxGroup
          type="radio"
          name="potId"
          legend={tx('field.pot')}
          help={tx('field.pot.help')}
          options={[{ value: '', label: tx('field.pot.none') }, ...pots.map((pot) => ({ value: pot.id, label: `${pot.name[page.lang]} (${formatKroner(min(pot.maxAmount, call.maxAmount), page.lang)})` }))]}
          checked={[str(values.potId)]}
          error={errors.potId}
        />
      ) : null}
    </fieldset>
  );
}

function BudgetLines(props: { page: PageContext; group: 'costs' | 'otherIncome'; legend: string; slots: number; values: SectionPageProps['values']; errors: FieldErrors }) {
  const tx = applyText(props.page);
  return (
    <fieldset class="ds-fieldset budget-lines">
      <legend class="ds-heading" data-size="xs">
        {props.legend}
      </legend>
      {Array.from({ length: props.slots }, (_, index) => (
        <div class="field-row">
          <TextField name={`${props.group}.${index}.label`} label={tx('budget.lineLabel', { n: index + 1 })} value={str(props.values[`${props.group}.${index}.label`])} error={props.errors[`${props.group}.${index}.label`]} maxLength={textLimits.lineLabel} />
          <TextField name={`${props.group}.${index}.amount`} label={tx('budget.lineAmount', { n: index + 1 })} value={str(props.values[`${props.group}.${index}.amount`])} error={props.errors[`${props.group}.${index}.amount`]} inputmode="numeric" maxLength={15} size="sm" />
        </div>
      ))}
    </fieldset>
  );
}

/** Step 3: the budget, with totals worked out on the server from what is saved. */
export function BudgetPage(props: SectionPageProps) {
  const { page, values, errors, call, rules, application } = props;
  const tx = applyText(page);
  const threshold = rules.auditThreshold as Kroner;
  const totals = application.budget ? budgetTotals(application.budget) : undefined;
  return (
    <ApplicationFrame page={page} call={call} application={application} step="budget" title={tx('budget.title')}>
      <FormTop {...props} />
      <p class="ds-paragraph">{tx('budget.lead')}</p>
      <Alert color="info">{tx('budget.auditWarning', { threshold: formatKroner(threshold, page.lang) })}</Alert>
      <form method="post" class="stack" novalidate>
        <FormGuards csrf={props.csrf} version={application.version} />
        <BudgetLines page={page} group="costs" legend={tx('budget.costs')} slots={budgetLineSlots.costs} values={values} errors={errors} />
        <BudgetLines page={page} group="otherIncome" legend={tx('budget.income')} slots={budgetLineSlots.income} values={values} errors={errors} />
        <TextField name="ownContribution" label={tx('field.ownContribution')} help={tx('field.ownContribution.help')} value={str(values.ownContribution)} error={errors.ownContribution} inputmode="numeric" maxLength={15} size="sm" />
        <TextField
          name="amountApplied"
          label={tx('field.amountApplied')}
          help={tx('field.amountApplied.help', { min: formatKroner(call.minAmount, page.lang), max: formatKroner(call.maxAmount, page.lang) })}
          value={str(values.amountApplied)}
          error={errors.amountApplied}
          inputmode="numeric"
          maxLength={15}
          size="sm"
          required
        />
        {totals ? (
          <dl class="facts" aria-label={tx('budget.totals')}>
            <dt>{tx('budget.totalCosts')}</dt>
            <dd>{formatKroner(totals.totalCosts, page.lang)}</dd>
            <dt>{tx('budget.totalIncome')}</dt>
            <dd>{formatKroner(totals.totalIncome, page.lang)}</dd>
            <dt>{tx('budget.needed')}</dt>
            <dd>{formatKroner(Math.max(0, totals.needed) as Kroner, page.lang)}</dd>
          </dl>
        ) : null}
        <SectionButtons page={page} />
      </form>
    </ApplicationFrame>
  );
}

/** Step 5: the call's own questions. */
export function QuestionsPage(props: SectionPageProps) {
  const { page, call, values, errors } = props;
  const tx = applyText(page);
  return (
    <ApplicationFrame page={page} call={call} application={props.application} step="questions" title={tx('questions.title', { name: call.administratorName })}>
      <FormTop {...props} />
      <form method="post" class="stack" novalidate>
        <FormGuards csrf={props.csrf} version={props.application.version} />
        {call.extraQuestions.length === 0 ? <p class="ds-paragraph">{tx('questions.none')}</p> : null}
        {call.extraQuestions.map((question) => (
          <TextArea
            name={question.id}
            label={question.required ? question.label[page.lang] : `${question.label[page.lang]} ${tx('form.optional')}`}
            help={tx('form.maxChars', { max: question.maxLength })}
            value={str(values[question.id])}
            error={errors[question.id]}
            maxLength={question.maxLength}
            required={question.required}
          />
        ))}
        <SectionButtons page={page} />
      </form>
    </ApplicationFrame>
  );
}
