/**
 * What every assessment use case does first: find the application the user may assess, the
 * round's scoring settings and the user's own assessment; and the retry of a change that collided
 * with another assessor's change of the same application.
 */
import type { Application } from '../applications/application';
import { ConcurrentChangeError, NotFoundError } from '../applications/errors';
import type { TenantId } from '../kernel/tenants';
import type { RoundAssessment } from '../rounds/call';
import { mayAssess, type Assessor } from './access';
import type { Assessment } from './assessment';
import { NoAssessmentSetUpError } from './errors';
import type { AssessmentPorts } from './ports';

/** The case as an assessor meets it. */
export interface AssessmentCase {
  readonly application: Application;
  readonly round: RoundAssessment;
  readonly own?: Assessment;
}

/** Which application, as whom. */
export interface AssessmentTarget {
  readonly tenantId: TenantId;
  readonly applicationId: string;
  readonly user: Assessor;
}

/**
 * Reads the case. An application the user may not assess (an external assessor not assigned to
 * it), a draft, or one of another tenant is not found.
 */
export async function loadAssessmentCase(ports: AssessmentPorts, target: AssessmentTarget): Promise<AssessmentCase> {
  const application = await ports.applications.get(target.tenantId, target.applicationId);
  if (!application || application.status === 'draft' || !mayAssess(target.user, application)) throw new NotFoundError();
  const [call, own] = await Promise.all([
    ports.calls.get(target.tenantId, application.roundId),
    ports.assessments.get(target.tenantId, target.applicationId, target.user.userId),
  ]);
  if (!call?.assessment) throw new NoAssessmentSetUpError();
  return { application, round: call.assessment, ...(own ? { own } : {}) };
}

/** How often a change that touches the application item is tried in all. */
const ATTEMPTS = 5;

/**
 * Runs `attempt` again (it reads afresh each time) when another change of the same application got
 * there first, e.g. two assessors submitting at the same moment; each try re-checks every rule, so
 * a retry never writes over what it did not see.
 */
export async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || tries >= ATTEMPTS) throw error;
    }
  }
}

/** The application with its assessment summary, recusals and version moved on. */
export function applicationAfter(application: Application, changes: Partial<Application>, at: string): Application {
  return { ...application, ...changes, version: application.version + 1, updatedAt: at };
}
