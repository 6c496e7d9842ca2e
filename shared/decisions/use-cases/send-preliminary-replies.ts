/**
 * The scheduled job's use case: every undecided application of a closed round whose reply window
 * has passed gets a preliminary reply (fvl. § 11a), once. Each reply is one transaction guarded by
 * the application's version and by no reply being recorded yet, so two runs at once never send twice.
 */
import type { Application } from '../../applications/application';
import type { LocalDate } from '../../kernel/deadlines';
import type { Clock, IdGenerator } from '../../kernel/ports';
import type { Call } from '../../rounds/call';
import type { PreliminaryReplyRepository } from '../ports';
import { expectedDecisionDate, owesPreliminaryReply, preliminaryRepliesDue } from '../preliminary-reply';

/** The reply's subject and text, in the applicant's language (by `web/emails/preliminary-reply.ts`). */
export type ComposePreliminaryReply = (input: { application: Application; call: Call; expectedBy: LocalDate; fromRound: boolean }) => { subject: string; text: string };

export interface SendPreliminaryRepliesDeps {
  readonly replies: PreliminaryReplyRepository;
  readonly clock: Clock;
  readonly newId: IdGenerator;
  readonly compose: ComposePreliminaryReply;
}

/** What one run did. */
export interface PreliminaryReplyRun {
  /** Rounds whose reply window had passed. */
  readonly rounds: number;
  readonly sent: number;
  /** Applications another run (or a change) got to first. */
  readonly stale: number;
}

export async function sendPreliminaryReplies(deps: SendPreliminaryRepliesDeps): Promise<PreliminaryReplyRun> {
  const now = deps.clock();
  const closed = await deps.replies.listClosedRoundsWithDeadlineBefore(now.toISOString());
  const due = closed.filter((call) => preliminaryRepliesDue(call, now));
  let sent = 0;
  let stale = 0;
  for (const call of due) {
    const { date, fromRound } = expectedDecisionDate(call, now);
    const applications = (await deps.replies.listByRound(call.tenantId, call.roundId)).filter(owesPreliminaryReply);
    for (const application of applications) {
      const at = now.toISOString();
      const content = deps.compose({ application, call, expectedBy: date, fromRound });
      const outcome = await deps.replies.recordPreliminaryReply({
        next: { ...application, preliminaryReplyAt: at, version: application.version + 1, updatedAt: at },
        expectedStatus: application.status,
        audit: { eventId: deps.newId(), at, actor: 'system:preliminary-replies', action: 'preliminary_reply', from: application.status, to: application.status },
        message: {
          messageId: deps.newId(), tenantId: application.tenantId, kind: 'preliminary-reply', to: application.email,
          subject: content.subject, text: content.text, createdAt: at, relatedKey: application.applicationId,
        },
      });
      if (outcome === 'recorded') sent += 1;
      else stale += 1;
    }
  }
  return { rounds: due.length, sent, stale };
}
