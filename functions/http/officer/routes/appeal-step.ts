import type { Context } from 'hono';
import { ulid } from 'ulid';
import { appealStepInputSchema } from '../../../../shared/appeals/appeal';
import { appealActions, type AppealAction } from '../../../../shared/appeals/lifecycle';
import { handleAppeal } from '../../../../shared/appeals/use-cases/handle-appeal';
import type { Application } from '../../../../shared/applications/application';
import { principalOf } from '../../common/authentication';
import { applicationIdSchema } from './case-data';
import type { OfficerEnv } from '../officer-data';
import { appealUpdateEmail } from '../../../../web/emails/appeal-emails';

/** The application of the signed-in tenant only, read consistently with its appeal: another municipality's is not found. */
export async function appealedApplicationOf(c: Context<OfficerEnv>): Promise<Application | undefined> {
  const id = applicationIdSchema.safeParse(c.req.param('applicationId'));
  const application = id.success ? await c.var.data.appeals.get(principalOf(c).tenantId, id.data) : undefined;
  return application?.appeal ? application : undefined;
}

/** The step named in a form or a body, if it is one. */
export function appealActionOf(value: unknown): AppealAction | undefined {
  return appealActions.find((action) => action === value);
}

/** The officer's step, for the page and the API alike. */
export function takeStep(c: Context<OfficerEnv>, clock: () => Date, application: Application, step: { action: AppealAction; reasons: string; forwardedOn?: string; expectedVersion: number }) {
  const input = appealStepInputSchema.parse({ reasons: step.reasons, ...(step.forwardedOn ? { forwardedOn: step.forwardedOn } : {}) });
  return handleAppeal(
    { appeals: c.var.data.appeals, clock, newId: ulid, composeUpdate: appealUpdateEmail },
    { application, action: step.action, input, actor: principalOf(c).userId, expectedVersion: step.expectedVersion },
  );
}
