import { defaultReportingDeadline, utcToOsloLocal } from '../../shared/kernel/deadlines';
import type { Call } from '../../shared/rounds/call';
import type { RuleSet } from '../../shared/rules/rule-set';
import type { RoundInput } from '../../shared/rounds/round-input';
import { CheckboxGroup, ErrorSummary, TextArea, TextField, type FieldErrors } from './form-fields';
import { textTranslator, type Language } from '../i18n';
import { roundText, type RoundTextKey } from '../messages/rounds';

/** The round form's fields as typed; a field sent twice is a list. */
export type RoundFormValues = Record<string, string | string[]>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const all = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/** Empty criterion and question rows a new form shows, so rows can be filled without JavaScript. */
export const EMPTY_ROWS = 3;

/** An instant as the form shows it: Oslo local `YYYY-MM-DDTHH:mm`. */
function osloField(instant: string): string {
  const local = utcToOsloLocal(instant);
  return `${local.date}T${local.time.slice(0, 5)}`;
}

/** A new round's form, filled from the rule set where it has a default. */
export function newRoundValues(grantYear: number, ruleSet: RuleSet): RoundFormValues {
  return {
    grantYear: String(grantYear),
    reportingDeadline: osloField(defaultReportingDeadline(grantYear, ruleSet.reportingDeadlineDefault)),
    minAmount: String(ruleSet.amounts.minPerApplication),
    maxAmount: String(ruleSet.amounts.maxPerApplication),
    scaleMin: '1',
    scaleMax: '6',
    assessorsPerApplication: '1',
    preliminaryReplyWithinDays: '30',
    instalmentsFrom: '',
    firstInstalmentPercent: '50',
    secondInstalmentAfter: 'report_approved',
    criteriaRows: String(EMPTY_ROWS),
    questionRows: '1',
  };
}

/** A stored round as the edit form shows it. */
export function roundFormValues(call: Call): RoundFormValues {
  const values: RoundFormValues = {
    'title.nb': call.title.nb, 'title.nn': call.title.nn, 'title.en': call.title.en,
    'summary.nb': call.summary.nb, 'summary.nn': call.summary.nn, 'summary.en': call.summary.en,
    grantYear: String(call.grantYear),
    opensAt: osloField(call.opensAt),
    deadline: osloField(call.deadline),
    reportingDeadline: osloField(call.reportingDeadline),
    subGoals: [...call.subGoals],
    minAmount: String(call.minAmount),
    maxAmount: String(call.maxAmount),
    scaleMin: String(call.assessment?.scale.min ?? 1),
    scaleMax: String(call.assessment?.scale.max ?? 6),
    assessorsPerApplication: String(call.assessment?.assessorsPerApplication ?? 1),
    'appealBodyName.nb': call.appealBodyName?.nb ?? '', 'appealBodyName.nn': call.appealBodyName?.nn ?? '', 'appealBodyName.en': call.appealBodyName?.en ?? '',
    decisionsExpectedBy: call.decisionsExpectedBy ?? '',
    preliminaryReplyWithinDays: String(call.preliminaryReplyWithinDays ?? 30),
    instalmentsFrom: call.payment ? String(call.payment.instalmentsFrom) : '',
    firstInstalmentPercent: String(call.payment?.firstInstalmentPercent ?? 50),
    secondInstalmentAfter: call.payment?.secondInstalmentAfter ?? 'report_approved',
    pots: (call.pots ?? []).map((pot) => pot.id),
  };
  const criteria = call.assessment?.criteria ?? [];
  criteria.forEach((criterion, i) => {
    values[`criteria.${i}.label`] = criterion.label.nb;
    values[`criteria.${i}.weight`] = String(criterion.weight);
  });
  values.criteriaRows = String(Math.max(criteria.length, EMPTY_ROWS));
  call.extraQuestions.forEach((question, i) => {
    values[`extraQuestions.${i}.label`] = question.label.nb;
    values[`extraQuestions.${i}.maxLength`] = String(question.maxLength);
    if (question.required) values[`extraQuestions.${i}.required`] = 'on';
  });
  values.questionRows = String(Math.max(call.extraQuestions.length, 1));
  for (const pot of call.pots ?? []) if (pot.setAside !== undefined) values[`potSetAside.${pot.id}`] = String(pot.setAside);
  return values;
}

/** How many rows of a repeated group the form shows. */
export function rowCount(values: RoundFormValues, name: 'criteriaRows' | 'questionRows', fallback: number): number {
  const count = Number(one(values[name]));
  return Number.isInteger(count) && count >= 1 && count <= 30 ? count : fallback;
}

/**
 * The posted fields as the round input: Bokmål with Nynorsk and English, criteria and questions
 * from their rows (a row without a label is left out), pots with what is set aside for them.
 */
export function readRoundForm(values: RoundFormValues): RoundInput {
  const text = (name: string) => ({ nb: one(values[`${name}.nb`]), nn: one(values[`${name}.nn`]), en: one(values[`${name}.en`]) });
  const criteria = [];
  for (let i = 0; i < rowCount(values, 'criteriaRows', EMPTY_ROWS); i++) {
    const label = one(values[`criteria.${i}.label`]).trim();
    if (label) criteria.push({ label, weight: one(values[`criteria.${i}.weight`]) });
  }
  const extraQuestions = [];
  for (let i = 0; i < rowCount(values, 'questionRows', 1); i++) {
    const label = one(values[`extraQuestions.${i}.label`]).trim();
    if (label) extraQuestions.push({ label, maxLength: one(values[`extraQuestions.${i}.maxLength`]) || '1000', required: one(values[`extraQuestions.${i}.required`]) !== '' });
  }
  return {
    title: text('title'),
    summary: text('summary'),
    grantYear: one(values.grantYear),
    opensAt: one(values.opensAt),
    deadline: one(values.deadline),
    reportingDeadline: one(values.reportingDeadline),
    subGoals: all(values.subGoals) as RoundInput['subGoals'],
    minAmount: one(values.minAmount),
    maxAmount: one(values.maxAmount),
    scaleMin: one(values.scaleMin),
    scaleMax: one(values.scaleMax),
    assessorsPerApplication: one(values.assessorsPerApplication),
    criteria,
    extraQuestions,
    pots: all(values.pots).map((id) => ({ id, setAside: one(values[`potSetAside.${id}`]) })),
    appealBodyName: text('appealBodyName'),
    decisionsExpectedBy: one(values.decisionsExpectedBy),
    preliminaryReplyWithinDays: one(values.preliminaryReplyWithinDays),
    instalmentsFrom: one(values.instalmentsFrom),
    firstInstalmentPercent: one(values.firstInstalmentPercent),
    secondInstalmentAfter: one(values.secondInstalmentAfter),
  };
}

/** The round form's fields (create and edit share them); the page puts them in its form. */
export function RoundFormFields(props: { lang: Language; values: RoundFormValues; errors: FieldErrors; ruleSet: RuleSet; grantYearFixed?: boolean }) {
  const { lang, values, errors, ruleSet } = props;
  const t = textTranslator(roundText, lang);
  const field = (name: string, label: string, extra: { help?: string; inputmode?: 'numeric'; size?: 'sm' | 'md' | 'lg'; type?: string } = {}) => (
    <TextField name={name} label={label} value={one(values[name])} error={errors[name]} {...extra} />
  );
  const localized = (name: 'title' | 'summary' | 'appealBodyName', long = false) =>
    (['nb', 'nn', 'en'] as const).map((language) => {
      const label = `${t(name as RoundTextKey)} (${t(`lang.${language}`)})`;
      const key = `${name}.${language}`;
      return long
        ? <TextArea name={key} label={label} value={one(values[key])} error={errors[key]} maxLength={4000} rows={4} />
        : field(key, label);
    });
  const criteriaRows = rowCount(values, 'criteriaRows', EMPTY_ROWS);
  const questionRows = rowCount(values, 'questionRows', 1);
  return (
    <>
      <ErrorSummary title={t('form.errors')} errors={errors} />
      <input type="hidden" name="criteriaRows" value={String(criteriaRows)} />
      <input type="hidden" name="questionRows" value={String(questionRows)} />
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs">{t('section.texts')}</legend>
        <p class="ds-paragraph" data-size="sm">{t('section.texts.hint')}</p>
        {localized('title')}
        {localized('summary', true)}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs">{t('section.times')}</legend>
        {props.grantYearFixed ? <input type="hidden" name="grantYear" value={one(values.grantYear)} /> : field('grantYear', t('grantYear'), { inputmode: 'numeric', size: 'sm' })}
        {field('opensAt', t('opensAt'), { help: t('times.hint'), type: 'datetime-local', size: 'md' })}
        {field('deadline', t('deadline'), { help: t('times.hint'), type: 'datetime-local', size: 'md' })}
        {field('reportingDeadline', t('reportingDeadline'), { help: t('times.hint'), type: 'datetime-local', size: 'md' })}
        {field('decisionsExpectedBy', t('decisionsExpectedBy'), { type: 'date', size: 'md' })}
        {field('preliminaryReplyWithinDays', t('preliminaryReplyWithinDays'), { inputmode: 'numeric', size: 'sm' })}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs">{t('section.scope')}</legend>
        <CheckboxGroup
          name="subGoals"
          legend={t('subGoals')}
          options={ruleSet.subGoals.map((goal) => ({ value: goal.code, label: `${goal.code}: ${goal.name[lang]}` }))}
          checked={all(values.subGoals)}
          error={errors.subGoals}
        />
        {field('minAmount', t('minAmount'), { inputmode: 'numeric', size: 'md' })}
        {field('maxAmount', t('maxAmount'), { inputmode: 'numeric', size: 'md' })}
        {ruleSet.pots.length === 0 ? null : (
          <>
            <CheckboxGroup
              name="pots"
              legend={t('pots')}
              options={ruleSet.pots.map((pot) => ({ value: pot.id, label: pot.name[lang] }))}
              checked={all(values.pots)}
              error={errors.pots}
            />
            {ruleSet.pots.map((pot) => field(`potSetAside.${pot.id}`, t('pots.setAside', { name: pot.name[lang] }), { inputmode: 'numeric', size: 'md' }))}
          </>
        )}
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs">{t('section.payment')}</legend>
        {field('instalmentsFrom', t('instalmentsFrom'), { help: t('instalmentsFrom.help'), inputmode: 'numeric', size: 'md' })}
        {field('firstInstalmentPercent', t('firstInstalmentPercent'), { inputmode: 'numeric', size: 'sm' })}
        <CheckboxGroup
          type="radio"
          name="secondInstalmentAfter"
          legend={t('secondInstalmentAfter')}
          options={[
            { value: 'report_approved', label: t('secondInstalmentAfter.report_approved') },
            { value: 'conditions_confirmed', label: t('secondInstalmentAfter.conditions_confirmed') },
          ]}
          checked={[one(values.secondInstalmentAfter) || 'report_approved']}
          error={errors.secondInstalmentAfter}
        />
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs">{t('section.assessment')}</legend>
        {field('scaleMin', t('scaleMin'), { inputmode: 'numeric', size: 'sm' })}
        {field('scaleMax', t('scaleMax'), { inputmode: 'numeric', size: 'sm' })}
        {field('assessorsPerApplication', t('assessorsPerApplication'), { inputmode: 'numeric', size: 'sm' })}
        <fieldset class="ds-fieldset" id="field-criteria" aria-describedby={errors.criteria ? 'field-criteria-error' : 'field-criteria-help'}>
          <legend class="ds-label">{t('criteria')}</legend>
          <div class="ds-paragraph field-help" data-size="sm" id="field-criteria-help">{t('criteria.hint')}</div>
          {errors.criteria ? <div class="ds-validation-message" data-color="danger" id="field-criteria-error">{errors.criteria}</div> : null}
          {Array.from({ length: criteriaRows }, (_, i) => (
            <div class="criterion-row">
              {field(`criteria.${i}.label`, t('criterion.label', { n: i + 1 }))}
              {field(`criteria.${i}.weight`, t('criterion.weight', { n: i + 1 }), { inputmode: 'numeric', size: 'sm' })}
            </div>
          ))}
          <button type="submit" class="ds-button" data-variant="secondary" name="addRow" value="criteria" formnovalidate>{t('form.addCriterion')}</button>
        </fieldset>
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs">{t('section.questions')}</legend>
        {Array.from({ length: questionRows }, (_, i) => (
          <div class="question-row">
            {field(`extraQuestions.${i}.label`, t('question.label', { n: i + 1 }))}
            {field(`extraQuestions.${i}.maxLength`, t('question.maxLength', { n: i + 1 }), { inputmode: 'numeric', size: 'sm' })}
            <div class="ds-field checkbox-field">
              <input class="ds-input" type="checkbox" id={`field-extraQuestions-${i}-required`} name={`extraQuestions.${i}.required`} value="on" checked={one(values[`extraQuestions.${i}.required`]) !== ''} />
              <label class="ds-label" data-weight="regular" for={`field-extraQuestions-${i}-required`}>{t('question.required', { n: i + 1 })}</label>
            </div>
          </div>
        ))}
        <button type="submit" class="ds-button" data-variant="secondary" name="addRow" value="questions" formnovalidate>{t('form.addQuestion')}</button>
      </fieldset>
      <fieldset class="ds-fieldset">
        <legend class="ds-heading" data-size="xs">{t('section.appeal')}</legend>
        <p class="ds-paragraph">{t('appeal.kind', { year: ruleSet.grantYear, kind: t(`appeal.${ruleSet.appealBody}`) })}</p>
        {localized('appealBodyName')}
      </fieldset>
    </>
  );
}

/** The form again with one more row of a repeated group, nothing saved. */
export function withAnotherRow(values: RoundFormValues, group: string): RoundFormValues {
  if (group === 'criteria') return { ...values, criteriaRows: String(Math.min(rowCount(values, 'criteriaRows', EMPTY_ROWS) + 1, 30)) };
  if (group === 'questions') return { ...values, questionRows: String(Math.min(rowCount(values, 'questionRows', 1) + 1, 30)) };
  return values;
}
