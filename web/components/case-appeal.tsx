import type { Application } from '../../shared/applications/application';
import { formatDateTime } from '../../shared/kernel/deadlines';
import { textTranslator } from '../i18n';
import type { PageContext } from '../layout';
import { appealText } from '../messages/appeal';

/**
 * The case page's part of an appeal: its state, when it was lodged and whether late, and the way
 * to the appeal's own page, where its steps are taken. Nothing when the case has no appeal.
 */
export function CaseAppeal(props: { lang: PageContext['lang']; application: Application }) {
  const { lang, application } = props;
  const appeal = application.appeal;
  if (!appeal) return null;
  const tr = textTranslator(appealText, lang);
  return (
    <section aria-labelledby="case-appeal-heading" class="stack">
      <h2 id="case-appeal-heading" class="ds-heading" data-size="sm">
        {tr('register.title')}
      </h2>
      <p class="ds-paragraph">
        <span class="ds-tag" data-color="accent">{tr(`state.${appeal.status}`)}</span>
        {` ${tr('col.lodged')}: ${formatDateTime(appeal.lodgedAt, lang)}${appeal.late ? ` · ${tr('late.yes')}` : ''}`}
      </p>
      <p class="ds-paragraph">
        <a class="ds-link" href={`/officer/applications/${application.applicationId}/appeal`}>
          {tr('officer.open')}
        </a>
      </p>
    </section>
  );
}
