import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../../../shared/kernel/ports';
import { sharedContext } from '../common/app-env';
import { principalOf } from '../common/authentication';
import type { OfficerEnv } from './officer-data';

/**
 * Records the signed-in user in the tenant's staff directory (user id, the token's name, roles,
 * last seen), at most once a day per user: the store skips a user already recorded that Oslo day.
 * Whether they signed in through the browser or call the API with a token, caseworkers and
 * assessors can then be picked by name. A failed write is logged and never fails the request.
 */
export function recordStaffMember(clock: Clock): MiddlewareHandler<OfficerEnv> {
  return async (c, next) => {
    const principal = principalOf(c);
    try {
      await c.var.data.staff.record(principal.tenantId, {
        userId: principal.userId,
        ...(principal.name ? { name: principal.name } : {}),
        roles: principal.roles.filter((role) => role !== 'national-admin'),
        lastSeenAt: clock().toISOString(),
      });
    } catch (error) {
      sharedContext(c).get('logger').log('warn', 'staff directory not updated', { errorName: (error as Error).name });
    }
    await next();
  };
}
