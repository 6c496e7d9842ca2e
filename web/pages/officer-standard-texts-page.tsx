import { decisionOutcomes } from '../../shared/decisions/decision';
import { MAX_TEXT_LENGTH } from '../../shared/decisions/standard-texts';
import { textTranslator } from '../i18n';
import { Alert, Checkbox, ErrorSummary, TextArea, type FieldErrors } from '../components/form-fields';
import { Section } from '../components/section';
import { Layout, type PageContext } from '../layout';
import { recommendationText } from '../messages/recommendation';

/** Where the standard texts are kept. */
export const standardTextsPath = '/officer/standard-texts';

/** One row of the form: an existing text (with its id) or an empty slot for a new one. */
export interface StandardTextRow {
  readonly id?: string;
  readonly outcome: (typeof decisionOutcomes)[number];
  readonly nb: string;
  readonly nn: string;
  readonly en: string;
  readonly remove?: boolean;
}

/**
 * The municipality's standard reason texts: per outcome, each text in the three languages, with a
 * box to remove it and one empty text to add. Fields are numbered (`nb.3`), so the posted form
 * maps back to its rows; the list is saved whole, guarded by the version it was read at.
 */
export function OfficerStandardTextsPage(props: {
  page: PageContext;
  rows: readonly StandardTextRow[];
  version: number;
  errors?: FieldErrors;
  formError?: string;
  saved?: boolean;
}) {
  const { page, rows, version } = props;
  const tr = textTranslator(recommendationText, page.lang);
  const errors = props.errors ?? {};
  return (
    <Layout page={page} title={tr('texts.title')}>
      <p class="ds-paragraph">
        <a class="ds-link" href="/officer">
          {page.t('officer.round.back')}
        </a>
      </p>
      <h1 class="ds-heading" data-size="xl">
        {tr('texts.title')}
      </h1>
      <p class="ds-paragraph">{tr('texts.lead')}</p>
      {props.saved ? (
        <Alert color="success">
          <p class="ds-paragraph">{tr('texts.saved')}</p>
        </Alert>
      ) : null}
      {version === 0 && !props.formError ? <p class="ds-paragraph">{tr('texts.defaults')}</p> : null}
      {props.formError ? (
        <Alert color="danger">
          <p class="ds-paragraph">{props.formError}</p>
        </Alert>
      ) : null}
      <ErrorSummary title={tr('texts.errors')} errors={errors} />
      <form method="post" action={standardTextsPath} class="stack" novalidate>
        <input type="hidden" name="version" value={String(version)} />
        {decisionOutcomes.map((outcome) => {
          const ofOutcome = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.outcome === outcome);
          let number = 0;
          return (
            <Section id={`texts-${outcome}`} heading={tr('texts.outcome', { outcome: tr(`outcome.${outcome}`) })}>
              {errors[`outcome.${outcome}`] ? (
                <p class="ds-validation-message" data-color="danger" id={`field-outcome-${outcome}`}>
                  {errors[`outcome.${outcome}`]}
                </p>
              ) : null}
              {ofOutcome.map(({ row, index }) => {
                number += 1;
                return (
                  <fieldset class="ds-fieldset review-section">
                    <legend class="ds-label">{row.id ? tr('texts.text', { number }) : tr('texts.new')}</legend>
                    {row.id ? <input type="hidden" name={`id.${index}`} value={row.id} /> : null}
                    <input type="hidden" name={`outcome.${index}`} value={outcome} />
                    {(['nb', 'nn', 'en'] as const).map((language) => (
                      <TextArea name={`${language}.${index}`} label={`${tr(`texts.${language}`)} (${row.id ? tr('texts.text', { number }) : tr('texts.new')}, ${tr(`outcome.${outcome}`)})`} value={row[language]} error={errors[`${language}.${index}`]} maxLength={MAX_TEXT_LENGTH} rows={3} />
                    ))}
                    {row.id ? <Checkbox name={`remove.${index}`} value="1" label={tr('texts.remove')} checked={row.remove} /> : null}
                  </fieldset>
                );
              })}
            </Section>
          );
        })}
        <div>
          <button type="submit" class="ds-button" data-variant="primary">
            {tr('texts.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
