import { z } from 'zod';
import type { Application, ReturnRequest } from '../application';
import { sectionNames } from '../section-schemas';
import { ActorRecusedError, NotFoundError } from '../errors';
import type { ApplicationRepository, LinkEmail } from '../ports';
import { transitionApplication } from '../lifecycle';
import type { Clock, IdGenerator } from '../../kernel/ports';
import { addLocalizedIssue } from '../../kernel/i18n';

/** The longest message an officer may send with a returned application. */
export const MAX_RETURN_MESSAGE_LENGTH = 4000;

/**
 * What the officer fills in: the message to the applicant and the parts of the form the applicant
 * may change (the form's own section ids). Both are required.
 */
export const returnRequestInputSchema = z
  .object({ message: z.string().trim(), sections: z.array(z.enum(sectionNames)) })
  .superRefine(({ message, sections }, ctx) => {
    if (message.length === 0) {
      addLocalizedIssue(ctx, { code: 'return.message_missing', messages: {
        nb: 'Skriv hva søkeren skal svare på eller rette.',
        nn: 'Skriv kva søkjaren skal svare på eller rette.',
        en: 'Write what the applicant is to answer or correct.',
      } }, ['message']);
    }
    if (message.length > MAX_RETURN_MESSAGE_LENGTH) {
      addLocalizedIssue(ctx, { code: 'return.message_too_long', messages: {
        nb: `Meldingen kan ha høyst ${MAX_RETURN_MESSAGE_LENGTH} tegn; den har ${message.length}.`,
        nn: `Meldinga kan ha høgst ${MAX_RETURN_MESSAGE_LENGTH} teikn; ho har ${message.length}.`,
        en: `The message can have at most ${MAX_RETURN_MESSAGE_LENGTH} characters; it has ${message.length}.`,
      } }, ['message']);
    }
    if (sections.length === 0) {
      addLocalizedIssue(ctx, { code: 'return.sections_missing', messages: {
        nb: 'Velg minst én del av søknaden som søkeren kan endre.',
        nn: 'Vel minst éin del av søknaden som søkjaren kan endre.',
        en: 'Choose at least one part of the application the applicant may change.',
      } }, ['sections']);
    }
  })
  .transform(({ message, sections }) => ({ message, sections: sectionNames.filter((section) => sections.includes(section)) }));

/** The officer's request, as parsed. */
export type ReturnRequestInput = z.infer<typeof returnRequestInputSchema>;

/** What {@link returnToApplicant} needs. */
export interface ReturnToApplicantDeps {
  applications: Pick<ApplicationRepository, 'change'>;
  clock: Clock;
  newId: IdGenerator;
}

/**
 * Return an application to the applicant for more information or a correction.
 *
 * Primary course: the application is `submitted` or `under_assessment` and the officer has not
 * declared a conflict of interest in it; one transaction sets it `returned` with the request (who,
 * when, the message, the sections the applicant may change), writes the audit event
 * `return_to_applicant`, and queues the email to the applicant (in the applicant's language, made
 * by `composeEmail` from the returned application) together with the record of its single-use link
 * to continue.
 *
 * Alternatives:
 * - The officer is recused (`recusedUserIds`): `ActorRecusedError`; nothing changes.
 * - The application is a draft, withdrawn, already returned or decided: `IllegalTransitionError`.
 * - The applicant withdrew, or another officer returned it, since the officer's page was loaded
 *   (the version or the status differs): `ConcurrentChangeError` from the store; nothing changes,
 *   and the page shows the officer's message again.
 */
export async function returnToApplicant(
  deps: ReturnToApplicantDeps,
  input: { application: Application | undefined; actor: string; request: ReturnRequestInput; expectedVersion: number },
  composeEmail: (returned: Application) => LinkEmail | Promise<LinkEmail>,
): Promise<Application> {
  const { application, actor, request } = input;
  if (!application) throw new NotFoundError();
  if (application.recusedUserIds?.includes(actor)) throw new ActorRecusedError();
  const now = deps.clock();
  const status = transitionApplication(application.status, 'return_to_applicant', { now, actorRecused: false });
  const at = now.toISOString();
  const returnRequest: ReturnRequest = { requestedAt: at, requestedBy: actor, message: request.message, sections: [...request.sections] };
  const returned: Application = { ...application, status, returnRequest, version: input.expectedVersion + 1, updatedAt: at };
  const email = await composeEmail(returned);
  await deps.applications.change({
    next: returned,
    expectedStatus: application.status,
    audit: { eventId: deps.newId(), at, actor: `officer:${actor}`, action: 'return_to_applicant', from: application.status, to: status },
    outbox: [email.message],
    links: [email.link],
  });
  return returned;
}
