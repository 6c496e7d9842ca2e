import { Hono, type Context } from 'hono';
import { NATIONAL_TENANT_ID } from '../../../../shared/kernel/tenants';
import { UnknownGrantYearError } from '../../../../shared/rules/rule-set-for';
import { saveRuleSet } from '../../../../shared/rules/use-cases/save-rule-set';
import type { FieldErrors } from '../../../../web/components/form-fields';
import { textTranslator } from '../../../../web/i18n';
import { ruleSetText, type RuleSetTextKey } from '../../../../web/messages/rule-set';
import { NationalRuleSetPage } from '../../../../web/pages/national-rule-set-page';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { formRoute, type FormState, type FormStatus, type FormValues } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import { formFieldOf, formValuesOf, ruleSetFromForm } from '../rule-set-form';
import type { OverviewData } from './overview';
import { ruleSetEditSchema, type RuleSetsData } from './rule-sets-api';

/** What the rule-set page reads, besides the rules: the signed-in user's organisation name. */
export type RuleSetPageData = RuleSetsData & { tenants: Pick<OverviewData['tenants'], 'getProfile'> };

/** The kind of entry each field takes, for a specific message where the schema only says "not valid". */
function formatOf(field: string): RuleSetTextKey {
  if (/(^municipalShare|\.rate|advisoryShare)$/.test(field)) return 'error.percent';
  if (/(^amounts\.|^auditThreshold$|\.maxAmount$)/.test(field)) return 'error.kroner';
  if (/^(splitRounding|adminCostCap\.rounding|appealBody|unspentFunds)$/.test(field)) return 'error.choose';
  if (/^(regulation|eligibleOrganisationForms)/.test(field)) return 'error.text';
  if (field === 'acceptanceWeeks') return 'error.acceptanceWeeks';
  return 'error.number';
}

/** The schema's errors under the form's field names, a bare "not valid" replaced by what the field takes. */
function formErrors(c: Context<AppEnv>, errors: FieldErrors, values: FormValues): FieldErrors {
  const t = textTranslator(ruleSetText, c.var.lang);
  const generic = c.var.t('error.field.invalid');
  const shown: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = formFieldOf(path.replace(/^eligibleOrganisationForms\.\d+$/, 'eligibleOrganisationForms'), values);
    shown[field] ??= message === generic || message === undefined ? t(formatOf(field)) : message;
  }
  return shown;
}

function grantYearOf(c: Context<AppEnv>): number | undefined {
  const year = Number(c.req.param('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/** IMDi's page for a year's national rules: the form, the lock and the history of versions. */
export function ruleSetPageRoutes(data: RuleSetPageData) {
  const app = new Hono<AppEnv>();
  const tenantName = async (tenantId: Parameters<RuleSetPageData['tenants']['getProfile']>[0]) => (await data.tenants.getProfile(tenantId))?.name;

  const render = async (c: Context<AppEnv>, grantYear: number, state: FormState | undefined, status: 200 | FormStatus) => {
    const versions = await data.ruleSets.versions(grantYear);
    const current = versions.at(-1);
    // A year without rules yet (the code defaults end in 2027) starts from the year before's, as version 1.
    const template = current ? undefined : await data.ruleSets.current(grantYear - 1).catch((error: unknown) => {
      if (error instanceof UnknownGrantYearError) return undefined;
      throw error;
    });
    if (!current && !template) return notFound(c);
    const page = await signedInPage(c, 'national', tenantName);
    // After "changed meanwhile" the typed values stay, now based on the version that is current,
    // so the next save goes through once the user has looked at it.
    const basis = current ?? { ruleSet: { ...template!.ruleSet, grantYear }, version: 0 };
    const values = state ? { ...state.values, ...(status === 409 ? { basedOnVersion: String(basis.version) } : {}) } : formValuesOf(basis.ruleSet, basis.version, c.var.lang);
    const saved = Number(c.req.query('saved')) || undefined;
    return c.html(
      <NationalRuleSetPage
        page={page}
        grantYear={grantYear}
        current={current}
        versions={versions}
        values={values}
        errors={state ? formErrors(c, state.errors, state.values) : {}}
        formError={state?.formError}
        saved={state ? undefined : saved}
      />,
      status,
    );
  };

  app.get('/national/years/:year/rules', async (c) => {
    const year = grantYearOf(c);
    return year === undefined ? notFound(c) : render(c, year, undefined, 200);
  });

  app.post(
    '/national/years/:year/rules',
    ...formRoute<AppEnv, ReturnType<typeof ruleSetEditSchema.parse>>({
      schema: () => ruleSetEditSchema,
      read: ({ values }, c) => ruleSetFromForm(values, grantYearOf(c) ?? 0),
      render: (c, state, status) => render(c, grantYearOf(c) ?? 0, state, status),
      act: async (c, input) => {
        const year = grantYearOf(c);
        if (year === undefined) return notFound(c);
        const { basedOnVersion, ...ruleSet } = input;
        const { userId } = principalOf(c);
        const saved = await saveRuleSet(
          { ruleSets: data.ruleSetRepository, clock: data.clock, newId: data.newId },
          { grantYear: year, ruleSet, basedOnVersion, by: { userId, tenantId: NATIONAL_TENANT_ID } },
        );
        return `/national/years/${year}/rules?saved=${saved.version}`;
      },
    }),
  );

  return app;
}
