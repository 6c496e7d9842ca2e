import { formatDateTime } from '../../shared/kernel/deadlines';
import { formatKroner } from '../../shared/kernel/money';
import type { StoredAllocationVersion } from '../../shared/national/ports';
import type { AllocationTranslate } from '../components/allocation-tables';
import { BudgetPositionsTable, type MunicipalityPosition } from '../components/budget-positions-table';
import { Alert, ErrorSummary, TextField, fieldId, type FieldErrors } from '../components/form-fields';
import { Layout, type PageContext } from '../layout';

/** Where IMDi works on a grant year's allocation. */
export const allocationYearPath = (year: number) => `/national/years/${year}`;
/** Where an imported key's review is. */
export const allocationDraftPath = (year: number, draftId: string) => `/national/years/${year}/drafts/${encodeURIComponent(draftId)}`;
/** Where one published version is shown. */
export const allocationVersionPath = (year: number, version: number) => `/national/years/${year}/versions/${version}`;

/** A version's status as a tag: `applying` stands out, because it needs IMDi to finish it. */
export function VersionStatusTag(props: { tr: AllocationTranslate; status: StoredAllocationVersion['status'] }) {
  return (
    <span class="ds-tag" data-color={props.status === 'applying' ? 'warning' : 'success'}>
      {props.tr(props.status === 'applying' ? 'status.applying' : 'status.published')}
    </span>
  );
}

/**
 * IMDi's page for one grant year: the national frame and the import of the distribution key (one
 * form, since the key is worth nothing without the frame it divides), and the year's versions.
 */
export function NationalAllocationYearPage(props: {
  page: PageContext;
  tr: AllocationTranslate;
  year: number;
  versions: readonly StoredAllocationVersion[];
  /** Every managing municipality's budget position for the year. */
  positions?: readonly MunicipalityPosition[];
  values: Record<string, string>;
  errors: FieldErrors;
  formError?: string;
}) {
  const { page, tr, year, versions, values, errors } = props;
  const { lang } = page;
  const fileId = fieldId('file');
  const fileDescribedBy = [`${fileId}-help`, errors.file ? `${fileId}-error` : ''].filter(Boolean).join(' ');
  return (
    <Layout page={page} title={tr('year.title', { year })}>
      <h1 class="ds-heading" data-size="xl">
        {tr('year.title', { year })}
      </h1>
      <p class="ds-paragraph">{tr('year.lead')}</p>
      <ErrorSummary title={tr('form.errors')} errors={errors} />
      {props.formError ? (
        <Alert color="danger">
          <p class="ds-paragraph">{props.formError}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="import-heading" class="stack">
        <h2 id="import-heading" class="ds-heading" data-size="md">
          {tr('import.heading')}
        </h2>
        <form method="post" action={`${allocationYearPath(year)}/drafts`} enctype="multipart/form-data" class="stack" novalidate>
          <TextField name="nationalFrame" label={tr('import.frame')} help={tr('import.frame.help')} value={values.nationalFrame} error={errors.nationalFrame} inputmode="numeric" size="md" required />
          <TextField name="statisticsYear" label={tr('import.statisticsYear')} help={tr('import.statisticsYear.help')} value={values.statisticsYear} error={errors.statisticsYear} inputmode="numeric" size="sm" />
          <div class="ds-field">
            <label class="ds-label" for={fileId}>
              {tr('import.file')}
            </label>
            <div class="ds-paragraph field-help" data-size="sm" id={`${fileId}-help`}>
              {tr('import.file.help')}
            </div>
            <input class="ds-input" type="file" id={fileId} name="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby={fileDescribedBy} aria-invalid={errors.file ? 'true' : undefined} />
            {errors.file ? (
              <div class="ds-validation-message" data-color="danger" id={`${fileId}-error`}>
                {errors.file}
              </div>
            ) : null}
          </div>
          <div>
            <button type="submit" class="ds-button" data-variant="primary">
              {tr('import.submit')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="versions-heading" class="stack">
        <h2 id="versions-heading" class="ds-heading" data-size="md">
          {tr('versions.heading')}
        </h2>
        {versions.length === 0 ? (
          <p class="ds-paragraph">{tr('versions.none', { year })}</p>
        ) : (
          <table class="ds-table" data-border data-size="sm">
            <caption>{tr('versions.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('versions.version')}</th>
                <th scope="col">{tr('versions.publishedAt')}</th>
                <th scope="col" class="amount">{tr('versions.frame')}</th>
                <th scope="col">{tr('versions.status')}</th>
                <th scope="col">{tr('versions.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {[...versions].reverse().map((version) => (
                <tr>
                  <th scope="row">
                    <a class="ds-link" href={allocationVersionPath(year, version.version)}>
                      {tr('versions.open', { version: version.version })}
                    </a>
                  </th>
                  <td>{formatDateTime(version.publishedAt, lang)}</td>
                  <td class="amount">{formatKroner(version.split.frame, lang)}</td>
                  <td>
                    <VersionStatusTag tr={tr} status={version.status} />
                  </td>
                  <td>{version.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {props.positions ? <BudgetPositionsTable lang={lang} year={year} positions={props.positions} /> : null}
    </Layout>
  );
}
