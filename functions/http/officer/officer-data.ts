import type { MiddlewareHandler } from 'hono';
import type { ApplicationRepository } from '../../../shared/applications/ports';
import type { TenantId } from '../../../shared/kernel/tenants';
import type { BudgetRepository, TenantRepository } from '../../../shared/national/ports';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { DecisionRepository } from '../../../shared/decisions/ports';
import type { RuleSets } from '../../../shared/rules/ports';
import type { AppVariables } from '../common/app-env';
import { principalOf } from '../common/authentication';

/** The repositories the officer routes read, as one tenant may see them. */
export interface OfficerData {
  readonly calls: Pick<CallRepository, 'listByTenant' | 'get'>;
  /** The round's received applications, for the round page. */
  readonly applications: Pick<ApplicationRepository, 'listSubmittedByRound'>;
  /** Only `getProfile`: the officer role may not read the national register. */
  readonly tenants: Pick<TenantRepository, 'getProfile'>;
  /** The tenant's own budget positions and frame history; the admin reservation is the only change made here. */
  readonly budget: Pick<BudgetRepository, 'get' | 'change' | 'frameHistory'>;
  /** Reading cases and signing their decisions (with the award against the budget). */
  readonly decisions: DecisionRepository;
  /** The rule-set version a round was created under, for the letter's appeal rules. */
  readonly roundRules: Pick<RuleSets, 'version'>;
}

/** The officer app's request context: the shared variables and the signed-in tenant's data. */
export interface OfficerEnv {
  Variables: AppVariables & { data: OfficerData };
}

/**
 * Puts the signed-in tenant's repositories on the request, after the guard has verified who it
 * is. Routes read data only from here, so what one request can reach is decided in one place
 * (and in AWS can be narrowed to credentials scoped to the tenant's keys).
 */
export function tenantData(forTenant: (tenantId: TenantId) => OfficerData): MiddlewareHandler<OfficerEnv> {
  return async (c, next) => {
    c.set('data', forTenant(principalOf(c).tenantId));
    await next();
  };
}
