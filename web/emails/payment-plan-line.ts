/** The decision letter's sentence on how the grant is paid, in the letter's language. */
import type { Decision } from '../../shared/decisions/decision';
import { formatKroner } from '../../shared/kernel/money';
import { textTranslator, type Language } from '../i18n';
import { paymentText } from '../messages/payments';

/** How the grant is paid, as the decision's plan says: in full on acceptance, or in two instalments. */
export function paymentPlanLine(plan: NonNullable<Decision['paymentPlan']>, lang: Language): string {
  const tx = textTranslator(paymentText, lang);
  const [first, second] = plan;
  if (!first || !second || second.condition === 'acceptance') return tx('letter.once');
  return tx('letter.split', {
    first: formatKroner(first.amount, lang),
    second: formatKroner(second.amount, lang),
    condition: tx(`letter.condition.${second.condition}`),
  });
}
