import type { MiddlewareHandler } from 'hono';
import type { CaseEventReader } from '../../../shared/applications/case-events';
import type { FundingIndex } from '../../../shared/applications/funding-index';
import type { ApplicationRepository, AttachmentStore, OrganisationRegistry } from '../../../shared/applications/ports';
import type { StaffDirectory } from '../../../shared/officers/staff';
import type { RuleSets } from '../../../shared/rules/ports';
import type { AssessmentRepository } from '../../../shared/assessments/ports';
import type { StandardTextRepository } from '../../../shared/decisions/standard-texts';
import type { TenantId } from '../../../shared/kernel/tenants';
import type { BudgetRepository, TenantRepository } from '../../../shared/national/ports';
import type { CallRepository } from '../../../shared/rounds/ports';
import type { RuleSetRepository } from '../../../shared/rules/ports';
import type { DecisionRepository } from '../../../shared/decisions/ports';
import type { PaymentRepository } from '../../../shared/payments/ports';
import type { AppealRepository } from '../../../shared/appeals/ports';
import type { YearReportRepository } from '../../../shared/year-reports/year-report';
import type { AppVariables } from '../common/app-env';
import { principalOf } from '../common/authentication';

/** The repositories the officer routes read, as one tenant may see them. */
export interface OfficerData {
  readonly calls: Pick<CallRepository, 'listByTenant' | 'get' | 'getVersioned' | 'create' | 'change'>;
  /** The national rules a round is created and checked under (read; a version is locked by the round's creation). */
  readonly ruleSets: Pick<RuleSetRepository, 'list' | 'get'>;
  /**
   * The round's received applications, for the round page; one case (`get`) and its changes
   * (`change`); the organisation's applications in this tenant (`listOfOrganisationInTenant`); the
   * organisations of earlier rounds, for the first-time filter (`listOrganisationsByRound`).
   */
  readonly applications: Pick<ApplicationRepository, 'listSubmittedByRound' | 'get' | 'change' | 'listOfOrganisationInTenant' | 'listOrganisationsByRound'>;
  /** The case timeline: the audit events about one application. */
  readonly caseEvents: CaseEventReader;
  /** The tenant's staff directory (user id, name, roles, last seen). */
  readonly staff: StaffDirectory;
  /** The cross-tenant funding index, which the officer may only read: possible double funding. */
  readonly funding: FundingIndex;
  /** Enhetsregisteret, for re-running a case's registry check. */
  readonly registry: OrganisationRegistry;
  /** The rule-set versions the rounds were created under (read only), for screening a case. */
  readonly roundRules: Pick<RuleSets, 'version'>;
  /** Download links of the applications' attachments. */
  readonly attachments: Pick<AttachmentStore, 'getDownloadUrl'>;
  /** The assessors' declarations and scores, beside each application. */
  readonly assessments: AssessmentRepository;
  /** Only `getProfile`: the officer role may not read the national register. */
  readonly tenants: Pick<TenantRepository, 'getProfile'>;
  /** The tenant's own budget positions and frame history; the admin reservation is the only change made here. */
  readonly budget: Pick<BudgetRepository, 'get' | 'change' | 'frameHistory'>;
  /** The municipality's standard reason texts for recommendations. */
  readonly standardTexts: StandardTextRepository;
  /** Reading cases and signing their decisions (with the award against the budget). */
  readonly decisions: DecisionRepository;
  /** Recording payments of accepted grants and exporting the payment file. */
  readonly payments: PaymentRepository;
  /** The municipality's appeal register and the steps on each appeal. */
  readonly appeals: AppealRepository;
  /** The municipality's year reports to IMDi: drafts saved and the one submission. */
  readonly yearReports: YearReportRepository;
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
