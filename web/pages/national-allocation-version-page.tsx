import { formatDateTime } from '../../shared/kernel/deadlines';
import type { FrameChange } from '../../shared/national/allocation-version';
import type { StoredAllocationVersion } from '../../shared/national/ports';
import { ChangesTable, FramesTable, SplitTable, type AllocationTranslate } from '../components/allocation-tables';
import { Alert } from '../components/form-fields';
import { Layout, type PageContext } from '../layout';
import { VersionStatusTag, allocationYearPath } from './national-allocation-year-page';

/** Where the form that finishes a stopped publish posts. */
export const completionPath = (year: number, version: number) => `/national/years/${year}/versions/${version}/completion`;

/**
 * One published version: its status (with the way to finish a publish that stopped), its frames,
 * and how it changed the version before, per municipality and in total.
 */
export function NationalAllocationVersionPage(props: {
  page: PageContext;
  tr: AllocationTranslate;
  version: StoredAllocationVersion;
  changes: readonly FrameChange[];
  /** Set right after publishing or finishing, to confirm it. */
  justPublished?: boolean;
  formError?: string;
}) {
  const { page, tr, version, changes } = props;
  const { lang } = page;
  const year = version.grantYear;
  const title = tr('version.title', { year, version: version.version });
  return (
    <Layout page={page} title={title}>
      <h1 class="ds-heading" data-size="xl">
        {title}
      </h1>
      <p class="ds-paragraph">
        <a class="ds-link" href={allocationYearPath(year)}>
          {tr('version.back', { year })}
        </a>
      </p>
      {props.justPublished && version.status === 'published' ? (
        <Alert color="success">
          <p class="ds-paragraph">{tr('version.published', { version: version.version })}</p>
        </Alert>
      ) : null}
      {props.formError ? (
        <Alert color="danger">
          <p class="ds-paragraph">{props.formError}</p>
        </Alert>
      ) : null}
      <p class="ds-paragraph">
        {tr('version.meta', { at: formatDateTime(version.publishedAt, lang), by: version.publishedBy })} <VersionStatusTag tr={tr} status={version.status} />
      </p>
      {version.reason ? <p class="ds-paragraph">{`${tr('versions.reason')}: ${version.reason}`}</p> : null}
      {version.status === 'applying' ? (
        <Alert color="warning" heading={tr('applying.heading')}>
          <p class="ds-paragraph">{tr('applying.text')}</p>
          <form method="post" action={completionPath(year, version.version)}>
            <button type="submit" class="ds-button" data-variant="primary">
              {tr('applying.submit')}
            </button>
          </form>
        </Alert>
      ) : null}
      {version.version > 1 ? (
        <section aria-labelledby="changes-heading" class="stack">
          <h2 id="changes-heading" class="ds-heading" data-size="md">
            {tr('changes.heading', { version: version.version - 1 })}
          </h2>
          <ChangesTable tr={tr} lang={lang} changes={changes} from={version.version - 1} />
        </section>
      ) : null}
      <SplitTable tr={tr} lang={lang} proposal={version} />
      <FramesTable tr={tr} lang={lang} proposal={version} />
    </Layout>
  );
}
