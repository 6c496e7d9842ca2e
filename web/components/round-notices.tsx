import { formatDateTime } from '../../shared/kernel/deadlines';
import type { Call } from '../../shared/rounds/call';
import { Alert } from './form-fields';
import { textTranslator, type Language } from '../i18n';
import { roundText } from '../messages/rounds';

/**
 * What applicants must know of a round's later changes: its cancellation with the reason, and the
 * corrections made after it opened (oldest first). Shown on the call page and in the application form.
 */
export function RoundNotices(props: { lang: Language; call: Pick<Call, 'cancellation' | 'corrections'> }) {
  const { lang, call } = props;
  const t = textTranslator(roundText, lang);
  const corrections = call.corrections ?? [];
  return (
    <>
      {call.cancellation ? (
        <Alert color="danger" heading={t('notice.cancelled')}>
          <p class="ds-paragraph">{call.cancellation.reason}</p>
        </Alert>
      ) : null}
      {corrections.length === 0 ? null : (
        <Alert color="warning" heading={t('notice.corrections')}>
          <ul class="ds-list">
            {corrections.map((correction) => (
              <li>
                <strong>{t('notice.correctedAt', { at: formatDateTime(correction.at, lang) })}: </strong>
                {correction.text[lang]}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
