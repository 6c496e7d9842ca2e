import type { RuleSet } from '../../shared/rules/rule-set';
import { Alert, type FieldErrors } from '../components/form-fields';
import { RoundFormFields, type RoundFormValues } from '../components/round-form';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { roundText } from '../messages/rounds';
import { officerRoundPath } from './officer-workspace-page';

/**
 * The form that creates a round (`roundId` absent) or edits one before it opens. Shown again after
 * a refused post with what was typed and each error by its field; `version` guards an edit.
 */
export function OfficerRoundFormPage(props: {
  page: PageContext;
  ruleSet: RuleSet;
  values: RoundFormValues;
  errors: FieldErrors;
  formError?: string;
  roundId?: string;
  version?: number;
}) {
  const { page, roundId } = props;
  const t = textTranslator(roundText, page.lang);
  const title = roundId ? t('edit.title') : t('new.title');
  return (
    <Layout page={page} title={title}>
      <p class="ds-paragraph">
        <a class="ds-link" href={roundId ? officerRoundPath(roundId) : '/officer'}>
          {roundId ? t('preview.back') : page.t('officer.round.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">{title}</h1>
      {roundId ? null : <p class="ds-paragraph">{t('new.lead')}</p>}
      {props.formError ? <Alert color="danger"><p class="ds-paragraph">{props.formError}</p></Alert> : null}
      <form method="post" action={roundId ? `${officerRoundPath(roundId)}/edit` : '/officer/rounds/new'} novalidate class="stack round-form">
        {props.version === undefined ? null : <input type="hidden" name="version" value={String(props.version)} />}
        <RoundFormFields lang={page.lang} values={props.values} errors={props.errors} ruleSet={props.ruleSet} grantYearFixed={Boolean(roundId)} />
        <button type="submit" class="ds-button" data-variant="primary">{roundId ? t('form.save') : t('form.create')}</button>
      </form>
    </Layout>
  );
}
