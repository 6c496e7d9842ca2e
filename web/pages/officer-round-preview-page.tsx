import type { Call } from '../../shared/rounds/call';
import { Alert } from '../components/form-fields';
import { textTranslator } from '../i18n';
import type { PageContext } from '../layout';
import { roundText } from '../messages/rounds';
import { CallPage } from './call-page';
import { officerRoundPath } from './officer-workspace-page';

/** A round exactly as applicants will see its call page, marked as a preview. */
export function OfficerRoundPreviewPage(props: { page: PageContext; round: Call; baseUrl: string; now: Date }) {
  const t = textTranslator(roundText, props.page.lang);
  const notice = (
    <>
      <Alert color="warning">
        <p class="ds-paragraph">{t('preview.notice')}</p>
      </Alert>
      <p class="ds-paragraph">
        <a class="ds-link" href={officerRoundPath(props.round.roundId)}>{t('preview.back')}</a>
      </p>
    </>
  );
  return <CallPage page={props.page} call={props.round} baseUrl={props.baseUrl} now={props.now} preview={notice} />;
}
