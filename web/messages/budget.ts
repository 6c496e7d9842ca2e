/** Texts of the municipality's budget panel on the workspace start page, in all three languages. */
import type { LocalizedText } from '../../shared/kernel/i18n';

export const budgetText = {
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
  'reservation.heading': { nb: 'Reservasjon til administrasjon', nn: 'Reservasjon til administrasjon', en: 'Reservation for administration' },
  'reservation.lead': {
    nb: 'Taket for administrasjon i {year} er {cap}. Nå er {reserved} reservert og {available} tilgjengelig, så reservasjonen kan være opptil {max}.',
    nn: 'Taket for administrasjon i {year} er {cap}. No er {reserved} reservert og {available} tilgjengeleg, så reservasjonen kan vere opptil {max}.',
    en: 'The admin cap for {year} is {cap}. {reserved} is reserved now and {available} is available, so the reservation can be up to {max}.',
  },
  'reservation.amount': { nb: 'Reservasjon i kroner', nn: 'Reservasjon i kroner', en: 'Reservation in kroner' },
  'reservation.amount.help': {
    nb: 'Hele kroner, for eksempel 35 000. Skriv 0 for å frigi hele reservasjonen.',
    nn: 'Heile kroner, til dømes 35 000. Skriv 0 for å frigje heile reservasjonen.',
    en: 'Whole kroner, for example 35,000. Enter 0 to release the whole reservation.',
  },
  'reservation.submit': { nb: 'Lagre reservasjonen', nn: 'Lagre reservasjonen', en: 'Save the reservation' },
  'reservation.errors': { nb: 'Reservasjonen ble ikke lagret', nn: 'Reservasjonen vart ikkje lagra', en: 'The reservation was not saved' },
  'reservation.saved': {
    nb: 'Reservasjonen til administrasjon for {year} er lagret: {amount}.',
    nn: 'Reservasjonen til administrasjon for {year} er lagra: {amount}.',
    en: 'The reservation for administration for {year} is saved: {amount}.',
  },
  'reservation.aboveCap': {
    nb: 'Reservasjonen kan ikke være over taket for administrasjon, {cap}.',
    nn: 'Reservasjonen kan ikkje vere over taket for administrasjon, {cap}.',
    en: 'The reservation cannot be above the admin cap, {cap}.',
  },
  'reservation.aboveAvailable': {
    nb: 'Det er ikke nok igjen av rammen. Reservasjonen kan være opptil {max}.',
    nn: 'Det er ikkje nok att av ramma. Reservasjonen kan vere opptil {max}.',
    en: 'Not enough is left of the frame. The reservation can be up to {max}.',
  },
  'reservation.notOpen': {
    nb: 'Kommunen har ingen ramme for {year} ennå, så det kan ikke reserveres noe.',
    nn: 'Kommunen har inga ramme for {year} enno, så det kan ikkje reserverast noko.',
    en: 'The municipality has no frame for {year} yet, so nothing can be reserved.',
  },
  'reservation.closed': {
    nb: 'Tilskuddsåret {year} er lukket. Reservasjonen kan ikke endres.',
    nn: 'Tilskotsåret {year} er lukka. Reservasjonen kan ikkje endrast.',
    en: 'The grant year {year} is closed. The reservation can no longer be changed.',
  },
  'reservation.changedMeanwhile': {
    nb: 'Budsjettet ble endret av noen andre samtidig. Se på tallene på nytt og prøv igjen.',
    nn: 'Budsjettet vart endra av nokon andre samstundes. Sjå på tala på nytt og prøv igjen.',
    en: 'Someone else changed the budget at the same moment. Look at the figures again and try again.',
  },
  'positions.heading': { nb: 'Budsjettet til kommunene', nn: 'Budsjettet til kommunane', en: 'The municipalities’ budgets' },
  'positions.caption': {
    nb: 'Budsjettposisjonen til hver kommune for {year}, i kroner',
    nn: 'Budsjettposisjonen til kvar kommune for {year}, i kroner',
    en: 'Each municipality’s budget position for {year}, in kroner',
  },
  'positions.none': {
    nb: 'Ingen kommuner forvalter ordningen i {year} ennå.',
    nn: 'Ingen kommunar forvaltar ordninga i {year} enno.',
    en: 'No municipality manages the scheme in {year} yet.',
  },
  'positions.municipality': { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  'positions.frame': { nb: 'Ramme', nn: 'Ramme', en: 'Frame' },
  'positions.adminCap': { nb: 'Tak for administrasjon', nn: 'Tak for administrasjon', en: 'Admin cap' },
  'positions.adminReserved': { nb: 'Reservert til administrasjon', nn: 'Reservert til administrasjon', en: 'Reserved for administration' },
  'positions.noFrame': { nb: 'Ingen ramme ennå', nn: 'Inga ramme enno', en: 'No frame yet' },
  'positions.total': { nb: 'Sum', nn: 'Sum', en: 'Total' },
} satisfies Record<string, LocalizedText>;

/** A key of {@link budgetText}. */
export type BudgetTextKey = keyof typeof budgetText;
