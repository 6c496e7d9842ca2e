import type { ManagingPeriod } from '../../shared/kernel/tenants';
import { textTranslator, type Language } from '../i18n';
import { registerText } from '../messages/register';
import { Alert } from './form-fields';

/** Managing periods as a person reads them, in the page's language: `2021, 2023–2025, 2027 onwards`. */
export function periodsInWords(periods: readonly ManagingPeriod[], lang: Language): string {
  const tr = textTranslator(registerText, lang);
  return periods
    .map((period) => period.to === undefined ? tr('period.open', { from: period.from })
      : period.to === period.from ? String(period.from) : tr('period.closed', { from: period.from, to: period.to }))
    .join(', ');
}

/**
 * Why a municipality's officers see no current work: by IMDi's register it does not manage the
 * scheme in `year`. Says the years it does manage; its rounds of those years stay on the page.
 */
export function NotManagingNotice(props: { lang: Language; year: number; periods: readonly ManagingPeriod[] }) {
  const tr = textTranslator(registerText, props.lang);
  return (
    <Alert color="info" heading={tr('officer.notManaging.heading', { year: props.year })}>
      <p class="ds-paragraph">
        {props.periods.length > 0 ? tr('officer.notManaging.years', { periods: periodsInWords(props.periods, props.lang) }) : tr('officer.notManaging.never')}
      </p>
    </Alert>
  );
}
