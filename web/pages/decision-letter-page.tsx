import { DecisionLetterView } from '../components/decision-letter';
import type { DecisionLetter } from '../emails/decision-letter';
import { textTranslator } from '../i18n';
import { Layout, type PageContext } from '../layout';
import { decisionText } from '../messages/decision';
import { Alert } from '../components/form-fields';

/**
 * The printable decision letter, for the officer (on the case) and the applicant (from the status
 * page). Print CSS (`app.css`) leaves out the site's header, navigation, footer and the links here.
 */
export function DecisionLetterPage(props: { page: PageContext; letter: DecisionLetter; back: { href: string; label: string }; signed?: boolean }) {
  const { page, letter } = props;
  const tr = textTranslator(decisionText, page.lang);
  return (
    <Layout page={page} title={letter.title}>
      <div class="no-print stack">
        <p class="ds-paragraph">
          <a class="ds-link" href={props.back.href}>
            {props.back.label}
          </a>
        </p>
        {props.signed ? <Alert color="success">{tr('letter.signed')}</Alert> : null}
        <p class="ds-paragraph" data-size="sm">
          {tr('letter.printHint')}
        </p>
      </div>
      <DecisionLetterView letter={letter} />
    </Layout>
  );
}
