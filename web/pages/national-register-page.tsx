import { kommunenummerIn, type Kommunenummer } from '../../shared/kernel/kommunenummer';
import type { Tenant } from '../../shared/kernel/tenants';
import type { RegisterLine } from '../../shared/national/register';
import { Alert, ErrorSummary, fieldId, TextField, type FieldErrors } from '../components/form-fields';
import { periodsInWords } from '../components/managing-notice';
import { textTranslator, type Language } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { registerText } from '../messages/register';

/** Where the register of a year is shown, and where its forms post. */
export const registerPath = (year: number) => `/national/register?year=${year}`;
export const addPath = (year: number) => `/national/register/municipalities?year=${year}`;
export const retirePath = (tenantId: string, year: number) => `/national/register/municipalities/${encodeURIComponent(tenantId)}/retirement?year=${year}`;

/** The field a retire form's year has in a row: unique on the page, so the error summary can link to it. */
export const retireField = (tenantId: string) => `retire.${tenantId}.fromYear`;

/** What the page is shown with after a form was posted: what was typed and what was wrong. */
export interface RegisterFormState {
  readonly form: 'add' | 'retire';
  /** The row whose retire form was posted. */
  readonly tenantId?: string;
  readonly values: Record<string, string>;
  readonly errors: FieldErrors;
  readonly formError?: string;
}

function numberIn(tenant: Tenant, year: number): string {
  if (!tenant.kommunenummer) return '';
  return kommunenummerIn({ kommunenummer: tenant.kommunenummer as Kommunenummer, validFrom: tenant.kommunenummerValidFrom ?? year }, year);
}

function RetireForm(props: { line: RegisterLine; year: number; state?: RegisterFormState; lang: Language }) {
  const { line, year, state, lang } = props;
  const tr = textTranslator(registerText, lang);
  const open = line.periods.at(-1);
  if (!open) return null;
  if (open.to !== undefined) return <>{tr('retire.notOpen')}</>;
  const field = retireField(line.tenant.tenantId);
  const id = fieldId(field);
  const posted = state?.form === 'retire' && state.tenantId === line.tenant.tenantId ? state : undefined;
  const error = posted?.errors[field];
  return (
    <form method="post" action={retirePath(line.tenant.tenantId, year)} class="inline-form">
      <div class="ds-field">
        <label class="ds-label" for={id}>
          {tr('retire.label')}
        </label>
        <input
          class="ds-input input-sm" id={id} name="fromYear" inputmode="numeric" autocomplete="off" maxlength={4} required
          value={posted?.values.fromYear ?? String(Math.max(year, open.from) + 1)}
          aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? 'true' : undefined}
        />
        {error ? <div class="ds-validation-message" data-color="danger" id={`${id}-error`}>{error}</div> : null}
      </div>
      <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">
        {tr('retire.button', { name: line.tenant.name })}
      </button>
    </form>
  );
}

function AddForm(props: { year: number; state?: RegisterFormState; lang: Language }) {
  const tr = textTranslator(registerText, props.lang);
  const posted = props.state?.form === 'add' ? props.state : undefined;
  const values = posted?.values ?? { fromYear: String(props.year) };
  const errors = posted?.errors ?? {};
  return (
    <form method="post" action={addPath(props.year)} class="ds-fieldset" novalidate>
      <h2 class="ds-heading" data-size="md">
        {tr('add.heading')}
      </h2>
      <TextField name="kommunenummer" label={tr('add.kommunenummer')} help={tr('add.kommunenummer.help')} value={values.kommunenummer} error={errors.kommunenummer} inputmode="numeric" maxLength={4} size="sm" required />
      <TextField name="name" label={tr('add.name')} value={values.name} error={errors.name} maxLength={200} autocomplete="off" required />
      <TextField name="contactEmail" label={tr('add.contactEmail')} help={tr('add.contactEmail.help')} type="email" value={values.contactEmail} error={errors.contactEmail} maxLength={254} autocomplete="off" required />
      <TextField name="fromYear" label={tr('add.fromYear')} value={values.fromYear} error={errors.fromYear} inputmode="numeric" maxLength={4} size="sm" required />
      <button type="submit" class="ds-button" data-variant="primary">
        {tr('add.button')}
      </button>
    </form>
  );
}

/**
 * IMDi's tenant register for one year: every municipality with the periods it manages the scheme
 * (those managing the year first, retired ones kept), a retire form per managing row, and the form
 * to add one. After a refused post the posted form is shown with its errors and what was typed.
 */
export function NationalRegisterPage(props: { page: PageContext; year: number; lines: RegisterLine[]; state?: RegisterFormState; done?: 'added' | 'retired' }) {
  const { page, year, lines, state, done } = props;
  const tr = textTranslator(registerText, page.lang);
  const errors = state?.errors ?? {};
  const managing = lines.filter((line) => line.managesInYear).length;
  return (
    <Layout page={page} title={tr('title', { year })}>
      <h1 class="ds-heading" data-size="xl">
        {tr('title', { year })}
      </h1>
      <ErrorSummary title={tr('errors.title')} errors={errors} />
      {state?.formError && Object.keys(errors).length === 0 ? <Alert color="danger"><p class="ds-paragraph">{state.formError}</p></Alert> : null}
      {done ? <Alert color="success"><p class="ds-paragraph">{tr(`done.${done}`)}</p></Alert> : null}
      <p class="ds-paragraph">{tr('lead')}</p>
      <form method="get" action="/national/register" class="inline-form">
        <TextField name="year" label={tr('year.label')} value={String(year)} inputmode="numeric" maxLength={4} size="sm" />
        <button type="submit" class="ds-button" data-variant="secondary">
          {tr('year.show')}
        </button>
      </form>
      <p class="ds-paragraph">{tr('count', { count: managing, year })}</p>
      {lines.length === 0 ? (
        <p class="ds-paragraph">{tr('none')}</p>
      ) : (
        <table class="ds-table round-table" data-border>
          <caption>{tr('caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('col.name')}</th>
              <th scope="col">{tr('col.kommunenummer', { year })}</th>
              <th scope="col">{tr('col.periods')}</th>
              <th scope="col">{tr('col.inYear', { year })}</th>
              <th scope="col">{tr('col.contact')}</th>
              <th scope="col">{tr('col.retire')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr>
                <th scope="row">{line.tenant.name}</th>
                <td>{numberIn(line.tenant, year)}</td>
                <td>{periodsInWords(line.periods, page.lang)}</td>
                <td>{line.managesInYear ? tr('yes') : tr('no')}</td>
                <td>{line.tenant.contactEmail ?? ''}</td>
                <td>
                  <RetireForm line={line} year={year} state={state} lang={page.lang} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddForm year={year} state={state} lang={page.lang} />
    </Layout>
  );
}
