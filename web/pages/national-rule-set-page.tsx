import { formatDateTime } from '../../shared/kernel/deadlines';
import { CODE_DEFAULT_AUTHOR, type RuleSetVersion } from '../../shared/rules/rule-set-version';
import { Alert, ErrorSummary, type FieldErrors } from '../components/form-fields';
import { DataTable } from '../components/data-table';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { ruleSetText } from '../messages/rule-set';
import { RuleSetFields, type RuleSetFormValues } from './national-rule-set-fields';

/** What IMDi's rule-set page shows. */
export interface RuleSetPageProps {
  page: PageContext;
  grantYear: number;
  /** The year's current version: the one the form edits; absent for a year without rules yet. */
  current?: RuleSetVersion;
  /** Every version, oldest first. */
  versions: readonly RuleSetVersion[];
  values: RuleSetFormValues;
  errors: FieldErrors;
  /** A message about the form as a whole (someone saved in between). */
  formError?: string;
  /** The version just saved, after the redirect. */
  saved?: number;
}

/**
 * IMDi's page for one year's national rules: whether the current version is locked by a round
 * (and that saving then makes a new version for new rounds only), the form with every rule and
 * its hint, and the history of versions.
 */
export function NationalRuleSetPage(props: RuleSetPageProps) {
  const { page, grantYear, current, versions, values, errors } = props;
  const t = textTranslator(ruleSetText, page.lang);
  const title = t('title', { year: grantYear });
  return (
    <Layout page={page} title={title}>
      <h1 class="ds-heading" data-size="xl">{title}</h1>
      <ErrorSummary title={t('errorSummary')} errors={errors} />
      {props.formError ? <Alert color="danger"><p class="ds-paragraph">{props.formError}</p></Alert> : null}
      {props.saved ? <Alert color="success"><p class="ds-paragraph">{t('saved', { version: props.saved })}</p></Alert> : null}
      <p class="ds-paragraph">{t('lead')}</p>
      {!current ? (
        <Alert color="info"><p class="ds-paragraph">{t('firstVersion', { year: grantYear, previous: grantYear - 1 })}</p></Alert>
      ) : null}
      {current ? <p class="ds-paragraph"><strong>{t('current', { version: current.version })}</strong></p> : null}
      {!current ? null : current.locked ? (
        <Alert color="warning" heading={t('lockedHeading')}>
          <p class="ds-paragraph">{t('locked', { version: current.version })}</p>
        </Alert>
      ) : (
        <p class="ds-paragraph">{t('unlocked')}</p>
      )}

      <form method="post" action={`/national/years/${grantYear}/rules`} novalidate class="rule-set-form">
        <input type="hidden" name="basedOnVersion" value={Array.isArray(values.basedOnVersion) ? values.basedOnVersion[0] : values.basedOnVersion} />
        <RuleSetFields lang={page.lang} values={values} errors={errors} />
        <button type="submit" class="ds-button" data-variant="primary">{t('save')}</button>
      </form>

      {versions.length === 0 ? null : <h2 class="ds-heading" data-size="md">{t('history.caption')}</h2>}
      {versions.length === 0 ? null : <DataTable
        caption={t('history.caption')}
        captionHidden
        rows={[...versions].reverse()}
        columns={[
          { header: t('history.version'), cell: (v) => String(v.version) },
          { header: t('history.when'), cell: (v) => (v.savedAt ? formatDateTime(v.savedAt, page.lang) : t('history.notSaved')) },
          { header: t('history.who'), cell: (v) => (v.savedBy === CODE_DEFAULT_AUTHOR ? t('history.codeDefault') : v.savedBy) },
          { header: t('history.changed'), cell: (v) => v.changedFields.join(', ') || '–' },
          { header: t('history.status'), cell: (v) => (v.locked ? t('history.locked') : t('history.open')) },
        ]}
      />}
    </Layout>
  );
}
