import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { tenantIdSchema } from '../../../../shared/kernel/tenants';
import { addMunicipalityFormSchema, registerYearSchema, retireMunicipalityFormSchema } from '../../../../shared/national/register-forms';
import { NotInRegisterError } from '../../../../shared/national/register-errors';
import { osloYearOf, registerOfYear } from '../../../../shared/national/register';
import { addManagingMunicipality } from '../../../../shared/national/use-cases/add-managing-municipality';
import { retireManagingMunicipality } from '../../../../shared/national/use-cases/retire-managing-municipality';
import { NationalRegisterPage, registerPath, retireField, type RegisterFormState } from '../../../../web/pages/national-register-page';
import type { AppEnv } from '../../common/app-env';
import { principalOf } from '../../common/authentication';
import { formRoute, single, type FormState, type FormStatus, type FormValues } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import { validationProblem } from '../../common/validation-problem';
import type { RegisterData } from './register-api';

/** The year in the query, or this year in Oslo when there is none or it is not one the register takes. */
function yearOf(c: Context<AppEnv>, data: RegisterData): number {
  const parsed = registerYearSchema.safeParse(c.req.query('year') ?? '');
  return parsed.success ? parsed.data : osloYearOf(data.clock());
}

function textValues(values: FormValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'csrf').map(([name, value]) => [name, single(value)]));
}

/**
 * IMDi's register page and its two forms. The forms are cookie-authenticated posts, protected as
 * every signed-in form is: the app refuses a post from another origin (`sameOriginForms`) and the
 * session cookie is SameSite. A refused post shows the page again with the error by its field and
 * what was typed; a done one answers 303 back to the year's register.
 */
export function registerRoutes(data: RegisterData) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem() });

  async function render(c: Context<AppEnv>, state: RegisterFormState | undefined, status: 200 | FormStatus = 200) {
    const year = yearOf(c, data);
    const [tenants, page] = await Promise.all([
      data.tenants.list(),
      signedInPage(c, 'national', async (tenantId) => (await data.tenants.getProfile(tenantId))?.name),
    ]);
    const done = c.req.query('done');
    return c.html(
      <NationalRegisterPage
        page={page} year={year} lines={registerOfYear(tenants, year)} state={state}
        done={status === 200 && (done === 'added' || done === 'retired') ? done : undefined}
      />,
      status,
    );
  }

  app.get('/national/register', (c) => render(c, undefined));

  app.post(
    '/national/register/municipalities',
    ...formRoute<AppEnv, { kommunenummer: string; name: string; contactEmail: string; fromYear: number }>({
      schema: () => addMunicipalityFormSchema,
      read: (form) => textValues(form.values),
      render: (c, state: FormState, status) => render(c, { form: 'add', values: textValues(state.values), errors: state.errors, formError: state.formError }, status),
      act: async (c, input) => {
        await addManagingMunicipality(data, { ...input, actor: principalOf(c).userId });
        return `${registerPath(input.fromYear)}&done=added`;
      },
    }),
  );

  /** The row's tenant id from the path; one that cannot be a tenant's is not in the register (404). */
  const rowOf = (c: Context<AppEnv>) => {
    const tenantId = tenantIdSchema.safeParse(c.req.param('tenantId'));
    if (!tenantId.success) throw new NotInRegisterError(c.req.param('tenantId') ?? '');
    return tenantId.data;
  };

  app.post(
    '/national/register/municipalities/:tenantId/retirement',
    ...formRoute<AppEnv, { fromYear: number }>({
      schema: () => retireMunicipalityFormSchema,
      read: (form) => textValues(form.values),
      render: (c, state: FormState, status) => {
        const field = retireField(rowOf(c));
        const errors = Object.fromEntries(Object.entries(state.errors).map(([name, message]) => [name === 'fromYear' ? field : name, message]));
        return render(c, { form: 'retire', tenantId: rowOf(c), values: textValues(state.values), errors, formError: state.formError }, status);
      },
      act: async (c, input) => {
        await retireManagingMunicipality(data, { tenantId: rowOf(c), fromYear: input.fromYear, actor: principalOf(c).userId });
        return `${registerPath(yearOf(c, data))}&done=retired`;
      },
    }),
  );

  return app;
}
