import type { MiddlewareHandler } from 'hono';
import { can, type OfficerPermission } from '../../../shared/officers/permissions';
import { sharedContext } from '../common/app-env';
import { principalOf } from '../common/authentication';
import { refusal } from '../common/error-handling';
import type { OfficerEnv } from './officer-data';

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
