import type { Assessment } from '../../shared/assessments/assessment';
import { weightedScore } from '../../shared/assessments/scores';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { fractionToDecimalString, fraction, roundFraction } from '../../shared/kernel/fraction';
import type { RoundAssessment } from '../../shared/rounds/call';
import { textTranslator, type Language } from '../i18n';
import { assessmentText } from '../messages/assessment';
import { DataTable } from './data-table';
import { Alert, CheckboxGroup, ErrorSummary, TextArea, TextField, type FieldErrors } from './form-fields';

/** A form's values and errors as the page is shown again with them. */
export interface AssessmentFormState {
  readonly values: Record<string, string>;
  readonly errors: FieldErrors;
  readonly formError?: string;
}

/** The longest recusal reason and note, as the inputs limit them. */
const REASON_MAX = 1000;
const NOTE_MAX = 2000;

/** Where the assessment's forms post. */
export function assessmentPath(applicationId: string, step?: 'declaration' | 'submission'): string {
  return `/officer/applications/${encodeURIComponent(applicationId)}/assessment${step ? `/${step}` : ''}`;
}

/** A score to two decimals, half-up, for display. */
export function twoDecimals(value: ReturnType<typeof weightedScore>, lang: Language): string {
  const hundredths = roundFraction(fraction(value.numerator * 100n, value.denominator), 'half-up');
  const text = fractionToDecimalString(fraction(hundredths, 100n), 2);
  return lang === 'en' ? text : text.replace('.', ',');
}

/** The declaration (fvl. § 6): impartial, or recused with the reason. */
export function DeclarationForm(props: { lang: Language; applicationId: string; state?: AssessmentFormState }) {
  const tr = textTranslator(assessmentText, props.lang);
  const values = props.state?.values ?? {};
  const errors = props.state?.errors ?? {};
  return (
    <form method="post" action={assessmentPath(props.applicationId, 'declaration')} novalidate>
      {props.state?.formError && !Object.values(errors).some(Boolean) ? <Alert color="danger">{props.state.formError}</Alert> : null}
      <ErrorSummary title={tr('declaration.errors')} errors={errors} />
      <CheckboxGroup
        type="radio"
        name="declaration"
        legend={tr('declaration.legend')}
        options={[
          { value: 'impartial', label: tr('declaration.impartial') },
          { value: 'recused', label: tr('declaration.recused') },
        ]}
        checked={values.declaration ? [values.declaration] : []}
        error={errors.declaration}
      />
      <TextArea name="reason" label={tr('declaration.reason')} help={tr('declaration.reason.help')} value={values.reason} error={errors.reason} maxLength={REASON_MAX} rows={3} />
      <button type="submit" class="ds-button" data-variant="primary">
        {tr('declaration.submit')}
      </button>
    </form>
  );
}

/** The score form: one score and one note per criterion of the round, saved as a draft or submitted. */
export function ScoreForm(props: { lang: Language; applicationId: string; round: RoundAssessment; own: Assessment; state?: AssessmentFormState; saved?: boolean }) {
  const { lang, round, own } = props;
  const tr = textTranslator(assessmentText, lang);
  const { min, max } = round.scale;
  const stored = Object.fromEntries(
    own.scores.flatMap((score) => [
      [`scores.${score.criterionId}.score`, score.score === undefined ? '' : String(score.score)],
      [`scores.${score.criterionId}.note`, score.note],
    ]),
  );
  const values: Record<string, string> = props.state?.values ?? { ...stored, version: String(own.version) };
  const errors = props.state?.errors ?? {};
  const steps = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  return (
    <form method="post" action={assessmentPath(props.applicationId)} novalidate>
      {props.saved ? <Alert color="success">{tr('scores.saved')}</Alert> : null}
      {props.state?.formError ? <Alert color="danger">{props.state.formError}</Alert> : null}
      <ErrorSummary title={tr('scores.errors')} errors={errors} />
      <p class="ds-paragraph">{tr('scores.lead', { min, max })}</p>
      <input type="hidden" name="version" value={values.version ?? String(own.version)} />
      {round.criteria.map((criterion) => {
        const score = `scores.${criterion.id}.score`;
        const note = `scores.${criterion.id}.note`;
        const heading = tr('scores.criterion', { label: criterion.label[lang], weight: criterion.weight });
        return (
          <fieldset class="ds-fieldset criterion">
            <legend class="ds-heading" data-size="xs">
              {heading}
            </legend>
            {steps.length <= 11 ? (
              <CheckboxGroup
                type="radio"
                name={score}
                legend={tr('scores.score')}
                options={steps.map((step) => ({ value: step, label: step }))}
                checked={values[score] ? [values[score]] : []}
                error={errors[score]}
              />
            ) : (
              <TextField name={score} label={tr('scores.score')} value={values[score]} error={errors[score]} inputmode="numeric" size="sm" />
            )}
            <TextArea name={note} label={tr('scores.note')} value={values[note]} error={errors[note]} maxLength={NOTE_MAX} rows={3} />
          </fieldset>
        );
      })}
      <div class="button-row">
        <button type="submit" class="ds-button" data-variant="secondary">
          {tr('scores.save')}
        </button>
        <button type="submit" class="ds-button" data-variant="primary" formaction={assessmentPath(props.applicationId, 'submission')}>
          {tr('scores.submit')}
        </button>
      </div>
    </form>
  );
}

/** Submitted assessments, each with its weighted score, the scores and notes; and the recusals. */
export function SubmittedAssessments(props: { lang: Language; round: RoundAssessment; submitted: readonly Assessment[]; viewerId: string }) {
  const { lang, round } = props;
  const tr = textTranslator(assessmentText, lang);
  return (
    <>
      {props.submitted.map((assessment) => {
        const name = assessment.name ?? assessment.userId;
        const rows = round.criteria.map((criterion) => ({ criterion, score: assessment.scores.find((each) => each.criterionId === criterion.id) }));
        const weighted = weightedScore(rows.flatMap(({ criterion, score }) => (score?.score === undefined ? [] : [{ weight: criterion.weight, score: score.score }])));
        return (
          <article class="assessment-card" aria-label={tr('submitted.by', { name, at: formatDateTime(assessment.submittedAt!, lang) })}>
            <h3 class="ds-heading" data-size="xs">
              {tr('submitted.by', { name, at: formatDateTime(assessment.submittedAt!, lang) })}
            </h3>
            <p class="ds-paragraph">{tr('submitted.weighted', { score: twoDecimals(weighted, lang) })}</p>
            <DataTable
              caption={tr('submitted.caption', { name })}
              captionHidden
              size="sm"
              rows={rows}
              columns={[
                { header: tr('scores.criterionColumn'), cell: ({ criterion }) => tr('scores.criterion', { label: criterion.label[lang], weight: criterion.weight }) },
                { header: tr('scores.score'), cell: ({ score }) => (score?.score === undefined ? '–' : String(score.score)) },
                { header: tr('scores.note'), cell: ({ score }) => score?.note ?? '' },
              ]}
            />
          </article>
        );
      })}
    </>
  );
}

/** Who recused themselves, when and why. */
export function Recusals(props: { lang: Language; recusals: readonly Assessment[] }) {
  const tr = textTranslator(assessmentText, props.lang);
  if (props.recusals.length === 0) return null;
  return (
    <>
      <h3 class="ds-heading" data-size="xs">
        {tr('recusals.heading')}
      </h3>
      <ul class="ds-list">
        {props.recusals.map((each) =>
          each.declaration.kind === 'recused' ? (
            <li>{tr('recusals.item', { name: each.name ?? each.userId, at: formatDateTime(each.declaration.declaredAt, props.lang), reason: each.declaration.reason })}</li>
          ) : null,
        )}
      </ul>
    </>
  );
}
