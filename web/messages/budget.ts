/** Texts of the municipality's budget panel on the workspace start page, in all three languages. */
import type { LocalizedText } from '../../shared/kernel/i18n';

const text = <T extends Record<string, LocalizedText>>(texts: T) => texts;

export const budgetText = text({
  'budget.heading': { nb: 'Budsjett {year}', nn: 'Budsjett {year}', en: 'Budget {year}' },
  'budget.none': {
    nb: 'Kommunen har ingen ramme for {year} ennå. Rammen kommer når IMDi publiserer fordelingen.',
    nn: 'Kommunen har inga ramme for {year} enno. Ramma kjem når IMDi publiserer fordelinga.',
    en: 'The municipality has no frame for {year} yet. It comes when IMDi publishes the allocation.',
  },
  'budget.caption': { nb: 'Budsjettet for {year}, i kroner', nn: 'Budsjettet for {year}, i kroner', en: 'The {year} budget, in kroner' },
  'budget.item': { nb: 'Post', nn: 'Post', en: 'Item' },
  'budget.amount': { nb: 'Beløp', nn: 'Beløp', en: 'Amount' },
  'budget.frame': { nb: 'Ramme fra IMDi', nn: 'Ramme frå IMDi', en: 'Frame from IMDi' },
  'budget.carriedOver': { nb: 'Overført fra året før', nn: 'Overført frå året før', en: 'Carried over from the year before' },
  'budget.adminCap': { nb: 'Tak for administrasjon', nn: 'Tak for administrasjon', en: 'Admin cap' },
  'budget.adminReserved': { nb: 'Reservert til administrasjon', nn: 'Reservert til administrasjon', en: 'Reserved for administration' },
  'budget.awarded': { nb: 'Tildelt (bundet)', nn: 'Tildelt (bunde)', en: 'Awarded (committed)' },
  'budget.paid': { nb: 'Utbetalt', nn: 'Utbetalt', en: 'Paid' },
  'budget.returned': { nb: 'Tilbakeført fra tilskudd', nn: 'Tilbakeført frå tilskot', en: 'Returned from grants' },
  'budget.returnedToImdi': { nb: 'Sendt tilbake til IMDi', nn: 'Sendt tilbake til IMDi', en: 'Sent back to IMDi' },
  'budget.available': { nb: 'Tilgjengelig', nn: 'Tilgjengeleg', en: 'Available' },
  'budget.versionNote': {
    nb: 'Rammen er fra versjon {version} av fordelingen.',
    nn: 'Ramma er frå versjon {version} av fordelinga.',
    en: 'The frame is from version {version} of the allocation.',
  },
  'history.caption': { nb: 'Rammeversjoner for {year}', nn: 'Rammeversjonar for {year}', en: 'Frame versions for {year}' },
  'history.version': { nb: 'Versjon', nn: 'Versjon', en: 'Version' },
  'history.date': { nb: 'Dato', nn: 'Dato', en: 'Date' },
  'history.frame': { nb: 'Ramme', nn: 'Ramme', en: 'Frame' },
  'history.change': { nb: 'Endring', nn: 'Endring', en: 'Change' },
});

/** A key of {@link budgetText}. */
export type BudgetTextKey = keyof typeof budgetText;
