/** Texts of the tenant register page and the officers' notice of the years they manage, in all three languages side by side. */
import type { LocalizedText } from '../../shared/kernel/i18n';

export const registerText = {
  'title': { nb: 'Forvaltningskommuner {year}', nn: 'Forvaltingskommunar {year}', en: 'Managing municipalities {year}' },
  'lead': {
    nb: 'Hvilke kommuner som forvalter tilskuddsordningen hvert år. Ingenting slettes: en kommune som avsluttes, beholder årene den forvaltet, og rundene sine.',
    nn: 'Kva kommunar som forvaltar tilskotsordninga kvart år. Ingenting blir sletta: ein kommune som blir avslutta, held på åra han forvalta, og rundane sine.',
    en: 'Which municipalities manage the grant scheme in each year. Nothing is deleted: a retired municipality keeps the years it managed, and its rounds.',
  },
  'year.label': { nb: 'År', nn: 'År', en: 'Year' },
  'year.show': { nb: 'Vis året', nn: 'Vis året', en: 'Show the year' },
  'count': { nb: '{count} kommuner forvalter ordningen i {year}.', nn: '{count} kommunar forvaltar ordninga i {year}.', en: '{count} municipalities manage the scheme in {year}.' },
  'caption': { nb: 'Kommuner i registeret, med årene de forvalter ordningen ({year})', nn: 'Kommunar i registeret, med åra dei forvaltar ordninga ({year})', en: 'Municipalities in the register, with the years they manage the scheme ({year})' },
  'col.name': { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  'col.kommunenummer': { nb: 'Kommunenummer i {year}', nn: 'Kommunenummer i {year}', en: 'Municipality number in {year}' },
  'col.periods': { nb: 'Forvalter i', nn: 'Forvaltar i', en: 'Manages in' },
  'col.inYear': { nb: 'Forvalter i {year}', nn: 'Forvaltar i {year}', en: 'Manages in {year}' },
  'col.contact': { nb: 'Kontaktadresse', nn: 'Kontaktadresse', en: 'Contact address' },
  'col.retire': { nb: 'Avslutt', nn: 'Avslutt', en: 'Retire' },
  'yes': { nb: 'Ja', nn: 'Ja', en: 'Yes' },
  'no': { nb: 'Nei', nn: 'Nei', en: 'No' },
  'period.open': { nb: '{from} og senere', nn: '{from} og seinare', en: '{from} onwards' },
  'period.closed': { nb: '{from}–{to}', nn: '{from}–{to}', en: '{from}–{to}' },
  'none': { nb: 'Ingen kommuner i registeret ennå.', nn: 'Ingen kommunar i registeret enno.', en: 'No municipalities in the register yet.' },
  'retire.label': { nb: 'Forvalter ikke lenger fra år', nn: 'Forvaltar ikkje lenger frå år', en: 'No longer manages from year' },
  'retire.button': { nb: 'Avslutt {name}', nn: 'Avslutt {name}', en: 'Retire {name}' },
  'retire.notOpen': { nb: 'Avsluttet', nn: 'Avslutta', en: 'Retired' },
  'add.heading': { nb: 'Legg til en forvaltningskommune', nn: 'Legg til ein forvaltingskommune', en: 'Add a managing municipality' },
  'add.kommunenummer': { nb: 'Kommunenummer', nn: 'Kommunenummer', en: 'Municipality number' },
  'add.kommunenummer.help': { nb: 'Fire sifre, slik nummeret var det første året kommunen forvalter ordningen.', nn: 'Fire siffer, slik nummeret var det første året kommunen forvaltar ordninga.', en: 'Four digits, as the number was in the first year the municipality manages the scheme.' },
  'add.name': { nb: 'Navn', nn: 'Namn', en: 'Name' },
  'add.contactEmail': { nb: 'E-postadresse for ordningen', nn: 'E-postadresse for ordninga', en: 'Email address for the scheme' },
  'add.contactEmail.help': { nb: 'En felles adresse, ikke en persons. Oppdragsbrevet sendes hit.', nn: 'Ei felles adresse, ikkje ein person si. Oppdragsbrevet blir sendt hit.', en: 'A shared address, not a person’s. The assignment letter is sent here.' },
  'add.fromYear': { nb: 'Forvalter fra år', nn: 'Forvaltar frå år', en: 'Manages from year' },
  'add.button': { nb: 'Legg til kommunen', nn: 'Legg til kommunen', en: 'Add the municipality' },
  'done.added': { nb: 'Kommunen er lagt til i registeret.', nn: 'Kommunen er lagd til i registeret.', en: 'The municipality was added to the register.' },
  'done.retired': { nb: 'Kommunen er avsluttet i registeret.', nn: 'Kommunen er avslutta i registeret.', en: 'The municipality was retired in the register.' },
  'errors.title': { nb: 'Dette må rettes:', nn: 'Dette må rettast:', en: 'Please correct this:' },
  'officer.notManaging.heading': { nb: 'Kommunen forvalter ikke ordningen i {year}', nn: 'Kommunen forvaltar ikkje ordninga i {year}', en: 'The municipality does not manage the scheme in {year}' },
  'officer.notManaging.years': {
    nb: 'Ifølge IMDis register forvalter kommunen ordningen i {periods}. Rundene fra disse årene kan du fortsatt lese.',
    nn: 'Ifølgje registeret til IMDi forvaltar kommunen ordninga i {periods}. Rundane frå desse åra kan du framleis lese.',
    en: 'According to IMDi’s register, the municipality manages the scheme in {periods}. You can still read the rounds of those years.',
  },
  'officer.notManaging.never': {
    nb: 'Ifølge IMDis register har kommunen ikke forvaltet ordningen noe år.',
    nn: 'Ifølgje registeret til IMDi har kommunen ikkje forvalta ordninga noko år.',
    en: 'According to IMDi’s register, the municipality has not managed the scheme in any year.',
  },
} satisfies Record<string, LocalizedText>;

/** A key of the register's texts. */
export type RegisterTextKey = keyof typeof registerText;
