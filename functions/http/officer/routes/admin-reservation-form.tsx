import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../../../shared/kernel/errors';
import { formatKroner, kroner, parseKroner, type Kroner } from '../../../../shared/kernel/money';
import type { Clock } from '../../../../shared/kernel/ports';
import { setAdminReservation } from '../../../../shared/national/use-cases/set-admin-reservation';
import { reservationCeiling } from '../../../../web/components/admin-reservation-form';
import { textTranslator } from '../../../../web/i18n';
import { budgetText } from '../../../../web/messages/budget';
import { principalOf } from '../../common/authentication';
import { notFound } from '../../common/error-handling';
import { FormRejection, formRoute, single, type FormStatus } from '../../common/form-cycle';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { renderWorkspace } from './workspace';

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const fields = z.object({ amount: z.string().max(100) });

/** Only the municipality's admin sets the reservation; anyone else is refused before the form is read. */
const adminOnly = requirePermission('budget.reserve_admin');

/**
 * The admin reservation form on the start page: the municipality's admin posts the year's
 * reservation in whole kroner; a refusal is shown by the field in the user's language with what
 * was typed, and a saved reservation goes back to the start page (303) with a confirmation.
 */
export function adminReservationRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();
  const yearOf = (c: Context<OfficerEnv>) => yearSchema.safeParse(c.req.param('year')).data;

  /** The budget rule's refusal as the field's message, with the amounts as they stand now. */
  async function refusalOf(c: Context<OfficerEnv>, year: number, error: DomainError): Promise<FormRejection | undefined> {
    const lang = c.var.lang;
    const tr = textTranslator(budgetText, lang);
    const kr = (amount: number) => formatKroner(kroner(amount) as Kroner, lang);
    const reject = (message: string, status: FormStatus) => new FormRejection({ amount: message }, status);
    switch (error.code) {
      case 'budget.admin_cap_exceeded':
        return reject(tr('reservation.aboveCap', { cap: kr(Number(error.details.cap)) }), 422);
      case 'budget.insufficient_funds': {
        const position = await c.var.data.budget.get(principalOf(c).tenantId, year);
        return reject(tr('reservation.aboveAvailable', { max: kr(position ? reservationCeiling(position) : 0) }), 422);
      }
      case 'budget.not_open':
        return reject(tr('reservation.notOpen', { year }), 422);
      case 'budget.year_closed':
        return reject(tr('reservation.closed', { year }), 409);
      case 'budget.changed_meanwhile':
      case 'application.concurrent_change':
        return reject(tr('reservation.changedMeanwhile'), 409);
      case 'budget.invalid_amount':
        return reject(error.messages[lang], 422);
      default:
        return undefined;
    }
  }

  app.post(
    '/officer/budget/:year/admin-reservation',
    adminOnly,
    ...formRoute<OfficerEnv, z.infer<typeof fields>>({
      schema: () => fields,
      read: (form) => ({ amount: single(form.values.amount) }),
      render: (c, state, status) => {
        const year = yearOf(c);
        if (year === undefined) return notFound(c);
        const values = Object.fromEntries(Object.entries(state.values).map(([name, value]) => [name, single(value)]));
        return renderWorkspace(c, clock, { grantYear: year, state: { values, errors: state.errors, ...(state.formError ? { formError: state.formError } : {}) } }, status);
      },
      act: async (c, input) => {
        const year = yearOf(c);
        if (year === undefined) return notFound(c);
        const amount = parseKroner(input.amount);
        if (!amount.ok) throw new FormRejection({ amount: amount.error.messages[c.var.lang] });
        try {
          const { tenantId, userId } = principalOf(c);
          await setAdminReservation({ budget: c.var.data.budget }, { tenantId, grantYear: year, amount: amount.value, actor: userId });
        } catch (error) {
          const rejection = error instanceof DomainError ? await refusalOf(c, year, error) : undefined;
          throw rejection ?? error;
        }
        return `/officer?year=${year}&reservation=saved#reservation-heading`;
      },
    }),
  );

  return app;
}
