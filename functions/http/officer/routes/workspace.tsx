import { Hono, type Context } from 'hono';
import type { Clock } from '../../../../shared/kernel/ports';
import { managesIn } from '../../../../shared/kernel/tenants';
import { can } from '../../../../shared/officers/permissions';
import { osloYearOf } from '../../../../shared/national/register';
import { OfficerWorkspacePage } from '../../../../web/pages/officer-workspace-page';
import { isExternalAssessor } from '../../../../shared/officers/permissions';
import { principalOf } from '../../common/authentication';
import type { FormStatus } from '../../common/form-cycle';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';
import { budgetPanelData } from './budget-panel-data';

/**
 * The start page: the municipality's rounds and budget panel. `reservation` is the admin
 * reservation form's state when the form is shown again after a post (with its status).
 */
export async function renderWorkspace(c: Context<OfficerEnv>, clock: Clock, reservation?: Parameters<typeof budgetPanelData>[2], status: 200 | FormStatus = 200) {
  const { tenantId } = principalOf(c);
  const reading = c.var.data.tenants.getProfile(tenantId);
  const [page, rounds, profile, budget] = await Promise.all([
    signedInPage(c, 'officer', async () => (await reading)?.name), c.var.data.calls.listByTenant(tenantId), reading, budgetPanelData(c, clock, reservation),
  ]);
  // A profile without periods was written before the register kept them: nothing is known to say.
  const year = osloYearOf(clock());
  const periods = profile?.managingPeriods;
  const notManaging = profile?.kind === 'municipality' && periods && !managesIn({ managingYears: [], managingPeriods: periods }, year) ? { year, periods } : undefined;
  // The year reports of the years the municipality has had rounds in, newest first (this year's when it has none).
  const yearReportYears = can(principalOf(c).roles, 'year_report.manage') ? [...new Set([year, ...rounds.map((round) => round.grantYear)])].sort((a, b) => b - a) : [];
  return c.html(<OfficerWorkspacePage page={page} tenantName={page.session!.tenantName} rounds={rounds} notManaging={notManaging} budget={budget} canCreateRound={can(principalOf(c).roles, 'rounds.manage')} canManageTexts={can(principalOf(c).roles, 'texts.manage')} canManageStaff={can(principalOf(c).roles, 'staff.manage')} canReadAppeals={can(principalOf(c).roles, 'cases.read')} canManagePayments={can(principalOf(c).roles, 'payments.manage')} yearReportYears={yearReportYears} />, status);
}

/** The officer's start page: the municipality's rounds and budget (the round pages are `round-pages.tsx`). */
export function workspaceRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();

  // An external assessor sees no round, budget or figure of the municipality: their start page is
  // their list of assigned applications. Everyone else needs `cases.read`.
  const readsCases = requirePermission('cases.read');
  app.get(
    '/officer',
    async (c, next) => (isExternalAssessor(principalOf(c).roles) ? c.redirect('/officer/assessments', 303) : next()),
    readsCases,
    (c) => renderWorkspace(c, clock),
  );

  return app;
}
