import { textTranslator, type Language } from '../i18n';
import { caseText } from '../messages/case';
import { DataTable } from './data-table';
import { Section } from './section';

/** One line of the timeline as the page shows it (already in the reader's language). */
export interface TimelineRow {
  readonly eventId: string;
  readonly atOslo: string;
  readonly who: string;
  readonly what: string;
  readonly change?: string;
}

/** Every event of the case, oldest first: when (Oslo time), who, what and what changed. */
export function CaseTimeline(props: { lang: Language; entries: readonly TimelineRow[] }) {
  const tr = textTranslator(caseText, props.lang);
  return (
    <Section id="case-timeline" heading={tr('case.timeline')}>
      {props.entries.length === 0 ? (
        <p class="ds-paragraph">{tr('case.timeline.none')}</p>
      ) : (
        <DataTable
          caption={tr('case.timeline')}
          captionHidden
          size="sm"
          rows={props.entries}
          columns={[
            { header: tr('case.timeline.when'), cell: (entry) => <time>{entry.atOslo}</time> },
            { header: tr('case.timeline.who'), cell: (entry) => entry.who },
            { header: tr('case.timeline.what'), cell: (entry) => entry.what },
            { header: tr('case.timeline.change'), cell: (entry) => entry.change ?? '' },
          ]}
        />
      )}
    </Section>
  );
}
