import type { Application } from '../../shared/applications/application';
import { canAssess, canBeCaseworker, isExternal, type StaffMember } from '../../shared/officers/staff';
import { textTranslator, type Language } from '../i18n';
import { caseText } from '../messages/case';
import { Alert, CheckboxGroup, ErrorSummary, fieldId, type FieldErrors } from './form-fields';
import { Section } from './section';

/** What one of the two assignment forms is shown again with after a refused post. */
export interface AssignmentFormState {
  readonly form: 'caseworker' | 'assessors';
  readonly values: Record<string, string | string[]>;
  readonly errors: FieldErrors;
  readonly formError?: string;
}

const asList = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/**
 * The caseworker and the assessors: who they are now and, for those who may assign, a form for each
 * (picked from the staff directory by name). Each form carries the version it was shown at, so two
 * officers assigning at once cannot overwrite each other: the second is shown this form again with
 * their choice kept and a message saying what happened.
 */
export function CaseAssignment(props: {
  lang: Language;
  application: Application;
  staff: readonly StaffMember[];
  assessors: readonly { userId: string; name: string }[];
  caseworkerAtOslo?: string;
  /** Where the forms post; absent when the user may not assign or the case takes no assignment now. */
  actions?: { caseworker: string; assessors: string };
  state?: AssignmentFormState;
  saved?: 'caseworker' | 'assessors';
}) {
  const { lang, application, staff, state } = props;
  const tr = textTranslator(caseText, lang);
  const label = (member: StaffMember) => {
    const name = member.name ?? member.userId;
    if (application.recusedUserIds?.includes(member.userId)) return tr('case.recused', { name });
    return isExternal(member) ? tr('case.external', { name }) : name;
  };
  const caseworkerState = state?.form === 'caseworker' ? state : undefined;
  const assessorState = state?.form === 'assessors' ? state : undefined;
  const chosenCaseworker = caseworkerState ? String(caseworkerState.values.caseworkerId ?? '') : (application.caseworker?.userId ?? '');
  const chosenAssessors = assessorState ? asList(assessorState.values.assessorIds) : (application.assessorIds ?? []);
  const caseworkerId = fieldId('caseworkerId');
  const caseworkerError = caseworkerState?.errors.caseworkerId;
  const errorsOf = (form?: AssignmentFormState) => (form ? (Object.values(form.errors).some(Boolean) ? form.errors : form.formError ? { [form.form === 'caseworker' ? 'caseworkerId' : 'assessorIds']: form.formError } : {}) : {});
  return (
    <Section id="case-people" heading={tr('case.people')}>
      {props.saved ? (
        <Alert color="success">
          <p class="ds-paragraph">{tr(props.saved === 'caseworker' ? 'case.caseworker.saved' : 'case.assessors.saved')}</p>
        </Alert>
      ) : null}
      <p class="ds-paragraph" id="case-caseworker">
        {application.caseworker
          ? tr('case.caseworker.current', { name: application.caseworker.name ?? application.caseworker.userId, at: props.caseworkerAtOslo ?? '' })
          : tr('case.caseworker.none')}
      </p>
      <p class="ds-paragraph" id="case-assessors">
        {props.assessors.length === 0 ? tr('case.assessors.none') : `${tr('case.assessors')}: ${props.assessors.map((each) => each.name).join(', ')}`}
      </p>
      {props.actions ? (
        <>
          <form method="post" action={props.actions.caseworker} class="stack" novalidate>
            <ErrorSummary title={tr('case.assignErrors')} errors={errorsOf(caseworkerState)} />
            <input type="hidden" name="version" value={String(application.version)} />
            <div class="ds-field">
              <label class="ds-label" for={caseworkerId}>
                {tr('case.caseworker.choose')}
              </label>
              <div class="ds-paragraph field-help" data-size="sm" id={`${caseworkerId}-help`}>
                {tr('case.caseworker.help')}
              </div>
              <select
                class="ds-input"
                id={caseworkerId}
                name="caseworkerId"
                aria-describedby={[`${caseworkerId}-help`, caseworkerError ?? caseworkerState?.formError ? `${caseworkerId}-error` : ''].filter(Boolean).join(' ')}
                aria-invalid={caseworkerError ? 'true' : undefined}
              >
                <option value="">–</option>
                {staff.filter(canBeCaseworker).map((member) => (
                  <option value={member.userId} selected={member.userId === chosenCaseworker}>
                    {label(member)}
                  </option>
                ))}
              </select>
              {caseworkerError ?? caseworkerState?.formError ? (
                <div class="ds-validation-message" data-color="danger" id={`${caseworkerId}-error`}>
                  {caseworkerError ?? caseworkerState?.formError}
                </div>
              ) : null}
            </div>
            <div>
              <button type="submit" class="ds-button" data-variant="primary">
                {tr('case.caseworker.submit')}
              </button>
            </div>
          </form>
          <form method="post" action={props.actions.assessors} class="stack" novalidate>
            <ErrorSummary title={tr('case.assignErrors')} errors={errorsOf(assessorState)} />
            <input type="hidden" name="version" value={String(application.version)} />
            <CheckboxGroup
              name="assessorIds"
              legend={tr('case.assessors.choose')}
              help={tr('case.assessors.help')}
              options={staff.filter(canAssess).map((member) => ({ value: member.userId, label: label(member) }))}
              checked={chosenAssessors}
              error={assessorState?.errors.assessorIds ?? assessorState?.formError}
            />
            <div>
              <button type="submit" class="ds-button" data-variant="primary">
                {tr('case.assessors.submit')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </Section>
  );
}
