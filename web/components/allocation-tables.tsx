import { fraction, fractionToDecimalString, multiply } from '../../shared/kernel/fraction';
import { formatKroner, kroner, sum, toFraction, type Kroner } from '../../shared/kernel/money';
import type { AllocationProposal, FrameChange } from '../../shared/national/allocation-version';
import type { Language } from '../i18n';
import type { AllocationTextKey } from '../messages/allocation';

/** The allocation pages' translator (see `messages/allocation.ts`). */
export type AllocationTranslate = (key: AllocationTextKey, values?: Record<string, string | number>) => string;

/** A `"numerator/denominator"` string as a decimal with `digits` places (truncated), in the language's notation. */
export function decimalOf(fractionText: string, digits: number, lang: Language): string {
  const [numerator, denominator = '1'] = fractionText.split('/');
  const text = fractionToDecimalString(fraction(BigInt(numerator!), BigInt(denominator)), digits);
  return lang === 'en' ? text : text.replace('.', ',');
}

/** A decimal quota as text (`"702897.123456"`) in the language's notation, digits grouped like kroner. */
function quotaText(decimal: string, lang: Language): string {
  const [whole, decimals] = decimal.split('.');
  const grouped = formatKroner(kroner(Number(whole)), lang).replace(/^NOK /, '').replace(/\u00a0kr$/, '');
  return decimals ? `${grouped}${lang === 'en' ? '.' : ','}${decimals}` : grouped;
}

/**
 * Every managing municipality's key, share, exact quota, frame after largest-remainder rounding
 * and admin cap, with the totals in the footer, so the reader sees the frames add up to the pool.
 */
export function FramesTable(props: {
  tr: AllocationTranslate;
  lang: Language;
  proposal: AllocationProposal;
  /** The number a municipality had in the file, where the renumbering table translated it. */
  renumbered?: ReadonlyMap<string, string>;
}) {
  const { tr, lang, proposal } = props;
  const kr = (amount: Kroner) => formatKroner(amount, lang);
  const keys = proposal.frames.reduce((total, frame) => total + frame.key, 0);
  return (
    <table class="ds-table" data-border data-size="sm">
      <caption>{tr('frames.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('frames.name')}</th>
          <th scope="col">{tr('frames.kommunenummer')}</th>
          <th scope="col" class="amount">{tr('frames.key')}</th>
          <th scope="col" class="amount">{tr('frames.share')}</th>
          <th scope="col" class="amount">{tr('frames.quota')}</th>
          <th scope="col" class="amount">{tr('frames.frame')}</th>
          <th scope="col" class="amount">{tr('frames.adminCap')}</th>
        </tr>
      </thead>
      <tbody>
        {proposal.frames.map((frame) => (
          <tr>
            <th scope="row">{frame.name}</th>
            <td>
              {frame.kommunenummer}
              {props.renumbered?.get(frame.kommunenummer) ? ` (${tr('frames.renumbered', { number: props.renumbered.get(frame.kommunenummer)! })})` : ''}
            </td>
            <td class="amount">{quotaText(String(frame.key), lang)}</td>
            <td class="amount">{decimalOf(frame.share, 8, lang)}</td>
            <td class="amount">{quotaText(frame.exactQuotaDecimal, lang)}</td>
            <td class="amount">{kr(frame.frame)}</td>
            <td class="amount">{kr(frame.adminCap)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{tr('frames.total')}</th>
          <td></td>
          <td class="amount">{quotaText(String(keys), lang)}</td>
          <td class="amount">{decimalOf('1', 8, lang)}</td>
          <td class="amount">{quotaText(`${proposal.split.municipalPool}.000000`, lang)}</td>
          <td class="amount">{kr(proposal.framesTotal)}</td>
          <td class="amount">{kr(proposal.adminCapsTotal)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** How the national frame splits between IMDi and the municipalities. */
export function SplitTable(props: { tr: AllocationTranslate; lang: Language; proposal: AllocationProposal }) {
  const { tr, lang, proposal } = props;
  const { split } = proposal;
  const percent = fractionToDecimalString(multiply(toFraction(split.municipalShare), fraction(100n)), 2).replace(/\.?0+$/, '');
  const share = `${lang === 'en' ? percent : percent.replace('.', ',')}\u00a0%`;
  return (
    <table class="ds-table" data-border data-size="sm">
      <caption>{tr('split.caption')}</caption>
      <tbody>
        <tr><th scope="row">{tr('split.frame')}</th><td class="amount">{formatKroner(split.frame, lang)}</td></tr>
        <tr><th scope="row">{tr('split.imdi')}</th><td class="amount">{formatKroner(split.imdi, lang)}</td></tr>
        <tr><th scope="row">{tr('split.municipal', { share })}</th><td class="amount">{formatKroner(split.municipalPool, lang)}</td></tr>
      </tbody>
    </table>
  );
}

/** A signed amount of kroner: `+1 000 kr` / `−1 000 kr`. */
export function signedKroner(amount: number, lang: Language): string {
  return `${amount > 0 ? '+' : ''}${formatKroner(kroner(amount), lang)}`;
}

/** Each municipality whose frame a version changes, before, after and the difference, with the totals. */
export function ChangesTable(props: { tr: AllocationTranslate; lang: Language; changes: readonly FrameChange[]; from: number }) {
  const { tr, lang, changes, from } = props;
  if (changes.length === 0) return <p class="ds-paragraph">{tr('changes.none', { version: from })}</p>;
  const kr = (amount: Kroner) => formatKroner(amount, lang);
  return (
    <table class="ds-table" data-border data-size="sm">
      <caption>{tr('changes.caption', { version: from })}</caption>
      <thead>
        <tr>
          <th scope="col">{tr('frames.name')}</th>
          <th scope="col" class="amount">{tr('changes.before')}</th>
          <th scope="col" class="amount">{tr('changes.after')}</th>
          <th scope="col" class="amount">{tr('changes.change')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr>
            <th scope="row">{change.name}</th>
            <td class="amount">{kr(change.before)}</td>
            <td class="amount">{kr(change.after)}</td>
            <td class="amount">{signedKroner(change.change, lang)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{tr('frames.total')}</th>
          <td class="amount">{kr(sum(changes.map((change) => change.before)))}</td>
          <td class="amount">{kr(sum(changes.map((change) => change.after)))}</td>
          <td class="amount">{signedKroner(changes.reduce((total, change) => total + change.change, 0), lang)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
