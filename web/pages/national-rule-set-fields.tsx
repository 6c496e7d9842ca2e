import type { Child } from 'hono/jsx';
import { locales } from '../../shared/kernel/i18n';
import { roundingModes } from '../../shared/kernel/fraction';
import { appealBodies, unspentFundsPolicies, waivableRules } from '../../shared/rules/rule-set';
import { subGoalCodes } from '../../shared/rules/sub-goals';
import { Checkbox, CheckboxGroup, fieldId, TextField, type FieldErrors } from '../components/form-fields';
import { languageNames, textTranslator, type Language } from '../i18n';
import { ruleSetText, type RuleSetTextKey } from '../messages/rule-set';

/** The form's fields as typed (or as filled from the current version); a field sent twice is a list. */
export type RuleSetFormValues = Record<string, string | string[]>;

interface FieldsProps {
  lang: Language;
  values: RuleSetFormValues;
  errors: FieldErrors;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const all = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/** A fieldset with a legend, an optional hint and the error of the group as a whole. */
function Group(props: { name: string; legend: string; hint?: string; error?: string; children: Child }) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-help` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="ds-fieldset rule-set-group" id={id} aria-describedby={described} aria-invalid={props.error ? 'true' : undefined}>
      <legend class="ds-heading" data-size="xs">{props.legend}</legend>
      {props.hint ? <div class="ds-paragraph field-help" data-size="sm" id={`${id}-help`}>{props.hint}</div> : null}
      {props.error ? <div class="ds-validation-message" data-color="danger" id={`${id}-error`}>{props.error}</div> : null}
      {props.children}
    </fieldset>
  );
}

/** Every field of the rule set, each with a hint that says what it does. */
export function RuleSetFields(props: FieldsProps) {
  const { lang, values, errors } = props;
  const t = textTranslator(ruleSetText, lang);
  const text = (name: string, label: string, hint?: string, extra: { inputmode?: 'numeric'; size?: 'sm' | 'md' | 'lg' } = {}) => (
    <TextField name={name} label={label} help={hint} value={one(values[name])} error={errors[name]} {...extra} />
  );
  const number = (name: string, label: string, hint?: string) => text(name, label, hint, { inputmode: 'numeric', size: 'sm' });
  const choice = (name: string, options: readonly string[], prefix: string, hintKey?: RuleSetTextKey) => (
    <CheckboxGroup
      type="radio"
      name={name}
      legend={t(name as RuleSetTextKey)}
      help={hintKey ? t(hintKey) : undefined}
      options={options.map((option) => ({ value: option, label: t(`${prefix}.${option}` as RuleSetTextKey) }))}
      checked={[one(values[name])]}
      error={errors[name]}
    />
  );
  const potIndexes = Object.keys(values).filter((name) => /^pots\.\d+\.id$/.test(name)).map((name) => Number(name.split('.')[1]));

  return (
    <>
      <Group name="regulation" legend={t('section.regulation')}>
        {text('regulation.reference', t('regulation.reference'), t('regulation.reference.hint'))}
        {locales.map((l) => text(`regulation.title.${l}`, t('regulation.title', { language: languageNames[l] })))}
      </Group>

      <Group name="split" legend={t('section.split')}>
        {number('municipalShare', t('municipalShare'), t('municipalShare.hint'))}
        {choice('splitRounding', roundingModes, 'rounding', 'splitRounding.hint')}
        {number('adminCostCap.rate', t('adminCostCap.rate'), t('adminCostCap.rate.hint'))}
        <CheckboxGroup
          type="radio"
          name="adminCostCap.rounding"
          legend={t('adminCostCap.rounding')}
          help={t('adminCostCap.rounding.hint')}
          options={roundingModes.map((mode) => ({ value: mode, label: t(`rounding.${mode}`) }))}
          checked={[one(values['adminCostCap.rounding'])]}
          error={errors['adminCostCap.rounding']}
        />
      </Group>

      <Group name="subGoals" legend={t('section.subGoals')} hint={t('subGoals.hint')} error={errors.subGoals}>
        {subGoalCodes.map((code) => (
          <div class="rule-set-sub-goal">
            <Checkbox
              name={`subGoals.${code}.included`}
              value="on"
              label={t('subGoal.included', { code, name: one(values[`subGoals.${code}.name.${lang}`]) })}
              checked={one(values[`subGoals.${code}.included`]) === 'on'}
              error={errors[`subGoals.${code}`]}
            />
            {number(`subGoals.${code}.advisoryShare`, t('subGoal.share', { code }))}
            <input type="hidden" name={`subGoals.${code}.operatingGrant`} value={one(values[`subGoals.${code}.operatingGrant`])} />
            {locales.map((l) => <input type="hidden" name={`subGoals.${code}.name.${l}`} value={one(values[`subGoals.${code}.name.${l}`])} />)}
          </div>
        ))}
      </Group>

      <Group name="amounts" legend={t('section.amounts')}>
        {number('amounts.minPerApplication', t('amounts.minPerApplication'), t('amounts.minPerApplication.hint'))}
        {number('amounts.maxPerApplication', t('amounts.maxPerApplication'), t('amounts.maxPerApplication.hint'))}
        {number('auditThreshold', t('auditThreshold'), t('auditThreshold.hint'))}
      </Group>

      <Group name="operatingGrant" legend={t('section.operatingGrant')}>
        {number('operatingGrant.minYearsInOperation', t('operatingGrant.minYearsInOperation'), t('operatingGrant.minYearsInOperation.hint'))}
        {number('operatingGrant.minCountedMembers', t('operatingGrant.minCountedMembers'), t('operatingGrant.minCountedMembers.hint'))}
        {text('eligibleOrganisationForms', t('eligibleOrganisationForms'), t('eligibleOrganisationForms.hint'), { size: 'md' })}
      </Group>

      <Group name="deadlines" legend={t('section.deadlines')}>
        {number('appealDeadlineWeeks', t('appealDeadlineWeeks'), t('appealDeadlineWeeks.hint'))}
        {number('acceptanceWeeks', t('acceptanceWeeks'), t('acceptanceWeeks.hint'))}
        {choice('appealBody', appealBodies, 'appealBody', 'appealBody.hint')}
        <Group name="reportingDeadlineDefault" legend={t('reportingDeadline')} hint={t('reportingDeadline.hint')} error={errors.reportingDeadlineDefault}>
          {number('reportingDeadlineDefault.day', t('reportingDeadline.day'))}
          {number('reportingDeadlineDefault.month', t('reportingDeadline.month'))}
        </Group>
      </Group>

      <Group name="pots" legend={t('section.pots')} error={errors.pots}>
        {potIndexes.length === 0 ? <p class="ds-paragraph">{t('pots.none')}</p> : null}
        {potIndexes.map((i) => (
          <Group name={`pots.${i}`} legend={one(values[`pots.${i}.name.${lang}`]) || one(values[`pots.${i}.id`])}>
            <input type="hidden" name={`pots.${i}.id`} value={one(values[`pots.${i}.id`])} />
            {locales.map((l) => <input type="hidden" name={`pots.${i}.name.${l}`} value={one(values[`pots.${i}.name.${l}`])} />)}
            {number(`pots.${i}.maxAmount`, t('pot.maxAmount'))}
            {number(`pots.${i}.eligibility.maxYearsSinceFounded`, t('pot.maxYears'), t('pot.maxYears.hint'))}
            <CheckboxGroup
              name={`pots.${i}.waives`}
              legend={t('pot.waives')}
              options={waivableRules.map((rule) => ({ value: rule, label: t(`waives.${rule}`) }))}
              checked={all(values[`pots.${i}.waives`])}
              error={errors[`pots.${i}.waives`]}
            />
          </Group>
        ))}
      </Group>

      {choice('unspentFunds', unspentFundsPolicies, 'unspentFunds', 'unspentFunds.hint')}
    </>
  );
}
