import { formatKroner } from '../../shared/kernel/money';
import type { AllocationDraft } from '../../shared/national/allocation-draft';
import type { AllocationProposal, FrameChange } from '../../shared/national/allocation-version';
import type { KeyImportReport } from '../../shared/national/key-matching';
import { ChangesTable, FramesTable, SplitTable, type AllocationTranslate } from '../components/allocation-tables';
import { Alert, ErrorSummary, TextArea, type FieldErrors } from '../components/form-fields';
import { Layout, type PageContext } from '../layout';
import { allocationDraftPath } from './national-allocation-year-page';

/** What the review shows of an imported key. */
export interface AllocationReview {
  readonly draft: AllocationDraft;
  readonly report: KeyImportReport;
  /** Absent when managing municipalities are missing from the file. */
  readonly proposal?: AllocationProposal;
  /** The version publishing would create, and how it moves the frames of the one before. */
  readonly nextVersion: number;
  readonly changes: readonly FrameChange[];
}

/** Each matched municipality whose number in the file is an older one, by its number now. */
function renumberedOf(report: KeyImportReport): Map<string, string> {
  return new Map(report.matched.filter((match) => match.fileKommunenummer !== match.kommunenummer).map((match) => [match.kommunenummer as string, match.fileKommunenummer as string]));
}

/** The rows of the file that are no managing municipality's, and the lines that are no municipality. */
function Unmatched(props: { tr: AllocationTranslate; report: KeyImportReport }) {
  const { tr, report } = props;
  return (
    <>
      {report.notManaging.length > 0 ? (
        <section aria-labelledby="not-managing-heading" class="stack">
          <h2 id="not-managing-heading" class="ds-heading" data-size="sm">
            {tr('notManaging.heading', { count: report.notManaging.length })}
          </h2>
          <table class="ds-table" data-border data-size="sm">
            <caption>{tr('notManaging.caption', { year: report.grantYear })}</caption>
            <thead>
              <tr>
                <th scope="col" class="amount">{tr('notManaging.line')}</th>
                <th scope="col">{tr('frames.kommunenummer')}</th>
                <th scope="col">{tr('frames.name')}</th>
                <th scope="col" class="amount">{tr('notManaging.count')}</th>
              </tr>
            </thead>
            <tbody>
              {report.notManaging.map((row) => (
                <tr>
                  <td class="amount">{row.line}</td>
                  <td>{row.kommunenummer}</td>
                  <td>{row.name ?? ''}</td>
                  <td class="amount">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {report.ignored.length > 0 ? (
        <section aria-labelledby="ignored-heading" class="stack">
          <h2 id="ignored-heading" class="ds-heading" data-size="sm">
            {tr('ignored.heading', { count: report.ignored.length })}
          </h2>
          <ul class="ds-list">
            {report.ignored.map((line) => (
              <li>{`${tr('notManaging.line')} ${line.line}: ${line.text}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/**
 * The allocation an imported key gives, before it is published: the split, every municipality's
 * frame and how it was reached, what the file leaves out or has too much of, the change from the
 * latest version, and the publish form when the key is complete.
 */
export function NationalAllocationReviewPage(props: {
  page: PageContext;
  tr: AllocationTranslate;
  review: AllocationReview;
  values: Record<string, string>;
  errors: FieldErrors;
  formError?: string;
}) {
  const { page, tr, review, values, errors } = props;
  const { lang } = page;
  const { draft, report, proposal } = review;
  const year = draft.grantYear;
  return (
    <Layout page={page} title={tr('review.title', { year })}>
      <h1 class="ds-heading" data-size="xl">
        {tr('review.title', { year })}
      </h1>
      <p class="ds-paragraph">
        {tr('review.file', { name: draft.fileName, layout: tr(draft.file.layout === 'ssb' ? 'layout.ssb' : 'layout.plain'), fileYear: report.fileYear })}
      </p>
      <ErrorSummary title={tr('form.errors')} errors={errors} />
      {props.formError ? (
        <Alert color="danger">
          <p class="ds-paragraph">{props.formError}</p>
        </Alert>
      ) : null}
      {report.missing.length > 0 ? (
        <Alert color="danger" heading={tr('missing.heading', { count: report.missing.length })}>
          <p class="ds-paragraph">{tr('missing.text', { year })}</p>
          <ul class="ds-list">
            {report.missing.map((municipality) => (
              <li>{`${municipality.name} (${municipality.kommunenummer.kommunenummer})`}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {proposal ? (
        <>
          <SplitTable tr={tr} lang={lang} proposal={proposal} />
          <FramesTable tr={tr} lang={lang} proposal={proposal} renumbered={renumberedOf(report)} />
          <p class="ds-paragraph">{tr('frames.sumCheck', { total: formatKroner(proposal.framesTotal, lang) })}</p>
        </>
      ) : null}
      <Unmatched tr={tr} report={report} />
      {proposal && review.nextVersion > 1 ? (
        <section aria-labelledby="changes-heading" class="stack">
          <h2 id="changes-heading" class="ds-heading" data-size="md">
            {tr('changes.heading', { version: review.nextVersion - 1 })}
          </h2>
          <ChangesTable tr={tr} lang={lang} changes={review.changes} from={review.nextVersion - 1} />
        </section>
      ) : null}
      {proposal ? (
        <section aria-labelledby="publish-heading" class="stack">
          <h2 id="publish-heading" class="ds-heading" data-size="md">
            {tr('publish.heading')}
          </h2>
          <p class="ds-paragraph">{tr('publish.text')}</p>
          <form method="post" action={`${allocationDraftPath(year, draft.draftId)}/publish`} class="stack" novalidate>
            {review.nextVersion > 1 ? (
              <TextArea name="reason" label={tr('publish.reason')} help={tr('publish.reason.help')} value={values.reason} error={errors.reason} maxLength={1000} rows={3} />
            ) : null}
            <div>
              <button type="submit" class="ds-button" data-variant="primary">
                {tr('publish.submit', { version: review.nextVersion })}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
