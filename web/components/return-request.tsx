import type { Application } from '../../shared/applications/application';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { textTranslator } from '../i18n';
import type { PageContext } from '../layout';
import { returnText, type ReturnTextKey } from '../messages/return';

/**
 * The municipality's request for more information on the applicant's status page: its message,
 * the parts of the form the applicant may change (each a link into the form), that the deadline
 * does not apply to the answer, and the way to send the application back. Earlier requests are
 * listed with when they were answered. Renders nothing for an application never returned.
 */
export function ReturnRequestPanel(props: { page: PageContext; application: Application }) {
  const { page, application } = props;
  const { lang } = page;
  const tx = textTranslator(returnText, lang);
  const request = application.status === 'returned' ? application.returnRequest : undefined;
  const history = application.returnHistory ?? [];
  if (!request && history.length === 0) return null;
  const base = `/applications/${application.applicationId}`;
  return (
    <>
      {request ? (
        <section aria-labelledby="return-request-heading" class="stack ds-alert" data-color="warning">
          <h2 id="return-request-heading" class="ds-heading" data-size="sm">
            {tx('request.heading')}
          </h2>
          <p class="ds-paragraph" data-size="sm">
            {tx('request.sentAt', { at: formatDateTime(request.requestedAt, lang) })}
          </p>
          <h3 class="ds-heading" data-size="xs">
            {tx('request.message')}
          </h3>
          <p class="ds-paragraph preserve-lines">{request.message}</p>
          <p class="ds-paragraph">{tx('request.sections')}</p>
          <ul class="ds-list">
            {request.sections.map((section) => (
              <li>
                <a class="ds-link" href={`${base}/${section}`}>
                  {tx(`section.${section}` as ReturnTextKey)}
                </a>
              </li>
            ))}
          </ul>
          <p class="ds-paragraph">{tx('request.deadline')}</p>
          <p class="ds-paragraph">
            <a class="ds-button" data-variant="primary" href={`${base}/review`}>
              {tx('request.review')}
            </a>
          </p>
        </section>
      ) : null}
      {history.length > 0 ? (
        <section aria-labelledby="return-history-heading" class="stack">
          <h2 id="return-history-heading" class="ds-heading" data-size="sm">
            {tx('request.history')}
          </h2>
          <ul class="ds-list">
            {history.map((answered) => (
              <li>
                <p class="ds-paragraph" data-size="sm">
                  {`${tx('request.sentAt', { at: formatDateTime(answered.requestedAt, lang) })} ${answered.resubmittedAt ? tx('request.answeredAt', { at: formatDateTime(answered.resubmittedAt, lang) }) : ''}`}
                </p>
                <p class="ds-paragraph preserve-lines">{answered.message}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The timeline entries of returns and answers, for the status page's list of events. */
export function returnEvents(application: Application, lang: PageContext['lang']): { at: string; text: string }[] {
  const tx = textTranslator(returnText, lang);
  const requests = [...(application.returnHistory ?? []), ...(application.status === 'returned' && application.returnRequest ? [application.returnRequest] : [])];
  return requests.flatMap((request) => [
    { at: request.requestedAt, text: tx('event.returned') },
    ...(request.resubmittedAt ? [{ at: request.resubmittedAt, text: tx('event.resubmitted') }] : []),
  ]);
}
