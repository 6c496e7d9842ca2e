import type { Call } from '../../shared/rounds/call';
import type { PageContext } from '../layout';
import { CallFacts } from './call-facts';

/** The URL of a call; stable, so it can be shared and bookmarked. */
export function callPath(call: Pick<Call, 'tenantId' | 'roundId'>): string {
  return `/calls/${call.tenantId}/${call.roundId}`;
}

/** One call in the national list: who, what, until when, how much. */
export function CallCard(props: { page: PageContext; call: Call }) {
  const { page, call } = props;
  const { lang } = page;
  const headingId = `call-${call.tenantId}-${call.roundId}`;
  return (
    <article class="ds-card" data-variant="tinted" aria-labelledby={headingId}>
      <div class="stack">
        <p class="ds-paragraph" data-size="sm">
          {call.administratorName}
        </p>
        <h3 id={headingId} class="ds-heading" data-size="sm">
          <a class="ds-link" href={callPath(call)}>
            {call.title[lang]}
          </a>
        </h3>
        <p class="ds-paragraph">{call.summary[lang]}</p>
        <CallFacts page={page} call={call} />
      </div>
    </article>
  );
}
