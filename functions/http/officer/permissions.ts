import type { MiddlewareHandler } from 'hono';
import { ActorRecusedError } from '../../../shared/applications/errors';
import { can, type OfficerPermission } from '../../../shared/officers/permissions';
import { sharedContext } from '../common/app-env';
import { principalOf } from '../common/authentication';
import { problem } from '../common/problem';
import { refusal } from '../common/error-handling';
import type { OfficerEnv } from './officer-data';
import { applicationIdSchema } from './routes/case-data';

/**
 * Lets a request through only when the token's roles give `permission`; anyone else gets 403
 * (problem+json from the API, the error page otherwise) before the request is read. Every officer
 * route that changes something names its permission here, so the rule is in one table
 * (`shared/officers/permissions.ts`), not in each handler.
 */
export function requirePermission(permission: OfficerPermission): MiddlewareHandler<OfficerEnv> {
  return async (c, next) => {
    if (!can(principalOf(c).roles, permission)) return refusal(sharedContext(c), 403);
    await next();
  };
}

/**
 * Refuses (403) a change to a case by a user who declared a conflict of interest in it (fvl. § 6),
 * before the request body is read, so a recused user learns nothing from validation either. The
 * use cases check the same again inside their transactions; this is where every such route meets
 * the rule in one place. Reading is not refused: a recused user may still see the case.
 */
export function refuseRecused(): MiddlewareHandler<OfficerEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const { tenantId, userId } = principalOf(c);
    const id = applicationIdSchema.safeParse(c.req.param('applicationId'));
    const application = id.success ? await c.var.data.applications.get(tenantId, id.data) : undefined;
    if (application?.recusedUserIds?.includes(userId)) throw new ActorRecusedError();
    await next();
  };
}

/**
 * Answers 404 to a change naming a round or an application the signed-in municipality does not
 * have, before the body is validated: a 400 about the body would otherwise tell another
 * municipality's officer that the id exists. Reads pass; their handlers answer 404 themselves.
 */
export function refuseUnknownIds(): MiddlewareHandler<OfficerEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const { tenantId } = principalOf(c);
    const roundId = c.req.param('roundId');
    const applicationId = c.req.param('applicationId');
    const applicationKey = applicationId === undefined ? undefined : applicationIdSchema.safeParse(applicationId);
    const found =
      roundId !== undefined
        ? await c.var.data.calls.get(tenantId, roundId)
        : applicationKey?.success
          ? await c.var.data.applications.get(tenantId, applicationKey.data)
          : undefined;
    if (!found) return problem(c, 404);
    await next();
  };
}
